import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** GET /api/admin/outbox as an OpenAPI schema (GET /openapi.json); test/openapi checks real answers against it. */

@ApiSchema({ name: 'OutboxItem' })
export class OutboxItemSchema {
  @ApiProperty({ description: 'The outbox id: the kind and what it is about (`booking-confirmed-{bookingId}`).' })
  id!: string;

  @ApiProperty({ format: 'email' })
  to!: string;

  @ApiProperty()
  subject!: string;

  @ApiProperty({ enum: ['welcome', 'booking-held', 'hold-expiring', 'booking-confirmed', 'booking-expired', 'refund', 'show-cancelled', 'ticket-sent', 'ticket-received', 'incident-status'] })
  kind!: string;

  @ApiProperty({ description: 'The id of the event the e-mail tells of.' })
  eventId!: string;

  @ApiProperty({ type: 'string', format: 'date-time', nullable: true, description: 'When the server accepted it; null until then.' })
  sentAt!: string | null;

  @ApiProperty({ enum: ['sent', 'retrying', 'failed'], description: '`retrying`: due, or tried and waiting for its next attempt. `failed`: refused for good (5xx) or out of attempts.' })
  status!: 'sent' | 'retrying' | 'failed';

  @ApiProperty({ type: 'integer', minimum: 0 })
  attempts!: number;
}

@ApiSchema({ name: 'OutboxResponse' })
export class OutboxResponseSchema {
  @ApiProperty({ type: OutboxItemSchema, isArray: true, description: 'Newest first.' })
  items!: OutboxItemSchema[];
}

import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/**
 * Response bodies of the admin read routes (API.md, Audit and analytics) as OpenAPI schemas
 * (GET /openapi.json); test/openapi checks real responses against them.
 */

const POSITION = { description: 'Global log position, a decimal string.', pattern: '^\\d+$' };

@ApiSchema({ name: 'SalesByCategory' })
export class SalesByCategorySchema {
  @ApiProperty()
  categoryId!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  sold!: number;

  @ApiProperty({ type: 'integer', description: 'Minor units.' })
  revenue!: number;
}

@ApiSchema({ name: 'SalesByHour' })
export class SalesByHourSchema {
  @ApiProperty({ format: 'date-time', description: 'The start of the hour, ISO 8601 UTC.' })
  hour!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  sold!: number;

  @ApiProperty({ type: 'integer', description: 'Minor units.' })
  revenue!: number;
}

@ApiSchema({ name: 'ShowSalesResponse' })
export class ShowSalesResponseSchema {
  @ApiProperty()
  showId!: string;

  @ApiProperty({ pattern: '^[A-Z]{3}$' })
  currency!: string;

  @ApiProperty({ type: SalesByCategorySchema, isArray: true })
  byCategory!: SalesByCategorySchema[];

  @ApiProperty({ type: SalesByHourSchema, isArray: true })
  byHour!: SalesByHourSchema[];

  @ApiProperty({ type: 'integer', minimum: 0 })
  holdsPlaced!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  holdsExpired!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  holdsCancelled!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  bookingsConfirmed!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  bookingsRefunded!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Minor units.' })
  refundedAmount!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  paymentsDeclined!: number;

  @ApiProperty({ type: 'number', minimum: 0, description: 'bookingsConfirmed / holdsPlaced.' })
  conversion!: number;

  @ApiProperty({ type: 'integer', description: 'Minor units: the list prices of the seats sold, net of refunds (the sum of `byCategory` revenue).' })
  revenueBeforeDiscounts!: number;

  @ApiProperty({ type: 'integer', description: 'Minor units taken off by vouchers on the bookings paid, net of refunds.' })
  discounts!: number;

  @ApiProperty({ type: 'integer', description: 'Minor units: `revenueBeforeDiscounts` less `discounts`, what was charged and kept.' })
  revenueAfterDiscounts!: number;
}

@ApiSchema({ name: 'AuditEventMetadata' })
export class AuditEventMetadataSchema {
  @ApiProperty({ description: 'A user id, `system:<process>` or `device:<id>`.' })
  actorId!: string;

  @ApiProperty()
  correlationId!: string;

  @ApiProperty()
  causationId!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: 'integer', required: false })
  schemaVersion?: number;
}

@ApiSchema({ name: 'AuditEvent' })
export class AuditEventSchema {
  @ApiProperty({ type: 'integer', minimum: 0 })
  revision!: number;

  @ApiProperty(POSITION)
  position!: string;

  @ApiProperty({ example: 'booking.held.v1' })
  type!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event payload; secrets (hashes) are `[redacted]`.' })
  data!: Record<string, unknown>;

  @ApiProperty({ type: AuditEventMetadataSchema })
  metadata!: AuditEventMetadataSchema;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;
}

@ApiSchema({ name: 'StreamAuditResponse' })
export class StreamAuditResponseSchema {
  @ApiProperty({ example: 'booking-6f1c…' })
  stream!: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'The aggregate the state was folded with, when the prefix names one.' })
  aggregate!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'The revision the state is as of.' })
  at!: number;

  @ApiProperty({ type: AuditEventSchema, isArray: true })
  events!: AuditEventSchema[];

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'The aggregate state as of `at` (null for a stream no aggregate owns); secrets are `[redacted]`.' })
  state!: Record<string, unknown> | null;
}

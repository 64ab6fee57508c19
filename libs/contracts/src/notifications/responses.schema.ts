import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { LiveEvent, LiveEventsResponse, StreamTokenResponse } from './live-feed';

/** The live feeds' response bodies (live-feed.ts) as OpenAPI schemas. */

@ApiSchema({ name: 'LiveEvent' })
export class LiveEventSchema implements LiveEvent {
  @ApiProperty({ description: "The event's id (UUID), the same on every channel." })
  id!: string;

  @ApiProperty({ description: 'Global log position: the SSE `id:` that `Last-Event-ID` resumes after.' })
  position!: number;

  @ApiProperty({ example: 'booking.placed.v1' })
  type!: string;

  @ApiProperty({ example: 'booking-0b5e…' })
  stream!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: "The event's payload (for fans, seat events carry only showId and seatId)." })
  data!: unknown;
}

@ApiSchema({ name: 'LiveEventsResponse' })
export class LiveEventsResponseSchema implements LiveEventsResponse {
  @ApiProperty({ type: LiveEventSchema, isArray: true, description: 'Newest first.' })
  items!: LiveEvent[];
}

@ApiSchema({ name: 'StreamTokenResponse' })
export class StreamTokenResponseSchema implements StreamTokenResponse {
  @ApiProperty({ description: 'Single use, for GET /api/notifications/stream?token=…' })
  token!: string;

  @ApiProperty({ example: 60, description: 'Seconds.' })
  expiresIn!: number;
}

// @Type reads design-time metadata as it decorates: importing these DTOs must not depend on
// someone else having loaded reflect-metadata first.
import 'reflect-metadata';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SEAT_MAP_ID_PATTERN } from './show.request';
import type { WaitlistEntryStatus } from './waitlist.events';

/** POST /api/shows/{showId}/waitlist. `seats` above the show's maxSeatsPerBooking is the decider's 422 TOO_MANY_SEATS. */
export class JoinWaitlistRequest {
  /** Absent: seats of any category. */
  @IsOptional()
  @Matches(SEAT_MAP_ID_PATTERN, { message: 'categoryId must be 1–32 letters, digits or underscores' })
  categoryId?: string;

  @IsInt()
  @Min(1)
  @Max(20)
  seats!: number;
}

/** 201 of POST /api/shows/{showId}/waitlist. */
export interface JoinWaitlistResponse {
  entryId: string;
  /** The global log position of the join (also in `X-Position`). */
  position: string;
  /** The entry's number in the show's list, in the order of joining (1 is the first). */
  number: number;
}

/** One entry of GET /api/me/waitlist. */
export interface WaitlistEntryView {
  entryId: string;
  showId: string;
  categoryId: string | null;
  seats: number;
  /** Place in line among the show's waiting entries (1 is offered next); null once not waiting. */
  position: number | null;
  status: WaitlistEntryStatus;
  /** The booking that holds the offered seats (pay it as any booking), once offered. */
  bookingId?: string;
  /** Until when the offer holds, while offered. */
  expiresAt?: string;
  joinedAt: string;
}

export interface MyWaitlistResponse {
  items: WaitlistEntryView[];
}

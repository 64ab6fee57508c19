import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { BookingDiscount } from './voucher.events';
import type { CreateVoucherResponse } from './voucher.request';
import { WAITLIST_ENTRY_STATUSES, type WaitlistEntryStatus } from './waitlist.events';
import type { JoinWaitlistResponse, MyWaitlistResponse, WaitlistEntryView } from './waitlist.request';
import type { JoinQueueResponse, QueuePlaceResponse, WaitingRoomResponse } from './waiting-room.request';
import type {
  BookingStatus,
  BookingView,
  CancelBookingResponse,
  IssuedTicketView,
  MyBookingsResponse,
  PayBookingResponse,
  PendingBookingResponse,
  PlaceBookingResponse,
} from './booking.response';
import type {
  CancelShowResponse,
  CreateShowResponse,
  PublishShowResponse,
  SeatMapResponse,
  SeatStatus,
  SeatView,
  ShowDetailResponse,
  ShowListResponse,
  ShowStatus,
  ShowSummary,
  ShowWaitingRoom,
} from './show.response';
import type { CheckInResponse, MyTicketsResponse, TicketStatus, TicketView, TransferTicketResponse } from './ticket.response';

/**
 * The response bodies of the box office (show/booking/ticket.response.ts) as OpenAPI schemas
 * (GET /openapi.json). Each class implements its interface, so the compiler refuses a schema that
 * lacks a field or types it otherwise; test/openapi checks real responses against them.
 */

const POSITION = { description: 'Global log position of the change, a decimal string (also in `X-Position`).', pattern: '^\\d+$', example: '42' };
const MINOR_UNITS = { type: 'integer', minimum: 0, description: 'Minor units (cents) of `currency`.' } as const;
const CURRENCY = { description: 'ISO 4217 code.', pattern: '^[A-Z]{3}$', example: 'EUR' };
const DATE_TIME = { format: 'date-time', description: 'ISO 8601 UTC.' };
const SHOW_STATUSES: ShowStatus[] = ['draft', 'on_sale', 'cancelled'];
const SEAT_STATUSES: SeatStatus[] = ['available', 'held', 'sold'];
const BOOKING_STATUSES: BookingStatus[] = ['pending', 'held', 'confirmed', 'expired', 'cancelled', 'refunded', 'rejected'];
const TICKET_STATUSES: TicketStatus[] = ['valid', 'checked_in', 'void'];
const SEAT_ID = { description: '`{sectionId}-{rowLabel}-{number}`, e.g. `A-1-7`.', example: 'A-1-7' };

// ---- shows ---------------------------------------------------------------------------------

@ApiSchema({ name: 'CreateShowResponse' })
export class CreateShowResponseSchema implements CreateShowResponse {
  @ApiProperty()
  showId!: string;

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'PublishShowResponse' })
export class PublishShowResponseSchema implements PublishShowResponse {
  @ApiProperty()
  showId!: string;

  @ApiProperty({ enum: ['on_sale'] })
  status!: 'on_sale';

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'CancelShowResponse' })
export class CancelShowResponseSchema implements CancelShowResponse {
  @ApiProperty()
  showId!: string;

  @ApiProperty({ enum: ['cancelled'] })
  status!: 'cancelled';

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'ShowSummary' })
export class ShowSummarySchema implements ShowSummary {
  @ApiProperty()
  showId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  venue!: string;

  @ApiProperty(DATE_TIME)
  startsAt!: string;

  @ApiProperty({ enum: SHOW_STATUSES })
  status!: ShowStatus;

  @ApiProperty(CURRENCY)
  currency!: string;

  @ApiProperty({ ...MINOR_UNITS, description: 'The lowest price among categories that have seats, minor units.' })
  priceFrom!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  capacity!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  available!: number;
}

@ApiSchema({ name: 'ShowListResponse' })
export class ShowListResponseSchema implements ShowListResponse {
  @ApiProperty({ type: ShowSummarySchema, isArray: true })
  items!: ShowSummary[];

  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last one.' })
  nextCursor!: string | null;
}

@ApiSchema({ name: 'ShowCategoryView' })
export class ShowCategoryViewSchema {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty(MINOR_UNITS)
  price!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  capacity!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  available!: number;
}

@ApiSchema({ name: 'ShowSectionView' })
export class ShowSectionViewSchema {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  categoryId!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  capacity!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  available!: number;
}

@ApiSchema({ name: 'ShowWaitingRoom' })
export class ShowWaitingRoomSchema implements ShowWaitingRoom {
  @ApiProperty({ description: 'While true, POST /api/bookings needs an `X-Admission-Token` for the show.' })
  enabled!: boolean;

  @ApiProperty(DATE_TIME)
  opensAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100000 })
  admitPerMinute!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 60 })
  tokenMinutes!: number;
}

@ApiSchema({ name: 'ShowDetailResponse' })
export class ShowDetailResponseSchema implements ShowDetailResponse {
  @ApiProperty()
  showId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  venue!: string;

  @ApiProperty(DATE_TIME)
  startsAt!: string;

  @ApiProperty({ enum: SHOW_STATUSES })
  status!: ShowStatus;

  @ApiProperty(CURRENCY)
  currency!: string;

  @ApiProperty({ type: 'integer' })
  holdMinutes!: number;

  @ApiProperty({ type: 'integer' })
  maxSeatsPerBooking!: number;

  @ApiProperty({ type: ShowCategoryViewSchema, isArray: true })
  categories!: ShowCategoryViewSchema[];

  @ApiProperty({ type: ShowSectionViewSchema, isArray: true })
  sections!: ShowSectionViewSchema[];

  @ApiProperty({ type: ShowWaitingRoomSchema, required: false, description: 'Present once the show has a waiting room configured (PUT /api/shows/{showId}/waiting-room).' })
  waitingRoom?: ShowWaitingRoomSchema;
}


@ApiSchema({ name: 'SeatView' })
export class SeatViewSchema implements SeatView {
  @ApiProperty(SEAT_ID)
  seatId!: string;

  @ApiProperty()
  sectionId!: string;

  @ApiProperty()
  row!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  number!: number;

  @ApiProperty()
  categoryId!: string;

  @ApiProperty({ enum: SEAT_STATUSES })
  status!: SeatStatus;
}

@ApiSchema({ name: 'SeatMapResponse' })
export class SeatMapResponseSchema implements SeatMapResponse {
  @ApiProperty()
  showId!: string;

  @ApiProperty({ type: SeatViewSchema, isArray: true })
  seats!: SeatView[];
}

// ---- bookings ------------------------------------------------------------------------------

@ApiSchema({ name: 'IssuedTicketView' })
export class IssuedTicketViewSchema implements IssuedTicketView {
  @ApiProperty()
  ticketId!: string;

  @ApiProperty(SEAT_ID)
  seatId!: string;

  @ApiProperty({ description: 'The signed QR content.' })
  code!: string;
}

@ApiSchema({ name: 'BookingDiscount' })
export class BookingDiscountSchema implements BookingDiscount {
  @ApiProperty({ description: 'The voucher code (upper case).' })
  code!: string;

  @ApiProperty({ ...MINOR_UNITS, description: 'Minor units taken off the seats’ prices.' })
  amount!: number;
}

@ApiSchema({ name: 'CreateVoucherResponse' })
export class CreateVoucherResponseSchema implements CreateVoucherResponse {
  @ApiProperty()
  showId!: string;

  @ApiProperty({ description: 'The code as stored (upper case).' })
  code!: string;

  @ApiProperty(POSITION)
  position!: string;
}

// ---- waiting list --------------------------------------------------------------------------

@ApiSchema({ name: 'JoinWaitlistResponse' })
export class JoinWaitlistResponseSchema implements JoinWaitlistResponse {
  @ApiProperty()
  entryId!: string;

  @ApiProperty(POSITION)
  position!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'The entry’s number in the show’s list, in the order of joining: entries are offered seats in this order.' })
  number!: number;
}

@ApiSchema({ name: 'WaitlistEntryView' })
export class WaitlistEntryViewSchema implements WaitlistEntryView {
  @ApiProperty()
  entryId!: string;

  @ApiProperty()
  showId!: string;

  @ApiProperty({ type: 'string', nullable: true, description: 'The category waited for; null: any.' })
  categoryId!: string | null;

  @ApiProperty({ type: 'integer', minimum: 1 })
  seats!: number;

  @ApiProperty({ type: 'integer', minimum: 1, nullable: true, description: 'Place in line among the show’s waiting entries (1 is offered next); null once not waiting.' })
  position!: number | null;

  @ApiProperty({ enum: WAITLIST_ENTRY_STATUSES })
  status!: WaitlistEntryStatus;

  @ApiProperty({ required: false, description: 'The booking holding the offered seats: pay it as any booking.' })
  bookingId?: string;

  @ApiProperty({ required: false, ...DATE_TIME, description: 'While offered: until when the seats are held.' })
  expiresAt?: string;

  @ApiProperty(DATE_TIME)
  joinedAt!: string;
}

@ApiSchema({ name: 'MyWaitlistResponse' })
export class MyWaitlistResponseSchema implements MyWaitlistResponse {
  @ApiProperty({ type: WaitlistEntryViewSchema, isArray: true })
  items!: WaitlistEntryView[];
}

// ---- waiting room --------------------------------------------------------------------------

@ApiSchema({ name: 'WaitingRoomResponse' })
export class WaitingRoomResponseSchema implements WaitingRoomResponse {
  @ApiProperty()
  showId!: string;

  @ApiProperty()
  enabled!: boolean;

  @ApiProperty({ ...DATE_TIME, description: 'Arrivals before it are shuffled; admission starts at it (ISO 8601 UTC).' })
  opensAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 100000 })
  admitPerMinute!: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 60 })
  tokenMinutes!: number;

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'JoinQueueResponse' })
export class JoinQueueResponseSchema implements JoinQueueResponse {
  @ApiProperty({ description: 'The place; the same for every join of one account.' })
  queueId!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Places ahead, plus one: 1 is the next admitted; 0 once admitted. The global log position is in `X-Position`.' })
  position!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  estimatedWaitSeconds!: number;
}

@ApiSchema({ name: 'QueuePlaceResponse' })
export class QueuePlaceResponseSchema implements QueuePlaceResponse {
  @ApiProperty({ type: 'integer', minimum: 0, description: '1 is the next admitted; 0 once admitted.' })
  position!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  estimatedWaitSeconds!: number;

  @ApiProperty()
  admitted!: boolean;

  @ApiProperty({ required: false, description: 'Once admitted: send it as `X-Admission-Token` with POST /api/bookings. Signed, bound to the account and the show.' })
  admissionToken?: string;

  @ApiProperty({ required: false, ...DATE_TIME, description: 'When the admission token stops working.' })
  admissionExpiresAt?: string;
}

@ApiSchema({ name: 'PlaceBookingResponse' })
export class PlaceBookingResponseSchema implements PlaceBookingResponse {
  @ApiProperty()
  bookingId!: string;

  @ApiProperty({ enum: ['held'] })
  status!: 'held';

  @ApiProperty()
  showId!: string;

  @ApiProperty({ type: 'string', isArray: true, description: 'Seat ids, as asked for.' })
  seats!: string[];

  @ApiProperty({ ...DATE_TIME, description: 'When the hold lapses unless paid, ISO 8601 UTC.' })
  expiresAt!: string;

  @ApiProperty(MINOR_UNITS)
  amount!: number;

  @ApiProperty(CURRENCY)
  currency!: string;

  @ApiProperty({ type: BookingDiscountSchema, required: false, description: 'The voucher it was placed with; absent without one.' })
  discount?: BookingDiscountSchema;

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'PendingBookingResponse' })
export class PendingBookingResponseSchema implements PendingBookingResponse {
  @ApiProperty({ description: 'Poll `GET /api/bookings/{bookingId}` (the `Location` header).' })
  bookingId!: string;

  @ApiProperty({ enum: ['pending'] })
  status!: 'pending';
}

@ApiSchema({ name: 'PayBookingResponse' })
export class PayBookingResponseSchema implements PayBookingResponse {
  @ApiProperty()
  bookingId!: string;

  @ApiProperty({ enum: ['confirmed'] })
  status!: 'confirmed';

  @ApiProperty({ type: IssuedTicketViewSchema, isArray: true })
  tickets!: IssuedTicketView[];

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'CancelBookingResponse' })
export class CancelBookingResponseSchema implements CancelBookingResponse {
  @ApiProperty()
  bookingId!: string;

  @ApiProperty({ enum: ['cancelled', 'refunded'], description: '`refunded` whenever a charge was taken.' })
  status!: 'cancelled' | 'refunded';

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'BookingView' })
export class BookingViewSchema implements BookingView {
  @ApiProperty()
  bookingId!: string;

  @ApiProperty()
  showId!: string;

  @ApiProperty({ enum: BOOKING_STATUSES })
  status!: BookingStatus;

  @ApiProperty({ type: 'string', isArray: true })
  seats!: string[];

  @ApiProperty({ ...DATE_TIME, type: 'string', nullable: true })
  expiresAt!: string | null;

  @ApiProperty(MINOR_UNITS)
  amount!: number;

  @ApiProperty(CURRENCY)
  currency!: string;

  @ApiProperty({ type: IssuedTicketViewSchema, isArray: true })
  tickets!: IssuedTicketView[];
}

@ApiSchema({ name: 'MyBookingsResponse' })
export class MyBookingsResponseSchema implements MyBookingsResponse {
  @ApiProperty({ type: BookingViewSchema, isArray: true })
  items!: BookingView[];
}

// ---- tickets -------------------------------------------------------------------------------

@ApiSchema({ name: 'TicketView' })
export class TicketViewSchema implements TicketView {
  @ApiProperty()
  ticketId!: string;

  @ApiProperty()
  showId!: string;

  @ApiProperty(SEAT_ID)
  seatId!: string;

  @ApiProperty({ enum: TICKET_STATUSES })
  status!: TicketStatus;

  @ApiProperty({ description: 'The signed QR content of the current version.' })
  code!: string;
}

@ApiSchema({ name: 'MyTicketsResponse' })
export class MyTicketsResponseSchema implements MyTicketsResponse {
  @ApiProperty({ type: TicketViewSchema, isArray: true })
  items!: TicketView[];
}

@ApiSchema({ name: 'TransferTicketResponse' })
export class TransferTicketResponseSchema implements TransferTicketResponse {
  @ApiProperty()
  ticketId!: string;

  @ApiProperty()
  ownerId!: string;

  @ApiProperty({ description: 'The new QR content; the old one stops working.' })
  code!: string;

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'CheckInResponse' })
export class CheckInResponseSchema implements CheckInResponse {
  @ApiProperty()
  ticketId!: string;

  @ApiProperty()
  showId!: string;

  @ApiProperty(SEAT_ID)
  seatId!: string;

  @ApiProperty(DATE_TIME)
  checkedInAt!: string;

  @ApiProperty(POSITION)
  position!: string;
}

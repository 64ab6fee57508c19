/**
 * The box office's deciders. Each aggregate's module is exported as a namespace
 * (`Seat.decide`, `Booking.evolve`, …) because all four name their functions alike; the decider
 * objects, state and command types and the cross-stream decisions are also exported by name.
 */
export * as Show from './show';
export * as Seat from './seat';
export * as Booking from './booking';
export * as Ticket from './ticket';
export * as Voucher from './voucher';
export * as Waitlist from './waitlist';

export { showDecider, seatOf, isCreated } from './show';
export type { ShowState, CreatedShow, ShowSeat, ShowSectionLookup, ShowCommand, CreateShow, PublishShow, CancelShow } from './show';
export { seatDecider, isFreeAt, claimantAt } from './seat';
export type { SeatState, SeatCommand, HoldSeat, ReleaseSeat, ExpireHold, SellSeat } from './seat';
export { bookingDecider, isPlaced, seatIdsOf } from './booking';
export type {
  BookingState,
  RequestedBooking,
  PlacedBooking,
  RejectedBooking,
  BookedTicket,
  BookingCommand,
  RequestBooking,
  ConfirmBooking,
  ExpireBooking,
  CancelBooking,
  RefundBooking,
  RejectBooking,
  RecordPaymentDeclined,
} from './booking';
export { ticketDecider, isIssued } from './ticket';
export type { TicketState, IssuedTicket, TicketCommand, IssueTicket, TransferTicket, CheckIn, VoidTicket } from './ticket';

export { voucherDecider, discountOf, decideCreateVoucher } from './voucher';
export type { VoucherState, VoucherCommand, CreateVoucher, RedeemVoucher, ReleaseVoucher, VoucherDefinition } from './voucher';

export { waitlistDecider, decideJoinWaitlist, matchOffers, activeEntryOf } from './waitlist';
export type { WaitlistState, WaitlistEntry, WaitlistCommand, JoinWaitlist, OfferSeats, SettleOffer, LeaveWaitlist, ReturnedSeat } from './waitlist';

export type { BookingDecision } from './decisions';
export { decidePlaceBooking, rejectionOf } from './place-booking';
export type { PlaceBooking, PlaceBookingDecision } from './place-booking';
export { decidePayBooking } from './pay-booking';
export { decideCancelBooking } from './cancel-booking';
export { decideExpireBooking } from './expire-booking';
export { hasReached, addMinutes } from './time';

export * as WaitingRoom from './waiting-room';
export { waitingRoomDecider, decideConfigureWaitingRoom, requireAdmission, earlyOrderKey, compareEarly, queueOrderOf, nextAdmissionAt, placeOf } from './waiting-room';
export type { WaitingRoomState, WaitingRoomCommand, AdmissionClaims, RoomConfig, QueuePlace } from './waiting-room';

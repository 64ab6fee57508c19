import {
  bookingStream,
  buyerStream,
  ENTITY_ID_PATTERN,
  seatStream,
  showStream,
  ticketStream,
  voucherStream,
  waitlistStream,
  type BuyerEvent,
  type DomainEvent,
} from '@tessera/contracts';
import { Booking, DomainError, Seat, Show, Ticket, Voucher, Waitlist, type BookingDecision } from '@tessera/domain';
import type { LoadedStream } from '@tessera/platform/commands/event-sourcing';
import type { StreamModel, StreamReads } from '@tessera/platform/commands/handle-command';
import { StreamStateCache } from '@tessera/platform/commands/stream-state-cache';
import { EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';

/**
 * Reading the streams a box-office decision spans (through the command's StreamReads, which
 * remembers each revision read), and naming the streams a decision writes to: handleCommand
 * appends them in one atomic multi-stream append, each at the revision it was read at. The
 * revisions are the fencing tokens, so the append fails if anything moved in between.
 */

/** Shows' folded seat maps, per store (tests run several stores in one process). */
const showStates = new WeakMap<EventStore, StreamStateCache<Show.ShowState>>();
const SHOW_STATES_CACHED = 1000;

/** The show as of now; its `events` are only those not folded before (see StreamStateCache). */
export const readShow = (streams: StreamReads, showId: string): Promise<LoadedStream<Show.ShowState>> => {
  let cache = showStates.get(streams.store);
  if (!cache) showStates.set(streams.store, (cache = new StreamStateCache(SHOW_STATES_CACHED)));
  return streams.read(showStream(showId), Show.showDecider, cache);
};

export const readBooking = (streams: StreamReads, bookingId: string): Promise<LoadedStream<Booking.BookingState>> =>
  streams.read(bookingStream(bookingId), Booking.bookingDecider);

const readMany = async <TState, TEvent extends DomainEvent>(
  streams: StreamReads,
  ids: readonly string[],
  streamOf: (id: string) => string,
  model: StreamModel<TState, TEvent>,
): Promise<Record<string, TState>> => {
  const loaded = await Promise.all(ids.map((id) => streams.read(streamOf(id), model)));
  return Object.fromEntries(ids.map((id, i) => [id, loaded[i].state]));
};

/** The voucher `code` of the show (its uses so far). */
export const readVoucher = (streams: StreamReads, showId: string, code: string): Promise<LoadedStream<Voucher.VoucherState>> =>
  streams.read(voucherStream(showId, code), Voucher.voucherDecider);

/**
 * For a show with per-account limits: the bookings `userId` placed for it before, each as its own
 * stream tells it now. Reading `buyer-{showId}-{userId}` records its revision, at which the new
 * placement is appended: one account's concurrent bookings are decided one after the other.
 */
export const readEarlierBookings = async (streams: StreamReads, showId: string, userId: string): Promise<Booking.BookingState[]> => {
  const buyer = await streams.read(buyerStream(showId, userId), BUYER_MODEL);
  return Promise.all(buyer.state.map(async (bookingId) => (await readBooking(streams, bookingId)).state));
};

/** The booking ids of a buyer stream, oldest first. */
const BUYER_MODEL: StreamModel<string[], BuyerEvent> = {
  initialState: [],
  evolve: (ids, event) => (event.type === 'buyer.booking-placed.v1' ? [...ids, event.data.bookingId] : ids),
};

/** Seat id → the seat's state. */
export const readSeats = (streams: StreamReads, showId: string, seatIds: readonly string[]): Promise<Record<string, Seat.SeatState>> =>
  readMany(streams, seatIds, (seatId) => seatStream(showId, seatId), Seat.seatDecider);

/** Ticket id → the ticket's state. */
export const readTickets = (streams: StreamReads, ticketIds: readonly string[]): Promise<Record<string, Ticket.TicketState>> =>
  readMany(streams, ticketIds, ticketStream, Ticket.ticketDecider);

/** Stream name → events, for the streams a decision writes to. */
export const streamsOf = (decision: Partial<BookingDecision>, { showId, bookingId }: { showId: string; bookingId: string }): Record<string, DomainEvent[]> => {
  const streams: Record<string, DomainEvent[]> = {};
  if (decision.booking?.length) streams[bookingStream(bookingId)] = decision.booking;
  for (const [seatId, events] of Object.entries(decision.seats ?? {})) streams[seatStream(showId, seatId)] = events;
  for (const [ticketId, events] of Object.entries(decision.tickets ?? {})) streams[ticketStream(ticketId)] = events;
  if (decision.voucher?.events.length) streams[voucherStream(showId, decision.voucher.code)] = decision.voucher.events;
  for (const event of decision.buyer ?? []) (streams[buyerStream(showId, event.data.userId)] ??= []).push(event);
  return streams;
};

/** The seat id behind `seat-{showId}-{seatId}`. */
export const seatIdOfStream = (showId: string, stream: string): string | undefined => {
  const prefix = seatStream(showId, '');
  return stream.startsWith(prefix) ? stream.slice(prefix.length) : undefined;
};

/** A path id that could never name a booking answers the same 404 as a missing one. */
export const bookingIdFromPath = (bookingId: string): string => {
  if (!ENTITY_ID_PATTERN.test(bookingId)) throw new DomainError('BOOKING_NOT_FOUND', 'no such booking', {});
  return bookingId;
};

/** Someone else's booking answers exactly like a missing one (API.md: do not reveal it exists). */
export const ownBooking = (
  booking: Booking.BookingState,
  bookingId: string,
  userId: string,
): Exclude<Booking.BookingState, { status: 'none' }> => {
  if (booking.status === 'none' || booking.userId !== userId) {
    throw new DomainError('BOOKING_NOT_FOUND', `booking ${bookingId} does not exist`, { bookingId });
  }
  return booking;
};

/**
 * The position a replayed answer reports: that of the last event the original atomic append
 * wrote (the one its first answer carried), found by the command id it shares with `first`.
 */
export const positionOfAppend = async (store: EventStore, otherStreams: readonly string[], first: RecordedEvent): Promise<number> => {
  const streams = await Promise.all(otherStreams.map((stream) => store.readStream(stream)));
  return streams
    .flat()
    .filter((event) => event.metadata.causationId === first.metadata.causationId)
    .reduce((max, event) => Math.max(max, event.position), first.position);
};

/** The show's waiting list (every entry and offer so far). */
export const readWaitlist = (streams: StreamReads, showId: string): Promise<LoadedStream<Waitlist.WaitlistState>> =>
  streams.read(waitlistStream(showId), Waitlist.waitlistDecider);

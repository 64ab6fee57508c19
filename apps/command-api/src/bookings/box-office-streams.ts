import {
  bookingStream,
  ENTITY_ID_PATTERN,
  seatStream,
  showStream,
  ticketStream,
  type BookingEvent,
  type SeatEvent,
  type ShowEvent,
  type TicketEvent,
} from '@tessera/contracts';
import { Booking, DomainError, Seat, Show, Ticket, type BookingDecision } from '@tessera/domain';
import { CommandContext, loadStream, LoadedStream, toAppend } from '@tessera/platform/commands/event-sourcing';
import { StreamStateCache } from '@tessera/platform/commands/stream-state-cache';
import { EventStore, RecordedEvent, StreamAppend } from '@tessera/platform/event-store/event-store.port';

/**
 * Reading the streams a box-office decision spans, and turning a decision back into one atomic
 * multi-stream append where every stream is expected at the revision it was read at: the
 * revisions are the fencing tokens, so the append fails if anything moved in between.
 */

export interface StreamsRead<TState> {
  states: Record<string, TState>;
  revisions: Record<string, number | 'no_stream'>;
}

/** Shows' folded seat maps, per store (tests run several stores in one process). */
const showStates = new WeakMap<EventStore, StreamStateCache<Show.ShowState>>();
const SHOW_STATES_CACHED = 1000;

/** The show as of now; its `events` are only those not folded before (see StreamStateCache). */
export const readShow = (store: EventStore, showId: string): Promise<LoadedStream<Show.ShowState>> => {
  let cache = showStates.get(store);
  if (!cache) showStates.set(store, (cache = new StreamStateCache(SHOW_STATES_CACHED)));
  return cache.load<ShowEvent>(store, showStream(showId), Show.evolve, Show.initialState);
};

export const readBooking = (store: EventStore, bookingId: string): Promise<LoadedStream<Booking.BookingState>> =>
  loadStream<Booking.BookingState, BookingEvent>(store, bookingStream(bookingId), Booking.evolve, Booking.initialState);

const readMany = async <TState, TEvent extends { type: string; data: unknown }>(
  store: EventStore,
  ids: readonly string[],
  streamOf: (id: string) => string,
  evolve: (state: TState, event: TEvent) => TState,
  initialState: TState,
): Promise<StreamsRead<TState>> => {
  const loaded = await Promise.all(ids.map((id) => loadStream(store, streamOf(id), evolve, initialState)));
  const read: StreamsRead<TState> = { states: {}, revisions: {} };
  ids.forEach((id, i) => {
    read.states[id] = loaded[i].state;
    read.revisions[id] = loaded[i].revision;
  });
  return read;
};

export const readSeats = (store: EventStore, showId: string, seatIds: readonly string[]): Promise<StreamsRead<Seat.SeatState>> =>
  readMany<Seat.SeatState, SeatEvent>(store, seatIds, (seatId) => seatStream(showId, seatId), Seat.evolve, Seat.initialState);

export const readTickets = (store: EventStore, ticketIds: readonly string[]): Promise<StreamsRead<Ticket.TicketState>> =>
  readMany<Ticket.TicketState, TicketEvent>(store, ticketIds, ticketStream, Ticket.evolve, Ticket.initialState);

/** The appends of a decision, each stream at the revision read; streams with no events are left out. */
export const appendsOf = (
  decision: Partial<BookingDecision>,
  read: {
    showId: string;
    bookingId: string;
    bookingRevision: number | 'no_stream';
    seatRevisions: Record<string, number | 'no_stream'>;
    ticketRevisions?: Record<string, number | 'no_stream'>;
  },
  context: CommandContext,
): StreamAppend[] => {
  const appends: StreamAppend[] = [];
  if (decision.booking?.length) {
    const stream = bookingStream(read.bookingId);
    appends.push({ stream, expectedRevision: read.bookingRevision, events: toAppend(stream, decision.booking, context) });
  }
  for (const [seatId, events] of Object.entries(decision.seats ?? {})) {
    const stream = seatStream(read.showId, seatId);
    appends.push({ stream, expectedRevision: read.seatRevisions[seatId] ?? 'no_stream', events: toAppend(stream, events, context) });
  }
  for (const [ticketId, events] of Object.entries(decision.tickets ?? {})) {
    const stream = ticketStream(ticketId);
    appends.push({ stream, expectedRevision: read.ticketRevisions?.[ticketId] ?? 'no_stream', events: toAppend(stream, events, context) });
  }
  return appends;
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

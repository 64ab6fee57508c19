import type { WaitlistEntryStatus, WaitlistEvent } from '@tessera/contracts';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { isCreated, type ShowState } from './show';

/**
 * Waitlist: a show's waiting list, stream `waitlist-{showId}`. Entries are offered seats in the
 * order they joined; an entry that does not fit what came back is passed over for the next one
 * that does. An offer is decided here and appended together with the hold it makes (booking and
 * seat streams), at the revisions read, so an entry is offered once and a seat is held for one
 * booking only, however many offers race for it.
 */

export interface WaitlistEntry {
  entryId: string;
  userId: string;
  categoryId: string | null;
  seats: number;
  number: number;
  status: WaitlistEntryStatus;
  /** The offer's booking, once offered. */
  bookingId?: string;
}

export interface WaitlistState {
  /** Entry id → entry. */
  entries: Readonly<Record<string, WaitlistEntry>>;
  /** Entries joined so far: the next one gets `joined + 1`. */
  joined: number;
  /** Offer booking id → entry id. */
  offers: Readonly<Record<string, string>>;
}

export const initialState: WaitlistState = { entries: {}, joined: 0, offers: {} };

export type JoinWaitlist = {
  type: 'JoinWaitlist';
  data: { showId: string; entryId: string; userId: string; categoryId: string | null; seats: number };
};
export type OfferSeats = {
  type: 'OfferSeats';
  data: { showId: string; entryId: string; bookingId: string; seatIds: string[]; expiresAt: string };
};
/** The offer's booking ended: paid, or not taken. */
export type SettleOffer = { type: 'SettleOffer'; data: { showId: string; bookingId: string; outcome: 'paid' | 'expired' | 'cancelled' } };
export type LeaveWaitlist = { type: 'LeaveWaitlist'; data: { showId: string; entryId: string; userId: string } };

export type WaitlistCommand = JoinWaitlist | OfferSeats | SettleOffer | LeaveWaitlist;

/** An entry that may still be offered seats, or holds an offer: one per user and show. */
const isActive = (entry: WaitlistEntry): boolean => entry.status === 'waiting' || entry.status === 'offered';

/** The user's waiting or offered entry, if any. */
export const activeEntryOf = (state: WaitlistState, userId: string): WaitlistEntry | undefined =>
  Object.values(state.entries).find((entry) => entry.userId === userId && isActive(entry));

const notFound = (entryId: string): DomainError => new DomainError('WAITLIST_ENTRY_NOT_FOUND', `no waiting-list entry ${entryId}`, { entryId });

const join = ({ data }: JoinWaitlist, state: WaitlistState): WaitlistEvent[] => {
  // A retry of the same join, or the user is on the list already: nothing new (the caller answers with that entry).
  if (Object.hasOwn(state.entries, data.entryId) || activeEntryOf(state, data.userId)) return [];
  return [{ type: 'waitlist.joined.v1', data: { ...data, number: state.joined + 1 } }];
};

const offer = ({ data }: OfferSeats, state: WaitlistState): WaitlistEvent[] => {
  const entry = state.entries[data.entryId];
  if (!entry) throw notFound(data.entryId);
  if (entry.status !== 'waiting') {
    throw new DomainError('CONCURRENCY_CONFLICT', `entry ${data.entryId} is ${entry.status}, not waiting`, { entryId: data.entryId, status: entry.status });
  }
  if (data.seatIds.length !== entry.seats) throw new Error(`an offer of ${data.seatIds.length} seats to an entry that waits for ${entry.seats}`);
  return [{ type: 'waitlist.offered.v1', data: { ...data, userId: entry.userId } }];
};

const settle = ({ data }: SettleOffer, state: WaitlistState): WaitlistEvent[] => {
  const entryId = state.offers[data.bookingId];
  const entry = entryId === undefined ? undefined : state.entries[entryId];
  // Not an offer's booking, or its entry was settled already or left meanwhile: nothing to say.
  if (!entry || entry.status !== 'offered' || entry.bookingId !== data.bookingId) return [];
  const ref = { showId: data.showId, entryId: entry.entryId, userId: entry.userId, bookingId: data.bookingId };
  return data.outcome === 'paid'
    ? [{ type: 'waitlist.fulfilled.v1', data: ref }]
    : [{ type: 'waitlist.offer-expired.v1', data: { ...ref, reason: data.outcome } }];
};

const leave = ({ data }: LeaveWaitlist, state: WaitlistState): WaitlistEvent[] => {
  const entry = state.entries[data.entryId];
  // Another user's entry answers exactly like a missing one.
  if (!entry || entry.userId !== data.userId) throw notFound(data.entryId);
  if (!isActive(entry)) return [];
  return [{ type: 'waitlist.left.v1', data }];
};

export const decide = (command: WaitlistCommand, state: WaitlistState): WaitlistEvent[] => {
  switch (command.type) {
    case 'JoinWaitlist':
      return join(command, state);
    case 'OfferSeats':
      return offer(command, state);
    case 'SettleOffer':
      return settle(command, state);
    case 'LeaveWaitlist':
      return leave(command, state);
    default: {
      const _exhaustive: never = command;
      throw new Error('unknown waitlist command');
    }
  }
};

const withEntry = (state: WaitlistState, entryId: string, change: Partial<WaitlistEntry>): WaitlistState => {
  const entry = state.entries[entryId];
  return entry ? { ...state, entries: { ...state.entries, [entryId]: { ...entry, ...change } } } : state;
};

export const evolve = (state: WaitlistState, event: WaitlistEvent): WaitlistState => {
  switch (event.type) {
    case 'waitlist.joined.v1': {
      const { showId: _show, ...entry } = event.data;
      return { ...state, joined: Math.max(state.joined, entry.number), entries: { ...state.entries, [entry.entryId]: { ...entry, status: 'waiting' } } };
    }
    case 'waitlist.offered.v1':
      return { ...withEntry(state, event.data.entryId, { status: 'offered', bookingId: event.data.bookingId }), offers: { ...state.offers, [event.data.bookingId]: event.data.entryId } };
    case 'waitlist.fulfilled.v1':
      return withEntry(state, event.data.entryId, { status: 'fulfilled' });
    case 'waitlist.offer-expired.v1':
      return withEntry(state, event.data.entryId, { status: 'expired' });
    case 'waitlist.left.v1':
      return withEntry(state, event.data.entryId, { status: 'left' });
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

/**
 * Joining reads the show too: it must exist and be on sale, the category must be the show's, and
 * an entry waits for no more seats than one booking may hold.
 */
export const decideJoinWaitlist = ({ show, waitlist, command }: { show: ShowState; waitlist: WaitlistState; command: JoinWaitlist }): WaitlistEvent[] => {
  const { showId, categoryId, seats } = command.data;
  if (!isCreated(show) || show.showId !== showId) throw new DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, { showId });
  if (show.status !== 'on_sale') throw new DomainError('SHOW_NOT_ON_SALE', `show ${showId} is ${show.status}`, { status: show.status });
  if (categoryId !== null && !Object.hasOwn(show.categories, categoryId)) {
    throw new DomainError('VALIDATION_FAILED', `no such category: ${categoryId}`, { errors: [{ field: 'categoryId', message: `not a category of the show: ${categoryId}` }] });
  }
  if (seats > show.maxSeatsPerBooking) {
    throw new DomainError('TOO_MANY_SEATS', `at most ${show.maxSeatsPerBooking} seats per booking`, { maxSeatsPerBooking: show.maxSeatsPerBooking });
  }
  return decide(command, waitlist);
};

/** A seat that came back and is free now, with its category. */
export interface ReturnedSeat {
  seatId: string;
  categoryId: string;
}

/**
 * Which waiting entries the returned seats go to: entries in the order they joined, each taking
 * the first `seats` seats of its category (of any, without one) still unclaimed; an entry that
 * does not fit is passed over, and a later one that fits is served.
 */
export const matchOffers = (state: WaitlistState, returned: readonly ReturnedSeat[]): { entry: WaitlistEntry; seatIds: string[] }[] => {
  const pool = [...returned];
  const matches: { entry: WaitlistEntry; seatIds: string[] }[] = [];
  const waiting = Object.values(state.entries)
    .filter((entry) => entry.status === 'waiting')
    .sort((a, b) => a.number - b.number);
  for (const entry of waiting) {
    if (pool.length === 0) break;
    const fitting = pool.filter((seat) => entry.categoryId === null || seat.categoryId === entry.categoryId).slice(0, entry.seats);
    if (fitting.length < entry.seats) continue;
    const taken = new Set(fitting.map((seat) => seat.seatId));
    for (let i = pool.length - 1; i >= 0; i -= 1) if (taken.has(pool[i].seatId)) pool.splice(i, 1);
    matches.push({ entry, seatIds: fitting.map((seat) => seat.seatId) });
  }
  return matches;
};

export const waitlistDecider: Decider<WaitlistState, WaitlistCommand, WaitlistEvent> = { initialState, evolve, decide };

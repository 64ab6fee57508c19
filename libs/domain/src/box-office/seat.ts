import type { SeatEvent, SeatReleaseReason } from '@tessera/contracts';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';
import { hasReached } from './time';

/**
 * Seat: who may have this one seat, decided on its own stream `seat-{showId}-{seatId}`. The
 * stream's revision is the fencing token of a hold, so every rule about one seat lives here.
 *
 * A hold past its `expiresAt` counts as free the moment it passes (lazy expiry): correctness
 * never waits for the expiry sweeper, which only writes the release down for readers.
 */

export type SeatState =
  | { status: 'available' }
  | { status: 'held'; bookingId: string; expiresAt: string }
  | { status: 'sold'; bookingId: string; ticketId: string };

/** A seat whose stream has no events yet is available. */
export const initialState: SeatState = { status: 'available' };

type SeatRef = { showId: string; seatId: string };
type At = { now: string };

export type HoldSeat = { type: 'HoldSeat'; data: SeatRef & { bookingId: string; expiresAt: string }; metadata: At };
/** Ends this booking's hold (or, after a refund, its sale). Anyone else's claim is left alone. */
export type ReleaseSeat = { type: 'ReleaseSeat'; data: SeatRef & { bookingId: string; reason: SeatReleaseReason } };
/** Writes down that this booking's hold ran out; the sweeper's command. */
export type ExpireHold = { type: 'ExpireHold'; data: SeatRef & { bookingId: string }; metadata: At };
export type SellSeat = { type: 'SellSeat'; data: SeatRef & { bookingId: string; ticketId: string }; metadata: At };
export type SeatCommand = HoldSeat | ReleaseSeat | ExpireHold | SellSeat;

/** True when a new booking may take the seat at `now`. */
export const isFreeAt = (seat: SeatState, now: string): boolean =>
  seat.status === 'available' || (seat.status === 'held' && hasReached(now, seat.expiresAt));

/** The booking with a live claim on the seat at `now` (its live hold or its purchase), if any. */
export const claimantAt = (seat: SeatState, now: string): string | undefined =>
  isFreeAt(seat, now) ? undefined : (seat as Exclude<SeatState, { status: 'available' }>).bookingId;

export const evolve = (_state: SeatState, event: SeatEvent): SeatState => {
  switch (event.type) {
    case 'seat.held.v1':
      return { status: 'held', bookingId: event.data.bookingId, expiresAt: event.data.expiresAt };
    case 'seat.released.v1':
      return { status: 'available' };
    case 'seat.sold.v1':
      return { status: 'sold', bookingId: event.data.bookingId, ticketId: event.data.ticketId };
    default: {
      const _exhaustive: never = event;
      return _state;
    }
  }
};

/** Reasons that may end a sale: only giving the money back frees a sold seat. */
const ENDS_A_SALE: readonly SeatReleaseReason[] = ['refunded', 'show_cancelled'];

export const decide = (command: SeatCommand, state: SeatState): SeatEvent[] => {
  switch (command.type) {
    case 'HoldSeat': {
      const { showId, seatId, bookingId, expiresAt } = command.data;
      const now = command.metadata.now;
      if (isFreeAt(state, now)) {
        return [{ type: 'seat.held.v1', data: { showId, seatId, bookingId, expiresAt } }];
      }
      // A retried hold of the same booking must not fail the booking it already belongs to.
      if (state.status === 'held' && state.bookingId === bookingId) return [];
      throw new DomainError('SEATS_UNAVAILABLE', `seat ${seatId} is not available`, { seats: [seatId] });
    }
    case 'ReleaseSeat': {
      const { showId, seatId, bookingId, reason } = command.data;
      if (state.status === 'available' || state.bookingId !== bookingId) return [];
      if (state.status === 'sold' && !ENDS_A_SALE.includes(reason)) return [];
      return [{ type: 'seat.released.v1', data: { showId, seatId, bookingId, reason } }];
    }
    case 'ExpireHold': {
      const { showId, seatId, bookingId } = command.data;
      if (state.status !== 'held' || state.bookingId !== bookingId) return [];
      if (!hasReached(command.metadata.now, state.expiresAt)) return [];
      return [{ type: 'seat.released.v1', data: { showId, seatId, bookingId, reason: 'expired' } }];
    }
    case 'SellSeat': {
      const { showId, seatId, bookingId, ticketId } = command.data;
      if (state.status === 'sold') {
        if (state.bookingId === bookingId && state.ticketId === ticketId) return [];
        throw new DomainError('SEATS_UNAVAILABLE', `seat ${seatId} is already sold`, { seats: [seatId] });
      }
      if (state.status !== 'held' || state.bookingId !== bookingId || hasReached(command.metadata.now, state.expiresAt)) {
        throw new DomainError('HOLD_EXPIRED', `the hold on seat ${seatId} has ended`, { seats: [seatId] });
      }
      return [{ type: 'seat.sold.v1', data: { showId, seatId, bookingId, ticketId } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error(`unknown seat command ${JSON.stringify(_exhaustive)}`);
    }
  }
};

export const seatDecider: Decider<SeatState, SeatCommand, SeatEvent> = { initialState, evolve, decide };

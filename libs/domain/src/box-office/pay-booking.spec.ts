import type { BookingEvent, SeatEvent } from '@tessera/contracts';
import { fold } from '../decider';
import { DomainError } from '../domain-error';
import * as Booking from './booking';
import { decidePayBooking } from './pay-booking';
import * as Seat from './seat';
import {
  at,
  B1_TICKETS,
  bookingConfirmed,
  bookingPlaced,
  seatHeld,
  seatReleased,
  seatSold,
  ticketIssued,
} from './spec-fixtures';

const confirm = (now: string): Booking.ConfirmBooking => ({
  type: 'ConfirmBooking',
  data: { bookingId: 'b1', paymentId: 'pay1', tickets: B1_TICKETS },
  metadata: { now },
});

const given = (bookingEvents: BookingEvent[], seatEvents: Record<string, SeatEvent[]>) => ({
  when: (command: Booking.ConfirmBooking) => () =>
    decidePayBooking({
      booking: fold(Booking.evolve, Booking.initialState, bookingEvents),
      seats: Object.fromEntries(
        Object.entries(seatEvents).map(([seatId, events]) => [seatId, fold(Seat.evolve, Seat.initialState, events)]),
      ),
      command,
    }),
});

const heldSeats = {
  'A-1-1': [seatHeld('A-1-1', 'b1', at(10))],
  'B-1-2': [seatHeld('B-1-2', 'b1', at(10))],
};

const refusalOf = (decision: () => unknown): DomainError => {
  try {
    decision();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal, but the payment was accepted');
};

describe('decidePayBooking', () => {
  it('confirms the booking, sells every seat and issues a ticket per seat to the buyer', () => {
    expect(given([bookingPlaced()], heldSeats).when(confirm(at(9)))()).toEqual({
      booking: [bookingConfirmed()],
      seats: {
        'A-1-1': [seatSold('A-1-1', 'b1', 't1')],
        'B-1-2': [seatSold('B-1-2', 'b1', 't2')],
      },
      tickets: {
        t1: [ticketIssued('t1', 'u1', 'A-1-1')],
        t2: [ticketIssued('t2', 'u1', 'B-1-2')],
      },
    });
  });

  it('refuses with HOLD_EXPIRED, naming the seats, when a seat was taken by another booking', () => {
    const seats = { ...heldSeats, 'B-1-2': [seatHeld('B-1-2', 'b1', at(10)), seatReleased('B-1-2', 'b1', 'expired'), seatHeld('B-1-2', 'b2', at(20))] };
    // The booking stream still says held and live: only the seat streams know the hold was lost.
    expect(refusalOf(given([bookingPlaced()], seats).when(confirm(at(9))))).toMatchObject({
      code: 'HOLD_EXPIRED',
      details: { seats: ['B-1-2'] },
    });
  });

  it('refuses with HOLD_EXPIRED once the hold has run out', () => {
    expect(refusalOf(given([bookingPlaced()], heldSeats).when(confirm(at(10)))).code).toBe('HOLD_EXPIRED');
  });

  it('decides nothing for a retry of a confirmation that already happened', () => {
    const sold = {
      'A-1-1': [...heldSeats['A-1-1'], seatSold('A-1-1', 'b1', 't1')],
      'B-1-2': [...heldSeats['B-1-2'], seatSold('B-1-2', 'b1', 't2')],
    };
    expect(given([bookingPlaced(), bookingConfirmed()], sold).when(confirm(at(11)))()).toEqual({
      booking: [],
      seats: {},
      tickets: {},
    });
  });

  it('refuses a booking that does not exist', () => {
    expect(refusalOf(given([], {}).when(confirm(at(1)))).code).toBe('BOOKING_NOT_FOUND');
  });
});

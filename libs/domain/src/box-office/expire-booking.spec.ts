import type { BookingEvent, SeatEvent } from '@tessera/contracts';
import { fold } from '../decider';
import * as Booking from './booking';
import { decideExpireBooking } from './expire-booking';
import * as Seat from './seat';
import { at, bookingConfirmed, bookingPlaced, seatHeld, seatReleased, seatSold } from './spec-fixtures';

const expire = (now: string): Booking.ExpireBooking => ({ type: 'ExpireBooking', data: { bookingId: 'b1' }, metadata: { now } });

const given = (bookingEvents: BookingEvent[], seatEvents: Record<string, SeatEvent[]>) => ({
  when: (command: Booking.ExpireBooking) =>
    decideExpireBooking({
      booking: fold(Booking.evolve, Booking.initialState, bookingEvents),
      seats: Object.fromEntries(Object.entries(seatEvents).map(([id, events]) => [id, fold(Seat.evolve, Seat.initialState, events)])),
      command,
    }),
});

const held = {
  'A-1-1': [seatHeld('A-1-1', 'b1', at(10))],
  'B-1-2': [seatHeld('B-1-2', 'b1', at(10))],
};

describe('decideExpireBooking', () => {
  it('expires a booking whose hold ran out and releases the seats it still holds', () => {
    const decision = given([bookingPlaced()], { ...held, 'B-1-2': [...held['B-1-2'], seatHeld('B-1-2', 'b2', at(21))] }).when(
      expire(at(11)),
    );
    expect(decision.booking.map((event) => event.type)).toEqual(['booking.expired.v1']);
    expect(decision.seats).toEqual({ 'A-1-1': [seatReleased('A-1-1', 'b1', 'expired')] });
  });

  it('decides nothing before the hold runs out', () => {
    expect(given([bookingPlaced()], held).when(expire(at(9)))).toEqual({ booking: [], seats: {} });
  });

  it('decides nothing for a booking paid in time', () => {
    const sold = {
      'A-1-1': [...held['A-1-1'], seatSold('A-1-1', 'b1', 't1')],
      'B-1-2': [...held['B-1-2'], seatSold('B-1-2', 'b1', 't2')],
    };
    expect(given([bookingPlaced(), bookingConfirmed()], sold).when(expire(at(30)))).toEqual({ booking: [], seats: {} });
  });
});

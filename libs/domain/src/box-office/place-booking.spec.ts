import type { BookingEvent, SeatEvent, ShowEvent } from '@tessera/contracts';
import { fold } from '../decider';
import { DomainError } from '../domain-error';
import * as Booking from './booking';
import { decidePlaceBooking, rejectionOf, type PlaceBooking } from './place-booking';
import * as Seat from './seat';
import * as Show from './show';
import { at, bookingPlaced, bookingRequested, SHOW_ID, seatHeld, seatSold, showCancelled, showCreated, showPublished } from './spec-fixtures';

const place = (seatIds: string[], now = at(0), showId = SHOW_ID): PlaceBooking => ({
  type: 'PlaceBooking',
  data: { bookingId: 'b1', userId: 'u1', showId, seatIds },
  metadata: { now },
});

/** Given the show's events, each seat's events and (if any) the booking's, when placing: the decision. */
const given = (showEvents: ShowEvent[], seatEvents: Record<string, SeatEvent[]> = {}, bookingEvents?: BookingEvent[]) => {
  const show = fold(Show.evolve, Show.initialState, showEvents);
  const seats = Object.fromEntries(
    Object.entries(seatEvents).map(([seatId, events]) => [seatId, fold(Seat.evolve, Seat.initialState, events)]),
  );
  const booking = bookingEvents && fold(Booking.evolve, Booking.initialState, bookingEvents);
  return { when: (command: PlaceBooking) => () => decidePlaceBooking({ booking, show, seats, command }) };
};

const refusalOf = (decision: () => unknown): DomainError => {
  try {
    decision();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal, but the booking was placed');
};

const onSale = [showCreated(), showPublished];

describe('decidePlaceBooking', () => {
  it('holds every seat until now + holdMinutes and prices the booking from the categories', () => {
    const decision = given(onSale).when(place(['A-1-1', 'B-1-2'], at(0)))();
    expect(decision).toEqual({
      booking: [bookingPlaced('b1', at(10))],
      seats: {
        'A-1-1': [seatHeld('A-1-1', 'b1', at(10))],
        'B-1-2': [seatHeld('B-1-2', 'b1', at(10))],
      },
    });
  });

  it('takes a seat whose hold has expired: an expired hold counts as free', () => {
    const decision = given(onSale, { 'A-1-1': [seatHeld('A-1-1', 'b0', at(5))] }).when(place(['A-1-1'], at(6)))();
    expect(decision.seats['A-1-1']).toEqual([seatHeld('A-1-1', 'b1', at(16))]);
  });

  it('refuses a show that does not exist', () => {
    expect(refusalOf(given([]).when(place(['A-1-1'])))).toMatchObject({ code: 'SHOW_NOT_FOUND' });
  });

  it('refuses a command for another show than the one read', () => {
    expect(refusalOf(given(onSale).when(place(['A-1-1'], at(0), 'show2'))).code).toBe('SHOW_NOT_FOUND');
  });

  it('refuses a draft show', () => {
    expect(refusalOf(given([showCreated()]).when(place(['A-1-1'])))).toMatchObject({
      code: 'SHOW_NOT_ON_SALE',
      details: { status: 'draft' },
    });
  });

  it('refuses a cancelled show', () => {
    expect(refusalOf(given([...onSale, showCancelled]).when(place(['A-1-1']))).code).toBe('SHOW_NOT_ON_SALE');
  });

  it('refuses more seats than the show allows per booking', () => {
    const five = ['A-1-1', 'A-1-2', 'A-1-3', 'A-2-1', 'A-2-2'];
    expect(refusalOf(given(onSale).when(place(five)))).toMatchObject({
      code: 'TOO_MANY_SEATS',
      details: { max: 4, requested: 5 },
    });
  });

  it('refuses seats that are not on the map, naming each one', () => {
    expect(refusalOf(given(onSale).when(place(['A-1-1', 'A-3-1', 'B-1-9'])))).toMatchObject({
      code: 'SEAT_NOT_FOUND',
      details: { seats: ['A-3-1', 'B-1-9'] },
    });
  });

  it('refuses when any seat is taken, naming exactly the seats that are not free', () => {
    const seats = {
      'A-1-1': [seatHeld('A-1-1', 'b0', at(10))],
      'A-1-2': [seatHeld('A-1-2', 'b0', at(10)), seatSold('A-1-2', 'b0', 't0')],
      'A-1-3': [seatHeld('A-1-3', 'b0', at(-1))],
    };
    expect(refusalOf(given(onSale, seats).when(place(['A-1-1', 'A-1-2', 'A-1-3', 'B-1-1'], at(0))))).toMatchObject({
      code: 'SEATS_UNAVAILABLE',
      details: { seats: ['A-1-1', 'A-1-2'] },
    });
  });

  it('refuses an empty or repeated seat list', () => {
    expect(refusalOf(given(onSale).when(place([]))).code).toBe('VALIDATION_FAILED');
    expect(refusalOf(given(onSale).when(place(['A-1-1', 'A-1-1']))).code).toBe('VALIDATION_FAILED');
  });

  describe('from a request (the asynchronous path)', () => {
    const requested = [bookingRequested('b1', ['A-1-1', 'B-1-2'])];

    it('holds the seats asked for, exactly as a placement at once would', () => {
      const decision = given(onSale, {}, requested).when(place(['A-1-1', 'B-1-2'], at(3)))();
      expect(decision).toEqual({
        booking: [bookingPlaced('b1', at(13))],
        seats: { 'A-1-1': [seatHeld('A-1-1', 'b1', at(13))], 'B-1-2': [seatHeld('B-1-2', 'b1', at(13))] },
      });
    });

    it('refuses as a placement at once would when a seat was taken meanwhile (the refusal becomes the rejection)', () => {
      expect(refusalOf(given(onSale, { 'B-1-2': [seatHeld('B-1-2', 'b0', at(10))] }, requested).when(place(['A-1-1', 'B-1-2'])))).toMatchObject({
        code: 'SEATS_UNAVAILABLE',
        details: { seats: ['B-1-2'] },
      });
    });

    it('refuses other seats than the ones asked for', () => {
      expect(refusalOf(given(onSale, {}, requested).when(place(['A-1-1'])))).toMatchObject({
        code: 'INVALID_BOOKING_STATE',
        details: { status: 'requested' },
      });
    });

    it.each([
      ['held', [...requested, bookingPlaced()]],
      ['rejected', [...requested, { type: 'booking.rejected.v1', data: { bookingId: 'b1', userId: 'u1', showId: SHOW_ID, seatIds: ['A-1-1', 'B-1-2'], code: 'SEATS_UNAVAILABLE', unavailableSeats: ['B-1-2'] } } as BookingEvent]],
    ])('refuses a booking already settled (%s): a second run of the same placement decides nothing new', (status, events) => {
      expect(refusalOf(given(onSale, {}, events).when(place(['A-1-1', 'B-1-2'])))).toMatchObject({
        code: 'INVALID_BOOKING_STATE',
        details: { status },
      });
    });

    it('decides on the booking before the show: a settled booking is not refused for a show cancelled since', () => {
      expect(refusalOf(given([...onSale, showCancelled], {}, [...requested, bookingPlaced()]).when(place(['A-1-1', 'B-1-2']))).code).toBe(
        'INVALID_BOOKING_STATE',
      );
    });
  });

  describe('rejectionOf (the asynchronous path)', () => {
    it('carries the refusal code and the unavailable seats into a RejectBooking', () => {
      const command = place(['A-1-1', 'B-1-1']);
      const refusal = refusalOf(given(onSale, { 'B-1-1': [seatHeld('B-1-1', 'b0', at(10))] }).when(command));
      expect(rejectionOf(command, refusal)).toEqual({
        type: 'RejectBooking',
        data: {
          bookingId: 'b1',
          userId: 'u1',
          showId: SHOW_ID,
          seatIds: ['A-1-1', 'B-1-1'],
          code: 'SEATS_UNAVAILABLE',
          unavailableSeats: ['B-1-1'],
        },
      });
    });

    it('names no seats when the refusal was not about seats', () => {
      const command = place(['A-1-1']);
      const refusal = refusalOf(given([showCreated()]).when(command));
      expect(rejectionOf(command, refusal).data).toMatchObject({ code: 'SHOW_NOT_ON_SALE', unavailableSeats: [] });
    });
  });
});

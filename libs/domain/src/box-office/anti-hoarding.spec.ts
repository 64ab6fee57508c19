import type { BookingEvent } from '@tessera/contracts';
import { fold } from '../decider';
import * as Booking from './booking';
import { decidePlaceBooking, holdingsOf, type PlaceBooking } from './place-booking';
import * as Show from './show';
import { at, bookingConfirmed, bookingPlaced, SHOW_ID, showCreated, showPublished } from './spec-fixtures';
import { DeciderSpecification } from '../testing/decider-specification';

/** Per-account limits of a show (OWASP API6): seats held unpaid at once, and seats bought plus held. */

const limitedShow = (limits: { maxSeatsHeldPerUser?: number; maxTicketsPerUser?: number }) => fold(Show.evolve, Show.initialState, [showCreated(limits), showPublished]);
const place = (seatIds: string[], now = at(0)): PlaceBooking => ({ type: 'PlaceBooking', data: { bookingId: 'b9', userId: 'u1', showId: SHOW_ID, seatIds }, metadata: { now } });
const bookingOf = (events: BookingEvent[]) => fold(Booking.evolve, Booking.initialState, events);
/** b1 holds A-1-1 and B-1-2 until at(10). */
const holding = bookingOf([bookingPlaced('b1', at(10))]);
const bought = bookingOf([bookingPlaced('b1', at(10)), bookingConfirmed('b1')]);

describe('anti-hoarding limits', () => {
  it('count the seats held unpaid (not past their expiry) and the seats bought', () => {
    expect(holdingsOf([holding], at(5))).toEqual({ held: 2, bought: 0 });
    expect(holdingsOf([holding], at(10))).toEqual({ held: 0, bought: 0 });
    expect(holdingsOf([bought, bookingOf([])], at(5))).toEqual({ held: 0, bought: 2 });
  });

  it('refuse a hold beyond maxSeatsHeldPerUser: 422 HOLD_LIMIT_REACHED', () => {
    const show = limitedShow({ maxSeatsHeldPerUser: 3 });
    expect(() => decidePlaceBooking({ show, seats: {}, earlierBookings: [holding], command: place(['A-1-2', 'A-1-3']) })).toThrow(
      expect.objectContaining({ code: 'HOLD_LIMIT_REACHED', details: { max: 3, held: 2 } }),
    );
    // One more seat fits, and a hold that lapsed counts no more.
    expect(decidePlaceBooking({ show, seats: {}, earlierBookings: [holding], command: place(['A-1-2']) }).booking).toHaveLength(1);
    expect(decidePlaceBooking({ show, seats: {}, earlierBookings: [holding], command: place(['A-1-2', 'A-1-3'], at(11)) }).booking).toHaveLength(1);
  });

  it('refuse seats beyond maxTicketsPerUser, bought and held together: 422 TICKET_LIMIT_REACHED', () => {
    const show = limitedShow({ maxTicketsPerUser: 3 });
    expect(() => decidePlaceBooking({ show, seats: {}, earlierBookings: [bought], command: place(['A-1-2', 'A-1-3']) })).toThrow(
      expect.objectContaining({ code: 'TICKET_LIMIT_REACHED', details: { max: 3, bought: 2, held: 0 } }),
    );
    expect(decidePlaceBooking({ show, seats: {}, earlierBookings: [bought], command: place(['A-1-2']) }).booking).toHaveLength(1);
  });

  it('record each placement on the buyer stream of a limited show, and nothing for a show without limits', () => {
    const decision = decidePlaceBooking({ show: limitedShow({ maxSeatsHeldPerUser: 4 }), seats: {}, command: place(['A-1-2']) });
    expect(decision.buyer).toEqual([{ type: 'buyer.booking-placed.v1', data: { showId: SHOW_ID, userId: 'u1', bookingId: 'b9', seats: 1 } }]);
    expect(decidePlaceBooking({ show: limitedShow({}), seats: {}, command: place(['A-1-2']) }).buyer).toBeUndefined();
  });

  describe('creating a show with limits', () => {
    const spec = DeciderSpecification.for(Show.showDecider);
    const create = (limits: { maxSeatsHeldPerUser?: number; maxTicketsPerUser?: number }): Show.ShowCommand => ({ type: 'CreateShow', data: showCreated(limits).data, metadata: { now: at(-60 * 24) } });
    it('keeps valid limits in the event', () => spec.given([]).when(create({ maxSeatsHeldPerUser: 4, maxTicketsPerUser: 8 })).then([showCreated({ maxSeatsHeldPerUser: 4, maxTicketsPerUser: 8 })]));
    it('refuses a limit out of bounds, or more held than bought', () => {
      spec.given([]).when(create({ maxSeatsHeldPerUser: 0 })).thenThrows('VALIDATION_FAILED');
      spec.given([]).when(create({ maxTicketsPerUser: 1.5 })).thenThrows('VALIDATION_FAILED');
      spec.given([]).when(create({ maxSeatsHeldPerUser: 9, maxTicketsPerUser: 8 })).thenThrows('VALIDATION_FAILED');
    });
  });
});

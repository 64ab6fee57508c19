import type { SeatEvent, TicketEvent } from '@tessera/contracts';
import fc from 'fast-check';
import { fold } from '../decider';
import { DomainError } from '../domain-error';
import * as Booking from './booking';
import { decidePlaceBooking } from './place-booking';
import * as Seat from './seat';
import * as Show from './show';
import { at, B1_TICKETS, bookingPlaced, SHOW_ID, showCreated, showPublished } from './spec-fixtures';
import * as Ticket from './ticket';

/**
 * Properties over arbitrary command sequences, checked against a model written independently of
 * the deciders: the deciders may refuse anything, but what they accept must never break these.
 */

const SEAT = 'A-1-1';
const bookingIds = fc.constantFrom('b1', 'b2', 'b3');

/** A seat command `minutesLater` after the previous one (time never runs backwards). */
const seatStep = fc.record({
  minutesLater: fc.integer({ min: 0, max: 6 }),
  bookingId: bookingIds,
  action: fc.oneof(
    fc.record({ kind: fc.constant('hold' as const), holdMinutes: fc.integer({ min: 1, max: 10 }) }),
    fc.record({ kind: fc.constant('release' as const), reason: fc.constantFrom('cancelled', 'refunded', 'show_cancelled', 'expired' as const) }),
    fc.record({ kind: fc.constant('expire' as const) }),
    fc.record({ kind: fc.constant('sell' as const) }),
  ),
});

type SeatStep = typeof seatStep extends fc.Arbitrary<infer T> ? T : never;

const commandOf = (step: SeatStep, minutes: number, index: number): Seat.SeatCommand => {
  const now = at(minutes);
  const ref = { showId: SHOW_ID, seatId: SEAT, bookingId: step.bookingId };
  switch (step.action.kind) {
    case 'hold':
      return { type: 'HoldSeat', data: { ...ref, expiresAt: at(minutes + step.action.holdMinutes) }, metadata: { now } };
    case 'release':
      return { type: 'ReleaseSeat', data: { ...ref, reason: step.action.reason } };
    case 'expire':
      return { type: 'ExpireHold', data: ref, metadata: { now } };
    case 'sell':
    default:
      return { type: 'SellSeat', data: { ...ref, ticketId: `t${index}` }, metadata: { now } };
  }
};

type Claim = { kind: 'hold'; until: number } | { kind: 'sold' };

describe('box-office properties', () => {
  it('a seat never has two live claims, and only a live hold becomes a sale', () => {
    fc.assert(
      fc.property(fc.array(seatStep, { maxLength: 40 }), (steps) => {
        let state = Seat.initialState;
        let minutes = 0;
        const claims = new Map<string, Claim>();
        const liveAt = (nowMs: number) =>
          [...claims.entries()].filter(([, claim]) => claim.kind === 'sold' || claim.until > nowMs).map(([id]) => id);

        steps.forEach((step, index) => {
          minutes += step.minutesLater;
          const now = at(minutes);
          const nowMs = Date.parse(now);
          let events: SeatEvent[] = [];
          try {
            events = Seat.decide(commandOf(step, minutes, index), state);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          for (const event of events) {
            const claim = claims.get(event.data.bookingId);
            switch (event.type) {
              case 'seat.held.v1':
                expect(liveAt(nowMs)).toEqual([]);
                claims.set(event.data.bookingId, { kind: 'hold', until: Date.parse(event.data.expiresAt) });
                break;
              case 'seat.sold.v1':
                expect(claim?.kind === 'hold' && claim.until > nowMs).toBe(true);
                claims.set(event.data.bookingId, { kind: 'sold' });
                break;
              case 'seat.released.v1':
                expect(claim).toBeDefined();
                claims.delete(event.data.bookingId);
                break;
            }
            state = Seat.evolve(state, event);
          }
          expect(liveAt(nowMs).length).toBeLessThanOrEqual(1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a placement holds exactly the requested seats, prices them from the map, or names exactly the seats that are not free', () => {
    const show = fold(Show.evolve, Show.initialState, [showCreated({ maxSeatsPerBooking: 10 }), showPublished]) as Show.CreatedShow;
    const allSeats = ['A-1-1', 'A-1-2', 'A-1-3', 'A-2-1', 'A-2-2', 'A-2-3', 'B-1-1', 'B-1-2', 'B-1-3', 'B-1-4'];
    const seatState: fc.Arbitrary<Seat.SeatState> = fc.oneof(
      fc.constant({ status: 'available' as const }),
      fc.record({ status: fc.constant('held' as const), bookingId: bookingIds, expiresAt: fc.integer({ min: -5, max: 5 }).map(at) }),
      fc.record({ status: fc.constant('sold' as const), bookingId: bookingIds, ticketId: fc.constant('t0') }),
    );

    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...allSeats), seatState),
        fc.uniqueArray(fc.constantFrom(...allSeats), { minLength: 1, maxLength: 10 }),
        (seats, seatIds) => {
          const now = at(0);
          const notFree = seatIds.filter((seatId) => {
            const seat = seats[seatId];
            return seat !== undefined && (seat.status === 'sold' || (seat.status === 'held' && Date.parse(seat.expiresAt) > Date.parse(now)));
          });
          const command = { type: 'PlaceBooking' as const, data: { bookingId: 'b9', userId: 'u9', showId: SHOW_ID, seatIds }, metadata: { now } };
          if (notFree.length > 0) {
            expect(() => decidePlaceBooking({ show, seats, command })).toThrow(DomainError);
            try {
              decidePlaceBooking({ show, seats, command });
            } catch (error) {
              expect((error as DomainError).code).toBe('SEATS_UNAVAILABLE');
              expect((error as DomainError).details['seats']).toEqual(notFree);
            }
            return;
          }
          const decision = decidePlaceBooking({ show, seats, command });
          const placed = decision.booking[0];
          expect(placed.type).toBe('booking.placed.v1');
          if (placed.type !== 'booking.placed.v1') return;
          const expectedAmount = seatIds.reduce((sum, seatId) => sum + (seatId.startsWith('A') ? 12000 : 4500), 0);
          expect(placed.data.amount).toBe(expectedAmount);
          expect(Object.keys(decision.seats).sort()).toEqual([...seatIds].sort());
          for (const seatId of seatIds) {
            expect(decision.seats[seatId]).toEqual([
              { type: 'seat.held.v1', data: { showId: SHOW_ID, seatId, bookingId: 'b9', expiresAt: at(10) } },
            ]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a ticket is checked in at most once, and only with the code of its current version', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('transfer' as const), to: fc.constantFrom('u1', 'u2', 'u3') }),
      fc.record({ kind: fc.constant('checkIn' as const), version: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('void' as const) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let state = Ticket.evolve(Ticket.initialState, {
          type: 'ticket.issued.v1',
          data: { ticketId: 't1', bookingId: 'b1', showId: SHOW_ID, seatId: SEAT, ownerId: 'u1', version: 1 },
        });
        let checkIns = 0;
        for (const action of steps) {
          const current = state as Ticket.IssuedTicket;
          const command: Ticket.TicketCommand =
            action.kind === 'transfer'
              ? { type: 'TransferTicket', data: { ticketId: 't1', byOwnerId: current.ownerId, toOwnerId: action.to } }
              : action.kind === 'checkIn'
                ? { type: 'CheckIn', data: { ticketId: 't1', version: action.version, staffId: 's1' }, metadata: { now: at(600) } }
                : { type: 'VoidTicket', data: { ticketId: 't1', reason: 'show_cancelled' } };
          let events: TicketEvent[] = [];
          try {
            events = Ticket.decide(command, state);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          for (const event of events) {
            if (event.type === 'ticket.checked-in.v1') {
              checkIns += 1;
              expect(current.status).toBe('valid');
              expect(event.data.version).toBe(current.version);
            }
            state = Ticket.evolve(state, event);
          }
        }
        expect(checkIns).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('a payment attempt that claimed a booking is never raced: no second attempt, no customer cancel, while its claim stands', () => {
    const step = fc.record({
      secondsLater: fc.integer({ min: 0, max: 40 }),
      attempt: fc.constantFrom('p1', 'p2'),
      kind: fc.constantFrom('start', 'decline', 'confirm', 'cancel', 'show_cancel', 'expire' as const),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        // Held until at(10); steps move the clock by seconds.
        let state = fold(Booking.evolve, Booking.initialState, [bookingPlaced()]);
        let seconds = 0;
        let claim: { attempt: string; since: number } | undefined;
        for (const { secondsLater, attempt, kind } of steps) {
          seconds += secondsLater;
          const now = at(seconds / 60);
          const command: Booking.BookingCommand =
            kind === 'start'
              ? { type: 'StartPayment', data: { bookingId: 'b1', attemptId: attempt, card: { expMonth: 12, expYear: 2099 } }, metadata: { now } }
              : kind === 'decline'
                ? { type: 'RecordPaymentDeclined', data: { bookingId: 'b1', declineCode: 'card_declined' } }
                : kind === 'confirm'
                  ? { type: 'ConfirmBooking', data: { bookingId: 'b1', paymentId: `pay-${attempt}`, tickets: B1_TICKETS }, metadata: { now } }
                  : kind === 'expire'
                    ? { type: 'ExpireBooking', data: { bookingId: 'b1' }, metadata: { now } }
                    : {
                        type: 'CancelBooking',
                        data: { bookingId: 'b1', reason: kind === 'cancel' ? 'customer_cancelled' : 'show_cancelled', refundId: 'r1' },
                        metadata: { now },
                      };
          let events: ReturnType<typeof Booking.decide> = [];
          try {
            events = Booking.decide(command, state);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          const standing = claim !== undefined && seconds < claim.since + Booking.PAYMENT_CLAIM_SECONDS;
          // While a claim stands, only its outcome, the hold's end or a show cancellation is accepted
          // (its own attempt resuming decides nothing).
          if (events.length > 0 && standing) expect(['decline', 'confirm', 'expire', 'show_cancel']).toContain(kind);
          if (events.some((event) => event.type === 'booking.payment-started.v1')) claim = { attempt, since: seconds };
          else if (events.length > 0) claim = undefined;
          state = events.reduce(Booking.evolve, state);
        }
      }),
    );
  });
});

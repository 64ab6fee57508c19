import type { ShowEvent, WaitlistEvent } from '@tessera/contracts';
import { fold } from '../decider';
import { DeciderSpecification } from '../testing/decider-specification';
import { showDecider } from './show';
import { at, showCreated, showPublished, SHOW_ID } from './spec-fixtures';
import { decideJoinWaitlist, matchOffers, waitlistDecider, type JoinWaitlist, type WaitlistCommand } from './waitlist';

const spec = DeciderSpecification.for(waitlistDecider);

const joinData = (entryId: string, userId: string, seats = 2, categoryId: string | null = 'vip') => ({ showId: SHOW_ID, entryId, userId, categoryId, seats });
const join = (entryId: string, userId: string, seats = 2, categoryId: string | null = 'vip'): JoinWaitlist => ({ type: 'JoinWaitlist', data: joinData(entryId, userId, seats, categoryId) });
const joined = (entryId: string, userId: string, number: number, seats = 2, categoryId: string | null = 'vip'): WaitlistEvent => ({
  type: 'waitlist.joined.v1',
  data: { ...joinData(entryId, userId, seats, categoryId), number },
});
const offer = (entryId: string, bookingId: string, seatIds: string[]): WaitlistCommand => ({
  type: 'OfferSeats',
  data: { showId: SHOW_ID, entryId, bookingId, seatIds, expiresAt: at(10) },
});
const offered = (entryId: string, userId: string, bookingId: string, seatIds: string[]): WaitlistEvent => ({
  type: 'waitlist.offered.v1',
  data: { showId: SHOW_ID, entryId, userId, bookingId, seatIds, expiresAt: at(10) },
});
const settle = (bookingId: string, outcome: 'paid' | 'expired' | 'cancelled'): WaitlistCommand => ({ type: 'SettleOffer', data: { showId: SHOW_ID, bookingId, outcome } });
const leave = (entryId: string, userId: string): WaitlistCommand => ({ type: 'LeaveWaitlist', data: { showId: SHOW_ID, entryId, userId } });

const state = (events: WaitlistEvent[]) => fold(waitlistDecider.evolve, waitlistDecider.initialState, events);
const show = (events: ShowEvent[]) => fold(showDecider.evolve, showDecider.initialState, events);
const onSale = show([showCreated(), showPublished]);

describe('Waitlist', () => {
  describe('joining', () => {
    it('numbers entries in the order they join', () => spec.given([joined('e1', 'u1', 1)]).when(join('e2', 'u2')).then([joined('e2', 'u2', 2)]));
    it('decides nothing for a user who is on the list already (waiting or offered), nor for a retry', () => {
      spec.given([joined('e1', 'u1', 1)]).when(join('e2', 'u1')).thenNothing();
      spec.given([joined('e1', 'u1', 1), offered('e1', 'u1', 'b1', ['A-1-1', 'A-1-2'])]).when(join('e2', 'u1')).thenNothing();
      spec.given([joined('e1', 'u1', 1)]).when(join('e1', 'u1')).thenNothing();
    });
    it('takes a user again once their entry has ended', () =>
      spec.given([joined('e1', 'u1', 1), { type: 'waitlist.left.v1', data: { showId: SHOW_ID, entryId: 'e1', userId: 'u1' } }]).when(join('e2', 'u1')).then([joined('e2', 'u1', 2)]));
    it('refuses a show that does not exist or is not on sale', () => {
      expect(() => decideJoinWaitlist({ show: show([]), waitlist: state([]), command: join('e1', 'u1') })).toThrow(expect.objectContaining({ code: 'SHOW_NOT_FOUND' }));
      expect(() => decideJoinWaitlist({ show: show([showCreated()]), waitlist: state([]), command: join('e1', 'u1') })).toThrow(expect.objectContaining({ code: 'SHOW_NOT_ON_SALE' }));
    });
    it('refuses a category the show does not have, and more seats than a booking may hold', () => {
      expect(() => decideJoinWaitlist({ show: onSale, waitlist: state([]), command: join('e1', 'u1', 2, 'balcony') })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
      expect(() => decideJoinWaitlist({ show: onSale, waitlist: state([]), command: join('e1', 'u1', 5) })).toThrow(expect.objectContaining({ code: 'TOO_MANY_SEATS' }));
    });
    it('joins an on-sale show, for a category or for any', () => {
      expect(decideJoinWaitlist({ show: onSale, waitlist: state([]), command: join('e1', 'u1', 4) })).toEqual([joined('e1', 'u1', 1, 4)]);
      expect(decideJoinWaitlist({ show: onSale, waitlist: state([]), command: join('e1', 'u1', 1, null) })).toEqual([joined('e1', 'u1', 1, 1, null)]);
    });
  });

  describe('offering', () => {
    it('offers seats to a waiting entry', () =>
      spec.given([joined('e1', 'u1', 1)]).when(offer('e1', 'b1', ['A-1-1', 'A-1-2'])).then([offered('e1', 'u1', 'b1', ['A-1-1', 'A-1-2'])]));
    it('refuses a second offer to the same entry: an entry is offered once', () =>
      spec.given([joined('e1', 'u1', 1), offered('e1', 'u1', 'b1', ['A-1-1', 'A-1-2'])]).when(offer('e1', 'b2', ['A-2-1', 'A-2-2'])).thenThrows('CONCURRENCY_CONFLICT'));
    it('refuses an entry that left, and one that does not exist', () => {
      spec.given([joined('e1', 'u1', 1), { type: 'waitlist.left.v1', data: { showId: SHOW_ID, entryId: 'e1', userId: 'u1' } }]).when(offer('e1', 'b1', ['A-1-1', 'A-1-2'])).thenThrows('CONCURRENCY_CONFLICT');
      spec.given([]).when(offer('e9', 'b1', ['A-1-1'])).thenThrows('WAITLIST_ENTRY_NOT_FOUND');
    });
  });

  describe('settling an offer', () => {
    const given = [joined('e1', 'u1', 1), offered('e1', 'u1', 'b1', ['A-1-1', 'A-1-2'])];
    const ref = { showId: SHOW_ID, entryId: 'e1', userId: 'u1', bookingId: 'b1' };
    it('fulfils the entry when the offer is paid', () => spec.given(given).when(settle('b1', 'paid')).then([{ type: 'waitlist.fulfilled.v1', data: ref }]));
    it('lets the offer expire when its hold runs out or is cancelled', () => {
      spec.given(given).when(settle('b1', 'expired')).then([{ type: 'waitlist.offer-expired.v1', data: { ...ref, reason: 'expired' } }]);
      spec.given(given).when(settle('b1', 'cancelled')).then([{ type: 'waitlist.offer-expired.v1', data: { ...ref, reason: 'cancelled' } }]);
    });
    it('decides nothing for a booking that is no offer, or an offer settled already (a replay)', () => {
      spec.given(given).when(settle('b-other', 'paid')).thenNothing();
      spec.given([...given, { type: 'waitlist.fulfilled.v1', data: ref }]).when(settle('b1', 'expired')).thenNothing();
    });
  });

  describe('leaving', () => {
    it('leaves a waiting or an offered entry', () => {
      spec.given([joined('e1', 'u1', 1)]).when(leave('e1', 'u1')).then([{ type: 'waitlist.left.v1', data: { showId: SHOW_ID, entryId: 'e1', userId: 'u1' } }]);
      spec.given([joined('e1', 'u1', 1), offered('e1', 'u1', 'b1', ['A-1-1', 'A-1-2'])]).when(leave('e1', 'u1')).then([{ type: 'waitlist.left.v1', data: { showId: SHOW_ID, entryId: 'e1', userId: 'u1' } }]);
    });
    it("answers another user's entry as a missing one: WAITLIST_ENTRY_NOT_FOUND", () => {
      spec.given([joined('e1', 'u1', 1)]).when(leave('e1', 'u2')).thenThrows('WAITLIST_ENTRY_NOT_FOUND');
      spec.given([]).when(leave('e1', 'u1')).thenThrows('WAITLIST_ENTRY_NOT_FOUND');
    });
    it('decides nothing for an entry that has ended (leaving twice)', () =>
      spec.given([joined('e1', 'u1', 1), { type: 'waitlist.left.v1', data: { showId: SHOW_ID, entryId: 'e1', userId: 'u1' } }]).when(leave('e1', 'u1')).thenNothing());
  });

  describe('matching returned seats to entries', () => {
    const vip = (seatId: string) => ({ seatId, categoryId: 'vip' });
    const std = (seatId: string) => ({ seatId, categoryId: 'std' });
    it('serves entries in the order they joined', () => {
      const waitlist = state([joined('e1', 'u1', 1, 1), joined('e2', 'u2', 2, 1), joined('e3', 'u3', 3, 1)]);
      expect(matchOffers(waitlist, [vip('A-1-1'), vip('A-1-2')]).map((m) => [m.entry.entryId, m.seatIds])).toEqual([
        ['e1', ['A-1-1']],
        ['e2', ['A-1-2']],
      ]);
    });
    it('passes over an entry that does not fit and serves the next that does', () => {
      const waitlist = state([joined('e1', 'u1', 1, 3), joined('e2', 'u2', 2, 1, 'std'), joined('e3', 'u3', 3, 2, null)]);
      expect(matchOffers(waitlist, [vip('A-1-1'), std('B-1-1'), vip('A-1-2')]).map((m) => [m.entry.entryId, m.seatIds])).toEqual([
        ['e2', ['B-1-1']],
        ['e3', ['A-1-1', 'A-1-2']],
      ]);
    });
    it('offers nothing to entries that are not waiting', () => {
      const waitlist = state([joined('e1', 'u1', 1, 1), offered('e1', 'u1', 'b1', ['A-1-1'])]);
      expect(matchOffers(waitlist, [vip('A-1-2')])).toEqual([]);
    });
  });
});

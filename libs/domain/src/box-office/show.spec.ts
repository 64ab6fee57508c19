import { fold } from '../decider';
import { DeciderSpecification } from '../testing/decider-specification';
import { at, SHOW_ID, showCancelled, showCreated, showPublished } from './spec-fixtures';
import { evolve, initialState, seatOf, showDecider, type CreateShow, type CreatedShow } from './show';

const spec = DeciderSpecification.for(showDecider);

/** The fixture show starts at 19:30 on the day `at` counts from, 570 minutes after `at(0)`. */
const STARTS = 570;

const createShow = (overrides: Partial<CreateShow['data']> = {}, now = at(0)): CreateShow => ({
  type: 'CreateShow',
  data: { ...showCreated().data, ...overrides },
  metadata: { now },
});

describe('Show', () => {
  describe('CreateShow', () => {
    it('creates a draft show with its seat map', () => {
      spec.given([]).when(createShow()).then([showCreated()]);
    });

    it('writes startsAt in canonical UTC whatever zone it was given in', () => {
      spec
        .given([])
        .when(createShow({ startsAt: '2027-05-01T21:30:00+02:00' }))
        .then([showCreated({ startsAt: '2027-05-01T19:30:00.000Z' })]);
    });

    it('refuses a show that starts in the past, naming startsAt', () => {
      spec
        .given([])
        .when(createShow({ startsAt: '2027-04-30T19:30:00Z' }))
        .thenThrows('SHOW_IN_PAST', {
          startsAt: '2027-04-30T19:30:00.000Z',
          errors: [{ field: 'startsAt', message: 'must lie in the future' }],
        });
    });

    it('refuses a show that starts right now, and creates one that starts a minute later', () => {
      spec.given([]).when(createShow({}, at(STARTS))).thenThrows('SHOW_IN_PAST');
      spec.given([]).when(createShow({}, at(STARTS - 1))).then([showCreated()]);
    });

    it('compares instants, not text: 21:00+02:00 is before 19:30Z', () => {
      spec.given([]).when(createShow({ startsAt: '2027-05-01T21:00:00+02:00' }, at(STARTS - 1))).thenThrows('SHOW_IN_PAST');
    });

    it('refuses a second creation of the same show', () => {
      spec.given([showCreated()]).when(createShow()).thenThrows('INVALID_SHOW_STATE');
    });

    it('refuses a section that names an unknown category', () => {
      const sections = [{ id: 'A', name: 'Stalls', categoryId: 'gold', rows: [{ label: '1', seats: 3 }] }];
      spec
        .given([])
        .when(createShow({ sections }))
        .thenThrows('VALIDATION_FAILED', {
          errors: [{ field: 'sections[0].categoryId', message: 'unknown category "gold"' }],
        });
    });

    it('refuses duplicate category, section and row ids, naming each', () => {
      const categories = [
        { id: 'vip', name: 'VIP', price: 100 },
        { id: 'vip', name: 'VIP again', price: 200 },
      ];
      const sections = [
        { id: 'A', name: 'A', categoryId: 'vip', rows: [{ label: '1', seats: 2 }, { label: '1', seats: 2 }] },
        { id: 'A', name: 'A again', categoryId: 'vip', rows: [{ label: '1', seats: 2 }] },
      ];
      spec
        .given([])
        .when(createShow({ categories, sections }))
        .thenThrows('VALIDATION_FAILED', {
          errors: [
            { field: 'categories[1].id', message: 'duplicate category id "vip"' },
            { field: 'sections[0].rows[1].label', message: 'duplicate row "1" in section "A"' },
            { field: 'sections[1].id', message: 'duplicate section id "A"' },
          ],
        });
    });

    it('refuses a section id with a dash, which would make seat ids ambiguous', () => {
      const sections = [{ id: 'A-1', name: 'A', categoryId: 'vip', rows: [{ label: '1', seats: 2 }] }];
      spec
        .given([])
        .when(createShow({ sections }))
        .thenThrows('VALIDATION_FAILED', { errors: [{ field: 'sections[0].id' }] });
    });

    it('refuses more than 100,000 seats', () => {
      const rows = Array.from({ length: 101 }, (_, i) => ({ label: `R${i}`, seats: 1000 }));
      spec
        .given([])
        .when(createShow({ sections: [{ id: 'A', name: 'Huge', categoryId: 'vip', rows }] }))
        .thenThrows('VALIDATION_FAILED', { errors: [{ field: 'sections' }] });
    });

    it('refuses bounds the request DTO also checks, since the decider trusts no caller', () => {
      spec
        .given([])
        .when(createShow({ holdMinutes: 0, maxSeatsPerBooking: 21, startsAt: 'soon' }))
        .thenThrows('VALIDATION_FAILED', {
          errors: [
            { field: 'startsAt', message: 'must be an ISO 8601 date-time' },
            { field: 'holdMinutes', message: 'must be a whole number from 1 to 60' },
            { field: 'maxSeatsPerBooking', message: 'must be a whole number from 1 to 20' },
          ],
        });
    });
  });

  describe('PublishShow', () => {
    const publishAt = (now: string) => ({ type: 'PublishShow' as const, data: { showId: SHOW_ID }, metadata: { now } });
    const publish = publishAt(at(0));

    it('puts a draft show on sale', () => {
      spec.given([showCreated()]).when(publish).then([showPublished]);
    });

    it('refuses a draft whose start has passed since it was created', () => {
      spec.given([showCreated()]).when(publishAt(at(STARTS + 60))).thenThrows('SHOW_IN_PAST', { startsAt: '2027-05-01T19:30:00.000Z' });
    });

    it('refuses a show that is already on sale', () => {
      spec.given([showCreated(), showPublished]).when(publish).thenThrows('INVALID_SHOW_STATE', { status: 'on_sale' });
    });

    it('refuses a cancelled show', () => {
      spec.given([showCreated(), showCancelled]).when(publish).thenThrows('INVALID_SHOW_STATE', { status: 'cancelled' });
    });

    it('refuses a show that does not exist', () => {
      spec.given([]).when(publish).thenThrows('SHOW_NOT_FOUND');
    });
  });

  describe('CancelShow', () => {
    const cancel = { type: 'CancelShow' as const, data: { showId: SHOW_ID, reason: 'storm' } };

    it('cancels a draft show', () => {
      spec.given([showCreated()]).when(cancel).then([showCancelled]);
    });

    it('cancels a show on sale', () => {
      spec.given([showCreated(), showPublished]).when(cancel).then([showCancelled]);
    });

    it('refuses a show that is already cancelled', () => {
      spec.given([showCreated(), showCancelled]).when(cancel).thenThrows('INVALID_SHOW_STATE');
    });

    it('refuses a show that does not exist', () => {
      spec.given([]).when(cancel).thenThrows('SHOW_NOT_FOUND');
    });
  });

  describe('seat lookup', () => {
    const show = fold(evolve, initialState, [showCreated()]) as CreatedShow;

    it('finds a seat with its category and price, and counts the capacity', () => {
      expect(seatOf(show, 'B-1-4')).toEqual({
        seatId: 'B-1-4',
        sectionId: 'B',
        rowLabel: '1',
        number: 4,
        categoryId: 'std',
        price: 4500,
      });
      expect(show.capacity).toBe(10);
    });

    it.each(['B-1-5', 'B-2-1', 'C-1-1', 'A-1-0', 'A-1-01', 'A-1', '__proto__-1-1', 'A-constructor-1'])(
      'finds no seat %s',
      (seatId) => {
        expect(seatOf(show, seatId)).toBeUndefined();
      },
    );
  });
});

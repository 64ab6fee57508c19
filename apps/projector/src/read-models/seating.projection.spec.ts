import type { ShowCreated } from '@tessera/contracts';
import { showDetailOf, withSectionAvailable, type ShowDetailDoc } from './seating.projection';

/**
 * The show detail's totals move by each section's change instead of being summed again per seat
 * event; whatever the order of changes, they must stay the sums of the sections.
 */

const created: ShowCreated['data'] = {
  showId: 'show-1',
  name: 'Night',
  venue: 'Arena',
  startsAt: '2027-05-01T19:30:00.000Z',
  currency: 'EUR',
  holdMinutes: 10,
  maxSeatsPerBooking: 8,
  categories: [
    { id: 'vip', name: 'VIP', price: 12000 },
    { id: 'std', name: 'Standard', price: 4500 },
    { id: 'empty', name: 'No section', price: 100 },
  ],
  sections: [
    { id: 'A', name: 'A', categoryId: 'vip', rows: [{ label: '1', seats: 10 }] },
    { id: 'B', name: 'B', categoryId: 'std', rows: [{ label: '1', seats: 20 }, { label: '2', seats: 5 }] },
    { id: 'C', name: 'C', categoryId: 'std', rows: [{ label: '1', seats: 8 }] },
  ],
};

/** Category and show totals summed from the sections, as `showDetailOf` first makes them. */
const summed = (detail: Omit<ShowDetailDoc, '_position'>) => ({
  categories: detail.categories.map((category) => {
    const own = detail.sections.filter((section) => section.categoryId === category.id);
    return { id: category.id, capacity: own.reduce((n, s) => n + s.capacity, 0), available: own.reduce((n, s) => n + s.available, 0) };
  }),
  capacity: detail.sections.reduce((n, s) => n + s.capacity, 0),
  available: detail.sections.reduce((n, s) => n + s.available, 0),
});

const totalsOf = (detail: Omit<ShowDetailDoc, '_position'>) => ({
  categories: detail.categories.map(({ id, capacity, available }) => ({ id, capacity, available })),
  capacity: detail.capacity,
  available: detail.available,
});

describe('show detail availability', () => {
  it('keeps category and show totals the sums of the sections through any changes', () => {
    let seed = 7;
    const next = () => (seed = (seed * 1664525 + 1013904223) % 4294967296) / 4294967296;
    let detail = showDetailOf(created);
    for (let step = 0; step < 500; step++) {
      const section = detail.sections[Math.floor(next() * detail.sections.length)];
      const before = detail;
      detail = withSectionAvailable(detail, section.id, Math.floor(next() * (section.capacity + 1)));
      expect(totalsOf(detail)).toEqual(summed(detail));
      // The previous version is left as it was (evolve functions never change their input).
      expect(totalsOf(before)).toEqual(summed(before));
    }
  });

  it('sets the section count whatever it was before, so a replayed event changes nothing', () => {
    const once = withSectionAvailable(showDetailOf(created), 'B', 20);
    expect(withSectionAvailable(once, 'B', 20)).toEqual(once);
    expect(once.sections.find((section) => section.id === 'B')?.available).toBe(20);
    expect(totalsOf(once)).toEqual({
      categories: [
        { id: 'vip', capacity: 10, available: 10 },
        { id: 'std', capacity: 33, available: 28 },
        { id: 'empty', capacity: 0, available: 0 },
      ],
      capacity: 43,
      available: 38,
    });
  });

  it('sums every section when section ids repeat', () => {
    const repeated = showDetailOf({ ...created, sections: [...created.sections, { ...created.sections[2] }] });
    const changed = withSectionAvailable(repeated, 'C', 3);
    expect(changed.sections.filter((section) => section.id === 'C').map((section) => section.available)).toEqual([3, 3]);
    expect(totalsOf(changed)).toEqual(summed(changed));
  });
});

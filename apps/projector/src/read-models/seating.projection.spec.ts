import type { ShowCreated } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { collectionName, SHOW_CATALOGUE, type ShowCatalogueDoc, type ShowDetailDoc } from '@tessera/read-models';
import { ProjectionEngine } from '../projection-engine';
import { seatingProjection, showDetailOf, withSectionAvailable } from './seating.projection';

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

describe('show catalogue priceFrom', () => {
  let position = 0;
  const recorded = (stream: string, type: string, data: unknown): RecordedEvent => {
    position += 1;
    return {
      id: `e${position}`,
      stream,
      type,
      revision: 0,
      position,
      data,
      metadata: { actorId: 'admin', correlationId: 'c', causationId: `c${position}`, occurredAt: '2027-04-01T10:00:00.000Z', schemaVersion: 1 },
      recordedAt: '2027-04-01T10:00:00.000Z',
    };
  };
  const catalogueAfter = async (events: RecordedEvent[]): Promise<ShowCatalogueDoc | null> => {
    const store = new EmbeddedReadStore();
    const engine = new ProjectionEngine(store, [seatingProjection]);
    await engine.load();
    await engine.apply(events);
    return store.collection<ShowCatalogueDoc>(collectionName(seatingProjection, SHOW_CATALOGUE)).findOne({ _id: created.showId });
  };

  it('is the lowest price among categories that have seats, not the 1.00 of a category no section uses', async () => {
    const entry = await catalogueAfter([recorded('show-show-1', 'show.created.v1', created), recorded('show-show-1', 'show.published.v1', { showId: 'show-1' })]);
    expect(entry).toMatchObject({ priceFrom: 4500, capacity: 43, available: 43, status: 'on_sale' });
  });

  it('stays so after seat events recompute the entry', async () => {
    const entry = await catalogueAfter([
      recorded('show-show-1', 'show.created.v1', created),
      recorded('seat-show-1-B-1-1', 'seat.held.v1', { showId: 'show-1', seatId: 'B-1-1', bookingId: 'b1', expiresAt: '2027-04-01T10:10:00.000Z' }),
    ]);
    expect(entry).toMatchObject({ priceFrom: 4500, available: 42 });
  });

  it('counts a cheap category once a section uses it', async () => {
    const seated = { ...created, sections: [...created.sections, { id: 'D', name: 'D', categoryId: 'empty', rows: [{ label: '1', seats: 2 }] }] };
    expect(await catalogueAfter([recorded('show-show-1', 'show.created.v1', seated)])).toMatchObject({ priceFrom: 100 });
  });
});

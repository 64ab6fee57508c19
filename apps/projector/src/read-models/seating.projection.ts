import type { SeatEvent, ShowCreated, ShowEvent, ShowStatus, WaitingRoomConfigured } from '@tessera/contracts';
import { parseSeatId } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import {
  SEAT_CODES,
  SEAT_MAP,
  SHOW_CATALOGUE,
  SHOW_DETAIL,
  sectionDocId,
  seatingDescriptor,
  type SeatCode,
  type SeatMapSectionDoc,
  type ShowCatalogueDoc,
  type ShowDetailDoc,
} from '@tessera/read-models';
import type { DocumentBatch, Projection } from '../projection';

/** How the seating read models (libs/read-models) evolve from show and seat events. */

// ---- pure evolve functions ---------------------------------------------------------------

export const seatMapSectionsOf = (created: ShowCreated['data']): Omit<SeatMapSectionDoc, '_position'>[] =>
  created.sections.map((section) => {
    let offset = 0;
    const rows = section.rows.map((row) => {
      const placed = { label: row.label, seats: row.seats, offset };
      offset += row.seats;
      return placed;
    });
    return {
      _id: sectionDocId(created.showId, section.id),
      showId: created.showId,
      sectionId: section.id,
      categoryId: section.categoryId,
      rows,
      status: SEAT_CODES.available.repeat(offset),
      capacity: offset,
      available: offset,
    };
  });

/** Index of a seat in its section's `status`, or -1 when the section has no such seat. */
export const seatIndexOf = (section: Pick<SeatMapSectionDoc, 'rows'>, rowLabel: string, number: number): number => {
  const row = section.rows.find((candidate) => candidate.label === rowLabel);
  return row && number >= 1 && number <= row.seats ? row.offset + number - 1 : -1;
};

const codeAfter = (event: SeatEvent): SeatCode =>
  event.type === 'seat.held.v1' ? SEAT_CODES.held : event.type === 'seat.sold.v1' ? SEAT_CODES.sold : SEAT_CODES.available;

export const evolveSeatMapSection = (
  section: Omit<SeatMapSectionDoc, '_position'>,
  event: SeatEvent,
): Omit<SeatMapSectionDoc, '_position'> => {
  const address = parseSeatId(event.data.seatId);
  const index = address ? seatIndexOf(section, address.rowLabel, address.number) : -1;
  if (index < 0) return section;
  const before = section.status[index];
  const after = codeAfter(event);
  if (before === after) return section;
  const delta = (after === SEAT_CODES.available ? 1 : 0) - (before === SEAT_CODES.available ? 1 : 0);
  return {
    ...section,
    status: section.status.slice(0, index) + after + section.status.slice(index + 1),
    available: section.available + delta,
  };
};

export const showDetailOf = (created: ShowCreated['data']): Omit<ShowDetailDoc, '_position'> => {
  const sections = seatMapSectionsOf(created);
  const sectionViews = created.sections.map((section, i) => ({
    id: section.id,
    name: section.name,
    categoryId: section.categoryId,
    capacity: sections[i].capacity,
    available: sections[i].capacity,
  }));
  const { categories, sections: _sections, ...show } = created;
  return withTotals({
    _id: created.showId,
    ...show,
    status: 'draft',
    categories: categories.map((category) => ({ ...category, capacity: 0, available: 0 })),
    sections: sectionViews,
    capacity: 0,
    available: 0,
  });
};

/** Category and show totals follow from the sections' counts. */
const withTotals = (detail: Omit<ShowDetailDoc, '_position'>): Omit<ShowDetailDoc, '_position'> => {
  const categories = detail.categories.map((category) => {
    const own = detail.sections.filter((section) => section.categoryId === category.id);
    return {
      ...category,
      capacity: own.reduce((n, s) => n + s.capacity, 0),
      available: own.reduce((n, s) => n + s.available, 0),
    };
  });
  return {
    ...detail,
    categories,
    capacity: detail.sections.reduce((n, s) => n + s.capacity, 0),
    available: detail.sections.reduce((n, s) => n + s.available, 0),
  };
};

/**
 * Sets a section's count from the seat-map document (not by adding a delta): replaying an event
 * the section had already seen, after a crash, still converges on the same numbers. The section's
 * category and the show move by the section's change, which keeps them the sums `withTotals`
 * makes without summing every section again on every seat event.
 */
export const withSectionAvailable = (
  detail: Omit<ShowDetailDoc, '_position'>,
  sectionId: string,
  available: number,
): Omit<ShowDetailDoc, '_position'> => {
  const matching = detail.sections.filter((section) => section.id === sectionId);
  // A show whose section ids repeat has no single section to move: sum them all instead.
  if (matching.length !== 1) {
    return withTotals({ ...detail, sections: detail.sections.map((section) => (section.id === sectionId ? { ...section, available } : section)) });
  }
  const [changed] = matching;
  const delta = available - changed.available;
  if (delta === 0) return detail;
  return {
    ...detail,
    sections: detail.sections.map((section) => (section === changed ? { ...section, available } : section)),
    categories: detail.categories.map((category) =>
      category.id === changed.categoryId ? { ...category, available: category.available + delta } : category,
    ),
    available: detail.available + delta,
  };
};

export const evolveShowStatus = <T extends { status: ShowStatus }>(doc: T, event: ShowEvent): T => {
  switch (event.type) {
    case 'show.published.v1':
      return doc.status === 'draft' ? { ...doc, status: 'on_sale' } : doc;
    case 'show.cancelled.v1':
      return { ...doc, status: 'cancelled' };
    default:
      return doc;
  }
};

/**
 * The lowest price among categories that have seats (API.md): a category no section uses sells
 * nothing. Every valid show has one with seats; the fallback only keeps the number finite.
 */
export const priceFromOf = (categories: readonly { price: number; capacity: number }[]): number => {
  const seated = categories.filter((category) => category.capacity > 0);
  return Math.min(...(seated.length > 0 ? seated : categories).map((category) => category.price));
};

export const catalogueEntryOf = (detail: Omit<ShowDetailDoc, '_position'>): Omit<ShowCatalogueDoc, '_position'> => ({
  _id: detail.showId,
  showId: detail.showId,
  name: detail.name,
  venue: detail.venue,
  startsAt: detail.startsAt,
  status: detail.status,
  currency: detail.currency,
  priceFrom: priceFromOf(detail.categories),
  capacity: detail.capacity,
  available: detail.available,
  listed: detail.status !== 'draft',
});

// ---- the projection ------------------------------------------------------------------------
// Documents go to the evolve functions with their `_position`, which whatever they return
// carries along until DocumentBatch stamps the event's position over it.

export const seatingProjection: Projection = {
  ...seatingDescriptor,

  async apply(event: RecordedEvent, docs: DocumentBatch): Promise<void> {
    const domainEvent = { type: event.type, data: event.data } as ShowEvent | SeatEvent | WaitingRoomConfigured;
    const showId = domainEvent.data.showId;
    if (domainEvent.type === 'waiting_room.configured.v1') {
      const { enabled, opensAt, admitPerMinute, tokenMinutes } = domainEvent.data;
      await docs.evolve<ShowDetailDoc>(SHOW_DETAIL, showId, event, (doc) => (doc ? { ...doc, waitingRoom: { enabled, opensAt, admitPerMinute, tokenMinutes } } : null));
      return;
    }
    if (domainEvent.type === 'show.created.v1') {
      const created = domainEvent.data;
      for (const section of seatMapSectionsOf(created)) {
        await docs.evolve<SeatMapSectionDoc>(SEAT_MAP, section._id, event, (doc) => doc ?? section);
      }
      const detail = await docs.evolve<ShowDetailDoc>(SHOW_DETAIL, showId, event, (doc) => doc ?? showDetailOf(created));
      if (detail) await docs.evolve<ShowCatalogueDoc>(SHOW_CATALOGUE, showId, event, () => catalogueEntryOf(detail));
      return;
    }
    if (domainEvent.type === 'show.published.v1' || domainEvent.type === 'show.cancelled.v1') {
      const detail = await docs.evolve<ShowDetailDoc>(SHOW_DETAIL, showId, event, (doc) => (doc ? evolveShowStatus(doc, domainEvent) : null));
      if (detail) await docs.evolve<ShowCatalogueDoc>(SHOW_CATALOGUE, showId, event, () => catalogueEntryOf(detail));
      return;
    }
    const address = parseSeatId(domainEvent.data.seatId);
    if (!address) return;
    const section = await docs.evolve<SeatMapSectionDoc>(SEAT_MAP, sectionDocId(showId, address.sectionId), event, (doc) =>
      doc ? evolveSeatMapSection(doc, domainEvent) : null,
    );
    if (!section) return;
    const detail = await docs.evolve<ShowDetailDoc>(SHOW_DETAIL, showId, event, (doc) =>
      doc ? withSectionAvailable(doc, address.sectionId, section.available) : null,
    );
    if (detail) await docs.evolve<ShowCatalogueDoc>(SHOW_CATALOGUE, showId, event, () => catalogueEntryOf(detail));
  },
};

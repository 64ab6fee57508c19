import type { ShowDetailResponse, ShowStatus } from '@tessera/contracts';
import { SEAT_EVENT_TYPES, SHOW_EVENT_TYPES } from '@tessera/contracts';
import type { ProjectionDescriptor, ReadModelDocument } from './read-model';

/**
 * Seating: everything a fan browses before holding seats. Three read models, one per query:
 * the catalogue (GET /api/shows), the show detail with availability per category and section
 * (GET /api/shows/{id}) and the seat map, one compact document per section (GET …/seats).
 * Availability is for display only; decisions are taken on the seat streams.
 */

export const SEAT_MAP = 'seat_map';
export const SHOW_DETAIL = 'show_detail';
export const SHOW_CATALOGUE = 'show_catalogue';

/** One character per seat, row by row: available, held or sold. */
export const SEAT_CODES = { available: 'a', held: 'h', sold: 's' } as const;
export type SeatCode = (typeof SEAT_CODES)[keyof typeof SEAT_CODES];

export type SeatMapSectionDoc = ReadModelDocument & {
  showId: string;
  sectionId: string;
  categoryId: string;
  /** Rows in seat-map order; `offset` is where the row's seats start in `status`. */
  rows: { label: string; seats: number; offset: number }[];
  /** `status[offset + number - 1]` is the seat's SEAT_CODES letter. */
  status: string;
  capacity: number;
  available: number;
}

/** The response of GET /api/shows/{id}, ready to serve, plus the show's totals. */
// Pick makes the interface a mapped type, which documents (Record<string, unknown>) accept.
export type ShowDetailDoc = ReadModelDocument & Pick<ShowDetailResponse, keyof ShowDetailResponse> & {
  capacity: number;
  available: number;
}

export type ShowCatalogueDoc = ReadModelDocument & {
  showId: string;
  name: string;
  venue: string;
  startsAt: string;
  status: ShowStatus;
  currency: string;
  priceFrom: number;
  capacity: number;
  available: number;
  /** Draft shows are not listed publicly. */
  listed: boolean;
}

export const sectionDocId = (showId: string, sectionId: string): string => `${showId}/${sectionId}`;

export const seatingDescriptor: ProjectionDescriptor = {
  name: 'seating',
  version: 1,
  collections: [SEAT_MAP, SHOW_DETAIL, SHOW_CATALOGUE],
  // The room's configuration only (its places and admissions are the command side's, in memory).
  eventTypes: [...SHOW_EVENT_TYPES, ...SEAT_EVENT_TYPES, 'waiting_room.configured.v1'],
};

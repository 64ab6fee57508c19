/**
 * The seat map of a show as it is written once in `show.created.v1` and read by everyone after:
 * price categories, and sections of rows whose seats are numbered from 1.
 */

/** A price category such as VIP or Standard. */
export interface SeatCategory {
  /** Stable id, `[A-Za-z0-9_]{1,32}`, unique within the show. */
  id: string;
  name: string;
  /** Price of one seat in minor units (cents) of the show's currency. */
  price: number;
}

/** A row of a section: seats are numbered 1..seats. */
export interface SeatRow {
  /** `[A-Za-z0-9]{1,8}`, unique within the section. */
  label: string;
  seats: number;
}

/** A block of rows sold at one category's price. */
export interface SeatSection {
  /** `[A-Za-z0-9_]{1,32}`: never contains '-', so a seat id splits back into its parts. */
  id: string;
  name: string;
  categoryId: string;
  rows: SeatRow[];
}

/** Where a seat is, as its id spells it. */
export interface SeatAddress {
  sectionId: string;
  rowLabel: string;
  number: number;
}

/** Seat ids are `{sectionId}-{rowLabel}-{number}` with numbers from 1: `A-1-7`. */
export const seatIdOf = (sectionId: string, rowLabel: string, number: number): string =>
  `${sectionId}-${rowLabel}-${number}`;

const SEAT_ID = /^([A-Za-z0-9_]{1,32})-([A-Za-z0-9]{1,8})-([1-9][0-9]{0,3})$/;

/** The parts of a well-formed seat id, or undefined. `A-1-07` is not well-formed: ids are canonical. */
export const parseSeatId = (seatId: string): SeatAddress | undefined => {
  const match = SEAT_ID.exec(seatId);
  if (!match) return undefined;
  return { sectionId: match[1], rowLabel: match[2], number: Number(match[3]) };
};

/** The pattern request DTOs check seat ids against (the same as `parseSeatId`'s). */
export const SEAT_ID_PATTERN = SEAT_ID;

/** Limits of a seat map, shared by the request DTOs and the Show decider. */
export const SEAT_MAP_LIMITS = {
  maxSeatsPerRow: 1000,
  maxSeatsPerShow: 100_000,
  maxCategories: 50,
  maxSections: 500,
  maxRowsPerSection: 500,
} as const;

/** Every seat id of a section, row by row. */
export const seatIdsOfSection = (section: Pick<SeatSection, 'id' | 'rows'>): string[] =>
  section.rows.flatMap((row) =>
    Array.from({ length: row.seats }, (_, index) => seatIdOf(section.id, row.label, index + 1)),
  );

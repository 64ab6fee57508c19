import type { Seat } from '@/features/shows/components/seat-map';
import type { components } from '@/lib/api/openapi';
import type { CreateShowRequest } from '../api/admin';

/**
 * The show builder's draft: what the admin has typed so far, in the form's own terms (prices as
 * typed, in major units; the start as a local date-time). `draftProblems` says what the API would
 * refuse, field by field, before anything is sent; `toCreateRequest` is the API.md create body.
 * The bounds are the API's (libs/contracts show.request.ts); the server checks them again.
 */

type SeatCategoryRequest = components['schemas']['SeatCategoryRequest'];
export type DraftRow = components['schemas']['SeatRowRequest'];
export type DraftSection = components['schemas']['SeatSectionRequest'];
export type DraftCategory = Omit<SeatCategoryRequest, 'price'> & {
  /** As typed, in major units: "120" or "120.50". */
  price: string;
};
/** The create body as the form holds it; `startsAt` is `<input type="datetime-local">`'s local time, no zone. */
export type ShowDraft = Omit<CreateShowRequest, 'categories' | 'maxSeatsHeldPerUser' | 'maxTicketsPerUser'> & { categories: DraftCategory[] };
export interface DraftProblem {
  field: string;
  message: string;
}

const ID = /^[A-Za-z0-9_]{1,32}$/;
const ROW_LABEL = /^[A-Za-z0-9]{1,8}$/;
const PRICE = /^\d{1,6}([.,]\d{1,2})?$/;
export const MAX_SEATS_PER_ROW = 1000;
export const MAX_ROWS_PER_SECTION = 500;
export const MAX_SEATS_PER_SHOW = 100_000;

/** "120.5" → 12050 minor units; undefined when it is not a price. */
export const toMinor = (price: string): number | undefined => {
  const text = price.trim();
  if (!PRICE.test(text)) return undefined;
  return Math.round(Number(text.replace(',', '.')) * 100);
};

/** The label after the last row's: 9 → 10, C → D, Z → AA; otherwise the next free number. */
export const nextRowLabel = (rows: readonly DraftRow[]): string => {
  const taken = new Set(rows.map((row) => row.label));
  const last = rows.at(-1)?.label;
  let candidate: string | undefined;
  if (last === undefined) candidate = '1';
  else if (/^\d+$/.test(last)) candidate = String(Number(last) + 1);
  else if (/^[A-Z]+$/.test(last)) candidate = nextLetters(last);
  let n = rows.length + 1;
  while (candidate === undefined || taken.has(candidate) || !ROW_LABEL.test(candidate)) candidate = String(n++);
  return candidate;
};

/** Spreadsheet-style letters: A → B, Z → AA, AZ → BA. */
const nextLetters = (label: string): string => {
  const letters = label.split('');
  for (let i = letters.length - 1; i >= 0; i -= 1) {
    if (letters[i] !== 'Z') {
      letters[i] = String.fromCharCode(letters[i].charCodeAt(0) + 1);
      return letters.join('');
    }
    letters[i] = 'A';
  }
  return `A${letters.join('')}`;
};

/** `count` more rows of `seats` seats each, labelled on from the last row. */
export const addRows = (rows: readonly DraftRow[], count: number, seats: number): DraftRow[] => {
  const next = [...rows];
  for (let i = 0; i < count; i += 1) next.push({ label: nextRowLabel(next), seats });
  return next;
};

export const sectionSeats = (section: DraftSection): number => section.rows.reduce((sum, row) => sum + (Number.isInteger(row.seats) ? row.seats : 0), 0);
export const draftSeats = (draft: ShowDraft): number => draft.sections.reduce((sum, section) => sum + sectionSeats(section), 0);

/** The section's seats as the seat map draws them (all available): ids `{section}-{row}-{n}` as the server makes them. */
export const previewSeats = (section: DraftSection): Seat[] =>
  section.rows.flatMap((row) =>
    Array.from({ length: Number.isInteger(row.seats) && row.seats > 0 ? Math.min(row.seats, MAX_SEATS_PER_ROW) : 0 }, (_, i) => ({
      seatId: `${section.id}-${row.label}-${i + 1}`,
      sectionId: section.id,
      row: row.label,
      number: i + 1,
      categoryId: section.categoryId,
      status: 'available' as const,
    })),
  );

const duplicates = (values: readonly string[]): Set<string> => {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const value of values) (seen.has(value) ? twice : seen).add(value);
  return twice;
};

/** What the API would refuse in this draft, field by field (the field names of the create body). */
export const draftProblems = (draft: ShowDraft, now: Date = new Date()): DraftProblem[] => {
  const problems: DraftProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  if (!draft.name.trim()) add('name', 'is required');
  if (!draft.venue.trim()) add('venue', 'is required');
  const startsAt = new Date(draft.startsAt);
  if (!draft.startsAt || Number.isNaN(startsAt.getTime())) add('startsAt', 'is required');
  else if (startsAt.getTime() <= now.getTime()) add('startsAt', 'must lie in the future');
  if (!/^[A-Z]{3}$/.test(draft.currency)) add('currency', 'must be an ISO 4217 code such as EUR');
  if (!Number.isInteger(draft.holdMinutes) || draft.holdMinutes < 1 || draft.holdMinutes > 60) add('holdMinutes', 'must be 1 to 60 minutes');
  if (!Number.isInteger(draft.maxSeatsPerBooking) || draft.maxSeatsPerBooking < 1 || draft.maxSeatsPerBooking > 20) add('maxSeatsPerBooking', 'must be 1 to 20 seats');

  if (draft.categories.length === 0) add('categories', 'need at least one category');
  const twiceCategories = duplicates(draft.categories.map((c) => c.id));
  draft.categories.forEach((category, i) => {
    if (!ID.test(category.id)) add(`categories[${i}].id`, 'must be 1–32 letters, digits or underscores');
    else if (twiceCategories.has(category.id)) add(`categories[${i}].id`, `"${category.id}" is used twice`);
    if (!category.name.trim()) add(`categories[${i}].name`, 'is required');
    if (toMinor(category.price) === undefined) add(`categories[${i}].price`, 'must be a price such as 45 or 45.50');
  });

  if (draft.sections.length === 0) add('sections', 'need at least one section');
  const twiceSections = duplicates(draft.sections.map((s) => s.id));
  const categoryIds = new Set(draft.categories.map((c) => c.id));
  draft.sections.forEach((section, i) => {
    if (!ID.test(section.id)) add(`sections[${i}].id`, 'must be 1–32 letters, digits or underscores');
    else if (twiceSections.has(section.id)) add(`sections[${i}].id`, `"${section.id}" is used twice`);
    if (!section.name.trim()) add(`sections[${i}].name`, 'is required');
    if (!categoryIds.has(section.categoryId)) add(`sections[${i}].categoryId`, 'must be one of the categories');
    if (section.rows.length === 0) add(`sections[${i}].rows`, 'need at least one row');
    if (section.rows.length > MAX_ROWS_PER_SECTION) add(`sections[${i}].rows`, `at most ${MAX_ROWS_PER_SECTION} rows`);
    const twiceRows = duplicates(section.rows.map((row) => row.label));
    section.rows.forEach((row, r) => {
      if (!ROW_LABEL.test(row.label)) add(`sections[${i}].rows[${r}].label`, 'must be 1–8 letters or digits');
      else if (twiceRows.has(row.label)) add(`sections[${i}].rows[${r}].label`, `row "${row.label}" is used twice`);
      if (!Number.isInteger(row.seats) || row.seats < 1 || row.seats > MAX_SEATS_PER_ROW) add(`sections[${i}].rows[${r}].seats`, `must be 1 to ${MAX_SEATS_PER_ROW}`);
    });
  });
  if (draftSeats(draft) > MAX_SEATS_PER_SHOW) add('sections', `a show has at most ${MAX_SEATS_PER_SHOW.toLocaleString()} seats`);
  return problems;
};

/** The create body of API.md (Shows). Call it on a draft with no problems. */
export const toCreateRequest = (draft: ShowDraft): CreateShowRequest => ({
  name: draft.name.trim(),
  venue: draft.venue.trim(),
  startsAt: new Date(draft.startsAt).toISOString(),
  currency: draft.currency,
  holdMinutes: draft.holdMinutes,
  maxSeatsPerBooking: draft.maxSeatsPerBooking,
  categories: draft.categories.map((c) => ({ id: c.id, name: c.name.trim(), price: toMinor(c.price) ?? 0 })),
  sections: draft.sections.map((s) => ({ id: s.id, name: s.name.trim(), categoryId: s.categoryId, rows: s.rows.map((row) => ({ label: row.label, seats: row.seats })) })),
});

/** A starting point: one category, one section of five rows of ten, a month from now at 19:30. */
export const emptyDraft = (now: Date = new Date()): ShowDraft => {
  const start = new Date(now.getTime() + 30 * 24 * 3600_000);
  start.setHours(19, 30, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    name: '',
    venue: '',
    startsAt: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}T${pad(start.getHours())}:${pad(start.getMinutes())}`,
    currency: 'EUR',
    holdMinutes: 10,
    maxSeatsPerBooking: 8,
    categories: [{ id: 'std', name: 'Standard', price: '45' }],
    sections: [{ id: 'A', name: 'Stalls A', categoryId: 'std', rows: addRows([], 5, 10) }],
  };
};

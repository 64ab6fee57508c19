import { describe, expect, it } from 'vitest';
import { addRows, draftProblems, emptyDraft, nextRowLabel, previewSeats, toCreateRequest, toMinor, type ShowDraft } from './show-draft';

const NOW = new Date('2027-01-10T12:00:00Z');
const draft = (change: Partial<ShowDraft> = {}): ShowDraft => ({
  ...emptyDraft(NOW),
  name: 'Night Concert',
  venue: 'Arena',
  startsAt: '2027-05-01T19:30',
  ...change,
});

describe('the show draft', () => {
  it('labels new rows on from the last one: numbers, letters, or the next free number', () => {
    expect(nextRowLabel([])).toBe('1');
    expect(nextRowLabel([{ label: '9', seats: 1 }])).toBe('10');
    expect(nextRowLabel([{ label: 'C', seats: 1 }])).toBe('D');
    expect(nextRowLabel([{ label: 'Z', seats: 1 }])).toBe('AA');
    expect(nextRowLabel([{ label: 'AZ', seats: 1 }])).toBe('BA');
    // "2" is taken already: the next free number instead of a duplicate.
    expect(nextRowLabel([{ label: '2', seats: 1 }, { label: '1', seats: 1 }])).toBe('3');
    expect(nextRowLabel([{ label: 'vip', seats: 1 }])).toBe('2');
    expect(addRows([{ label: 'A', seats: 8 }], 3, 12)).toEqual([
      { label: 'A', seats: 8 },
      { label: 'B', seats: 12 },
      { label: 'C', seats: 12 },
      { label: 'D', seats: 12 },
    ]);
  });

  it('reads prices as typed in major units', () => {
    expect(toMinor('120')).toBe(12000);
    expect(toMinor('120.5')).toBe(12050);
    expect(toMinor('0,99')).toBe(99);
    expect(toMinor('12.345')).toBeUndefined();
    expect(toMinor('-3')).toBeUndefined();
    expect(toMinor('')).toBeUndefined();
  });

  it('has no problem as it starts once named, and becomes the API create body', () => {
    const d = draft({ categories: [{ id: 'vip', name: 'VIP', price: '120.50' }] , sections: [{ id: 'A', name: 'Stalls A', categoryId: 'vip', rows: [{ label: '1', seats: 20 }] }] });
    expect(draftProblems(d, NOW)).toEqual([]);
    expect(toCreateRequest(d)).toEqual({
      name: 'Night Concert',
      venue: 'Arena',
      startsAt: new Date('2027-05-01T19:30').toISOString(),
      currency: 'EUR',
      holdMinutes: 10,
      maxSeatsPerBooking: 8,
      categories: [{ id: 'vip', name: 'VIP', price: 12050 }],
      sections: [{ id: 'A', name: 'Stalls A', categoryId: 'vip', rows: [{ label: '1', seats: 20 }] }],
    });
  });

  it('names each problem by the field of the create body', () => {
    const d = draft({
      name: ' ',
      startsAt: '2026-12-01T19:30',
      currency: 'eur',
      categories: [
        { id: 'vip', name: 'VIP', price: 'free' },
        { id: 'vip', name: '', price: '10' },
      ],
      sections: [
        { id: 'A-1', name: 'Stalls', categoryId: 'std', rows: [{ label: '1', seats: 0 }, { label: '1', seats: 10 }, { label: 'x y', seats: 1001 }] },
        { id: 'B', name: 'Balcony', categoryId: 'vip', rows: [] },
      ],
    });
    expect(draftProblems(d, NOW).map((p) => p.field)).toEqual([
      'name',
      'startsAt',
      'currency',
      'categories[0].id',
      'categories[0].price',
      'categories[1].id',
      'categories[1].name',
      'sections[0].id',
      'sections[0].categoryId',
      'sections[0].rows[0].label',
      'sections[0].rows[0].seats',
      'sections[0].rows[1].label',
      'sections[0].rows[2].label',
      'sections[0].rows[2].seats',
      'sections[1].rows',
    ]);
  });

  it('refuses more seats than a show may have (100,000)', () => {
    const rows = addRows([], 101, 1000);
    expect(draftProblems(draft({ sections: [{ id: 'A', name: 'Arena', categoryId: 'std', rows: rows.slice(0, 100) }] }), NOW)).toEqual([]);
    expect(draftProblems(draft({ sections: [{ id: 'A', name: 'Arena', categoryId: 'std', rows: rows.slice(0, 100) }, { id: 'B', name: 'More', categoryId: 'std', rows: rows.slice(100) }] }), NOW)).toEqual([
      { field: 'sections', message: 'a show has at most 100,000 seats' },
    ]);
  });

  it('previews a section with the seat ids the server will give', () => {
    const seats = previewSeats({ id: 'B', name: 'Balcony', categoryId: 'std', rows: [{ label: '1', seats: 2 }, { label: '2', seats: Number.NaN }, { label: '3', seats: 1 }] });
    expect(seats.map((s) => s.seatId)).toEqual(['B-1-1', 'B-1-2', 'B-3-1']);
    expect(seats.every((s) => s.status === 'available' && s.categoryId === 'std')).toBe(true);
  });
});

import { update as mingoUpdate } from 'mingo';
import { applyFieldUpdate, canApplyFieldUpdate, planFieldUpdate } from './field-update';

/**
 * The `$set`/`$unset` fast path against mingo, the embedded store's reference: on random
 * documents and updates over a small set of paths, whenever the fast path takes an update it
 * must leave the same document and report the same "modified" as mingo's `update`.
 */

const random = (seed: number) => () => {
  // mulberry32: a seeded generator, so a failure names the case that reproduces it.
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const PATHS = ['a', 'b', 'a.x', 'a.y', 'a.x.deep', 'list', 'list.0', 'n', 'bookings.b-1', 'bookings.b-2', 'bookings.b-1.status'];
const VALUES: unknown[] = [
  1, 0, -0, NaN, 'x', '', null, true, undefined,
  { status: 'held', seats: ['A-1', 'A-2'] }, { seats: ['A-1', 'A-2'], status: 'held' }, { status: 'held' },
  [1, 2], [2, 1], [], {}, { x: { deep: 1 } },
];

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)];

const randomDocument = (next: () => number): Record<string, unknown> => {
  const document: Record<string, unknown> = { _id: 'd1' };
  for (const path of PATHS) {
    if (next() < 0.35) mingoUpdate(document, { $set: { [path]: structuredClone(pick(next, VALUES)) } });
  }
  return document;
};

const randomUpdate = (next: () => number): Record<string, Record<string, unknown>> => {
  const update: Record<string, Record<string, unknown>> = {};
  const count = 1 + Math.floor(next() * 3);
  for (let i = 0; i < count; i++) {
    const operator = next() < 0.7 ? '$set' : '$unset';
    (update[operator] ??= {})[pick(next, PATHS)] = operator === '$set' ? structuredClone(pick(next, VALUES)) : '';
  }
  return update;
};

describe('field updates without mingo', () => {
  it('change documents exactly as mingo does, wherever they apply', () => {
    let taken = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const next = random(seed);
      const document = randomDocument(next);
      const update = randomUpdate(next);
      const plan = planFieldUpdate(update);
      if (!plan || !canApplyFieldUpdate(document, plan)) continue;
      taken += 1;
      const expected = structuredClone(document);
      const expectedModified = mingoUpdate(expected, update).length > 0;
      const actual = structuredClone(document);
      const modified = applyFieldUpdate(actual, plan);
      const context = `seed ${seed}: ${JSON.stringify(document)} with ${JSON.stringify(update)}`;
      expect({ context, document: actual, modified }).toEqual({ context, document: expected, modified: expectedModified });
      expect({ context, keys: JSON.stringify(actual) }).toEqual({ context, keys: JSON.stringify(expected) });
    }
    // The generator must exercise the fast path, not only the cases it leaves to mingo.
    expect(taken).toBeGreaterThan(700);
  });

  it('leaves other operators, positional paths, conflicts and non-data values to mingo', () => {
    expect(planFieldUpdate({ $inc: { n: 1 } })).toBeNull();
    expect(planFieldUpdate({ $set: { 'list.$': 1 } })).toBeNull();
    expect(planFieldUpdate({ $set: { a: 1, 'a.b': 2 } })).toBeNull();
    expect(planFieldUpdate({ $set: { 'a.b': 1 }, $unset: { a: '' } })).toBeNull();
    expect(planFieldUpdate({ $set: { a: 1 }, $unset: { a: '' } })).toBeNull();
    expect(planFieldUpdate({ $set: { '__proto__.polluted': 1 } })).toBeNull();
    expect(planFieldUpdate({ $set: { at: new Date(0) } })).toBeNull();
    expect(planFieldUpdate({ $set: { 'a.b': 1, 'a.c': 2 } })).toHaveLength(2);
  });

  it('refuses paths through arrays, nulls and scalars, before changing anything', () => {
    const plan = planFieldUpdate({ $set: { 'a.b': 1, 'list.0': 2 } })!;
    expect(canApplyFieldUpdate({ _id: 'd', a: {} }, plan)).toBe(true);
    expect(canApplyFieldUpdate({ _id: 'd', a: {}, list: [1] }, plan)).toBe(false);
    expect(canApplyFieldUpdate({ _id: 'd', a: null }, plan)).toBe(false);
    expect(canApplyFieldUpdate({ _id: 'd', a: 3 }, plan)).toBe(false);
  });

  it('counts unsetting a field that holds undefined as no change, like mingo', () => {
    const plan = planFieldUpdate({ $unset: { a: '' } })!;
    const document: Record<string, unknown> = { _id: 'd', a: undefined };
    const expected: Record<string, unknown> = { _id: 'd', a: undefined };
    expect(applyFieldUpdate(document, plan)).toBe(mingoUpdate(expected, { $unset: { a: '' } }).length > 0);
    expect(Object.keys(document)).toEqual(Object.keys(expected));
  });

  it('stores a copy of a set value, so the caller keeps its own', () => {
    const summary = { status: 'held', seats: ['A-1'] };
    const document: Record<string, unknown> = { _id: 'u1' };
    applyFieldUpdate(document, planFieldUpdate({ $set: { 'bookings.b-1': summary } })!);
    summary.seats.push('A-2');
    expect(document).toEqual({ _id: 'u1', bookings: { 'b-1': { status: 'held', seats: ['A-1'] } } });
  });
});

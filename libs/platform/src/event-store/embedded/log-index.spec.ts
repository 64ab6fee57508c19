import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LogIndex, RecentEventIds } from './log-index';

describe('RecentEventIds', () => {
  it('forgets the oldest ids beyond its capacity, per stream', () => {
    const ids = new RecentEventIds(3);
    ids.remember('a', 'e1', 0, 1);
    ids.remember('a', 'e2', 1, 2);
    ids.remember('b', 'e1', 0, 3);
    expect(ids.find('a', 'e1')).toMatchObject({ revision: 0, position: 1 });

    ids.remember('b', 'e2', 1, 4);

    expect(ids.find('a', 'e1')).toBeUndefined();
    expect(ids.find('a', 'e2')).toMatchObject({ revision: 1, position: 2 });
    expect(ids.find('b', 'e1')).toMatchObject({ revision: 0, position: 3 });
    expect(ids.find('b', 'e2')).toMatchObject({ revision: 1, position: 4 });
  });

  it('keeps an id remembered again until its newest slot is reused', () => {
    const ids = new RecentEventIds(2);
    ids.remember('a', 'e1', 0, 1);
    ids.remember('a', 'e1', 0, 1);
    ids.remember('a', 'e2', 1, 2);
    expect(ids.find('a', 'e1')).toMatchObject({ revision: 0, position: 1 });

    ids.remember('a', 'e3', 2, 3);
    expect(ids.find('a', 'e1')).toBeUndefined();
    expect(ids.find('a', 'e2')).toMatchObject({ revision: 1, position: 2 });
  });
});

describe('LogIndex', () => {
  it('maps positions to file ranges and streams to positions, growing as needed', () => {
    const index = new LogIndex();
    for (let position = 1; position <= 5000; position++) index.add(`s-${position % 3}`, Math.floor((position - 1) / 3), position, position * 100, 90);
    expect(index.headPosition).toBe(5000);
    expect([index.offsetOf(4321), index.endOf(4321)]).toEqual([432_100, 432_190]);
    expect(index.positionsOf('s-1').slice(0, 3)).toEqual([1, 4, 7]);
    expect(index.lastRevision('s-0')).toBe(1665);
    expect(index.lastRevision('missing')).toBe(-1);
  });

  it('refuses a position or revision out of order', () => {
    const index = new LogIndex();
    index.add('s', 0, 1, 16, 50);
    expect(() => index.add('s', 1, 3, 66, 50)).toThrow('position 3 after 1');
    expect(() => index.add('s', 2, 2, 66, 50)).toThrow('revision 2 after 0');
  });
});

describe('LogIndex memory', () => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const heapUsed = (): number => {
    gc();
    gc();
    return process.memoryUsage().heapUsed;
  };

  it('keeps a short stream (a seat, a booking, a ticket) in little more than its name', () => {
    const streams = 100_000;
    // The names exist before the measure: what is measured is the index's own share.
    const names = Array.from({ length: streams }, (_, i) => `seat-${String(i).padStart(36, '0')}`);
    const before = heapUsed();
    const index = new LogIndex();
    let position = 0;
    for (const name of names) index.add(name, 0, ++position, position * 100, 90);
    for (const name of names.slice(0, streams / 2)) index.add(name, 1, ++position, position * 100, 90);
    for (const name of names.slice(0, streams / 4)) index.add(name, 2, ++position, position * 100, 90);
    const perStream = (heapUsed() - before) / streams;
    expect(index.positionsOf(names[0])).toEqual([1, streams + 1, streams * 1.5 + 1]);
    expect(index.positionsOf(names[streams / 2])).toEqual([streams / 2 + 1]);
    expect(index.lastRevision(names[streams - 1])).toBe(0);
    expect(index.lastPosition(names[0])).toBe(streams * 1.5 + 1);
    // The Map entry and 20 bytes a position (offset, length, revision, previous position) came
    // to 36 bytes a stream here; with an array per stream of two or three events, 105.
    expect(perStream).toBeLessThan(60);
  });

  it('reads a longer stream back in order, whatever its length', () => {
    const index = new LogIndex();
    for (let revision = 0; revision < 40; revision++) index.add('long', revision, revision + 1, revision * 100, 90);
    expect(index.positionsOf('long')).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(index.lastRevision('long')).toBe(39);
  });
});

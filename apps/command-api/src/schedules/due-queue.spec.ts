import { DueQueue } from './due-queue';

describe('DueQueue', () => {
  const always = (): boolean => true;

  it('gives back what is due, earliest first, and keeps the rest', () => {
    const queue = new DueQueue<string>();
    queue.push('c', 'third', 30);
    queue.push('a', 'first', 10);
    queue.push('d', 'later', 100);
    queue.push('b', 'second', 20);

    expect(queue.takeDue(30, always).map(({ key }) => key)).toEqual(['a', 'b', 'c']);
    expect(queue.takeDue(99, always)).toEqual([]);
    expect(queue.takeDue(100, always)).toEqual([{ key: 'd', value: 'later' }]);
    expect(queue.size).toBe(0);
  });

  it('skips what the owner no longer holds, or holds in a newer version', () => {
    const live = new Map<string, { v: number }>();
    const queue = new DueQueue<{ v: number }>();
    const add = (key: string, v: number, dueAt: number) => {
      const value = { v };
      live.set(key, value);
      queue.push(key, value, dueAt);
    };
    add('removed', 1, 5);
    add('replaced', 1, 5);
    add('kept', 1, 5);
    live.delete('removed');
    add('replaced', 2, 50); // the first version is stale now

    const isCurrent = (key: string, value: { v: number }) => live.get(key) === value;
    expect(queue.takeDue(10, isCurrent)).toEqual([{ key: 'kept', value: { v: 1 } }]);
    expect(queue.takeDue(50, isCurrent)).toEqual([{ key: 'replaced', value: { v: 2 } }]);
  });

  it('gives a key queued twice for the same entry once (a retry pushed while a compaction re-queued it)', () => {
    const queue = new DueQueue<string>();
    queue.push('k', 'entry', 10);
    queue.push('k', 'entry', 10);
    expect(queue.takeDue(10, always)).toEqual([{ key: 'k', value: 'entry' }]);
    expect(queue.size).toBe(0);
  });

  it('orders thousands of random due times like a sort does', () => {
    const queue = new DueQueue<number>();
    // A fixed pseudo-random sequence (LCG) keeps the test repeatable.
    let seed = 7;
    const times = Array.from({ length: 5000 }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 100_000);
    times.forEach((t, i) => queue.push(String(i), t, t));
    const taken = queue.takeDue(Infinity, always).map(({ value }) => value);
    expect(taken).toEqual([...times].sort((a, b) => a - b));
  });

  it('compacts to the live entries only, still in due order', () => {
    const queue = new DueQueue<number>();
    for (let i = 0; i < 100; i++) queue.push(`k${i}`, i, 1000 - i);
    const live = new Map([
      ['k5', 5],
      ['k60', 60],
      ['k7', 7],
    ]);
    queue.compact(live, (value) => 1000 - value);
    expect(queue.size).toBe(3);
    expect(queue.takeDue(Infinity, always).map(({ key }) => key)).toEqual(['k60', 'k7', 'k5']);
  });
});

import { makeTempDir, removeDir } from '../../testing/services';
import { EmbeddedEventStore } from './embedded-event-store';
import { RecentEvents } from './recent-events';

describe('RecentEvents', () => {
  const event = (position: number) => ({
    id: `e${position}`,
    stream: 's',
    type: 't',
    revision: position - 1,
    position,
    data: { seats: [{ id: 'A-1-1' }] },
    metadata: {} as never,
    recordedAt: '2027-01-01T00:00:00.000Z',
  });

  it('keeps the first decode of a position, frozen all the way down, and at most its capacity', () => {
    const recent = new RecentEvents(2);
    const first = recent.remember(event(1));
    expect(recent.remember(event(1))).toBe(first);
    expect(() => (first.data as { seats: { id: string }[] }).seats.push({ id: 'x' })).toThrow(TypeError);
    expect(() => ((first.data as { seats: { id: string }[] }).seats[0].id = 'x')).toThrow(TypeError);
    recent.remember(event(2));
    recent.remember(event(3));
    expect(recent.get(1)).toBeUndefined();
    expect(recent.get(3)?.id).toBe('e3');
  });

  it('serves a subscriber and a stream reader the same event the file holds', async () => {
    const dir = await makeTempDir('recent-events');
    const store = await EmbeddedEventStore.open({ dataDir: dir });
    try {
      await store.append('s-1', [{ id: 'a', type: 't', data: { n: 1 }, metadata: {} as never }]);
      const [read] = await store.readStream('s-1');
      const seen: unknown[] = [];
      for await (const e of store.readAll()) seen.push(e);
      expect(seen).toEqual([read]);
      expect(() => ((read.data as { n: number }).n = 2)).toThrow(TypeError);
      expect((await store.readStream('s-1'))[0].data).toEqual({ n: 1 });
    } finally {
      await store.close();
      await removeDir(dir);
    }
  });

  it('gives a live subscriber the events decoded at commit, equal to what the file holds', async () => {
    const dir = await makeTempDir('recent-events-live');
    const store = await EmbeddedEventStore.open({ dataDir: dir });
    const subscription = store.subscribeToAll({ from: 'start' });
    const seen: unknown[] = [];
    const following = (async () => {
      for await (const event of subscription) {
        seen.push(event);
        if (seen.length === 3) break;
      }
    })();
    await store.appendMulti([
      { stream: 's-1', expectedRevision: 'no_stream', events: [{ id: 'a', type: 't', data: { n: 1, seats: ['A-1-1'] }, metadata: { actorId: 'u' } as never }] },
      { stream: 's-2', expectedRevision: 'no_stream', events: [{ id: 'b', type: 't', data: { n: 2 }, metadata: {} as never }, { id: 'c', type: 'u', data: {}, metadata: {} as never }] },
    ]);
    await following;
    await store.close();
    const reopened = await EmbeddedEventStore.open({ dataDir: dir });
    try {
      const fromFile: unknown[] = [];
      for await (const event of reopened.readAll()) fromFile.push(event);
      expect(seen).toEqual(fromFile);
    } finally {
      await reopened.close();
      await removeDir(dir);
    }
  });
});

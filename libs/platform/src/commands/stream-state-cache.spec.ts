import { EmbeddedEventStore } from '../event-store/embedded';
import { makeTempDir, removeDir } from '../testing/services';
import { loadStream } from './event-sourcing';
import { StreamStateCache } from './stream-state-cache';

type Counter = { total: number; folded: number };
type CounterEvent = { type: 'added'; data: { n: number } };

describe('StreamStateCache', () => {
  let dir: string;
  let store: EmbeddedEventStore;
  let evolved: number;
  const evolve = (state: Counter, event: CounterEvent): Counter => {
    evolved++;
    return { total: state.total + event.data.n, folded: state.folded + 1 };
  };
  const initial: Counter = { total: 0, folded: 0 };
  const add = (stream: string, ...ns: number[]) =>
    store.append(stream, ns.map((n, i) => ({ id: `${stream}-${n}-${i}-${Math.random()}`, type: 'added', data: { n }, metadata: {} as never })));

  beforeEach(async () => {
    dir = await makeTempDir('stream-state-cache');
    store = await EmbeddedEventStore.open({ dataDir: dir });
    evolved = 0;
  });

  afterEach(async () => {
    await store.close();
    await removeDir(dir);
  });

  it('answers like a full read, folding only the events written since it last loaded the stream', async () => {
    const cache = new StreamStateCache<Counter>(10);
    await expect(cache.load(store, 's-1', evolve, initial)).resolves.toEqual({ state: initial, revision: 'no_stream', events: [] });

    await add('s-1', 1, 2, 3);
    const first = await cache.load(store, 's-1', evolve, initial);
    expect(first).toMatchObject({ state: { total: 6, folded: 3 }, revision: 2 });
    expect(evolved).toBe(3);

    await expect(cache.load(store, 's-1', evolve, initial)).resolves.toMatchObject({ state: { total: 6 }, revision: 2, events: [] });
    expect(evolved).toBe(3);

    await add('s-1', 10);
    const later = await cache.load(store, 's-1', evolve, initial);
    expect(evolved).toBe(4);
    const full = await loadStream(store, 's-1', evolve, initial);
    expect(later.state).toEqual(full.state);
    expect(later.revision).toBe(full.revision);
  });

  it('keeps at most its capacity of streams, forgetting the least recently used', async () => {
    const cache = new StreamStateCache<Counter>(2);
    for (const stream of ['a', 'b', 'c']) await add(stream, 1);
    await cache.load(store, 'a', evolve, initial);
    await cache.load(store, 'b', evolve, initial);
    await cache.load(store, 'a', evolve, initial);
    await cache.load(store, 'c', evolve, initial);
    evolved = 0;
    await cache.load(store, 'a', evolve, initial);
    expect(evolved).toBe(0);
    await cache.load(store, 'b', evolve, initial);
    expect(evolved).toBe(1);
  });
});

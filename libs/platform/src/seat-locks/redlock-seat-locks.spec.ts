import Redis from 'ioredis';
import { describeIfConfigured, describeWithService } from '../testing/services';
import { RedisTestNode, sleep, uniquePrefix } from '../testing/redis-test-nodes';
import { RedlockSeatLocks } from './redlock-seat-locks';
import { describeSeatLocksContract } from './seat-locks.contract';
import { LockServiceUnavailableError } from './seat-locks.port';

const MACHINE_REDIS = 'redis://127.0.0.1:6379';

describeWithService('redis', 'RedlockSeatLocks on real Redis', () => {
  let extra: RedisTestNode[] = [];
  beforeAll(async () => {
    extra = await Promise.all([RedisTestNode.start(), RedisTestNode.start()]);
  });
  afterAll(async () => {
    await Promise.all(extra.map((node) => node.stop()));
  });

  const harnessOn = (urls: () => string[]) => async () => {
    const locks = new RedlockSeatLocks(urls());
    const other = new RedlockSeatLocks(urls());
    return {
      locks,
      other,
      elapse: (ms: number) => sleep(ms),
      close: async () => {
        await Promise.all([locks.close(), other.close()]);
      },
    };
  };
  describeSeatLocksContract('Redlock, 1 node (the machine Redis)', harnessOn(() => [MACHINE_REDIS]));
  describeSeatLocksContract('Redlock, 3 nodes', harnessOn(() => [MACHINE_REDIS, ...extra.map((node) => node.url)]));

  describe('quorum and failures (3 nodes: 6379 + 2 spawned)', () => {
    let locks: RedlockSeatLocks;
    let direct: Redis[] = [];
    const urls = () => [MACHINE_REDIS, ...extra.map((node) => node.url)];
    beforeEach(async () => {
      locks = new RedlockSeatLocks(urls(), { commandTimeoutMs: 1000 });
      direct = urls().map((url) => new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, disconnectTimeout: 200 }));
      direct.forEach((client) => client.on('error', () => undefined));
      await Promise.all(direct.map((client) => client.connect()));
    });
    afterEach(async () => {
      extra.forEach((node) => node.resume());
      await locks.close();
      direct.forEach((client) => client.disconnect());
      await Promise.all(extra.map((node) => node.restart()));
    });
    const valuesOf = (key: string) => Promise.all(direct.map((client) => (client.status === 'ready' ? client.get(key) : 'down')));

    it('writes one token on every node and removes it on release', async () => {
      const key = uniquePrefix('redlock-quorum');
      const attempt = await locks.acquire([key], 5000);
      if (!attempt.acquired) throw new Error('expected the lock');
      const values = await valuesOf(key);
      expect(new Set(values).size).toBe(1);
      expect(values[0]).toMatch(/^[0-9a-f]{32}$/);
      await attempt.lock.release();
      expect(await valuesOf(key)).toEqual([null, null, null]);
    });

    it('still locks with one node of three down', async () => {
      const key = uniquePrefix('redlock-one-down');
      await extra[1].stop();
      const attempt = await locks.acquire([key], 5000);
      expect(attempt.acquired).toBe(true);
      if (attempt.acquired) await attempt.lock.release();
      await expect(locks.ping()).resolves.toBeUndefined();
    });

    it('throws LockServiceUnavailableError with two nodes of three down, and leaves nothing behind', async () => {
      const key = uniquePrefix('redlock-two-down');
      await Promise.all(extra.map((node) => node.stop()));
      await expect(locks.acquire([key], 5000)).rejects.toBeInstanceOf(LockServiceUnavailableError);
      await expect(locks.ping()).rejects.toBeInstanceOf(LockServiceUnavailableError);
      expect(await direct[0].get(key)).toBeNull();
    });

    it('recovers when the nodes come back', async () => {
      const key = uniquePrefix('redlock-recover');
      await Promise.all(extra.map((node) => node.stop()));
      await expect(locks.acquire([key], 5000)).rejects.toBeInstanceOf(LockServiceUnavailableError);
      await Promise.all(extra.map((node) => node.restart()));
      let attempt = await locks.acquire([key], 5000).catch(() => undefined);
      for (let i = 0; i < 40 && !attempt; i++) {
        await sleep(50); // ioredis reconnects in the background with a growing delay
        attempt = await locks.acquire([key], 5000).catch(() => undefined);
      }
      expect(attempt?.acquired).toBe(true);
      if (attempt?.acquired) await attempt.lock.release();
    });

    it('answers "held by another" (not unavailable) when one node is down and the seat is held', async () => {
      const key = uniquePrefix('redlock-held-one-down');
      const holder = await locks.acquire([key], 5000);
      await extra[0].stop();
      expect(await locks.acquire([key, `${key}free`], 5000)).toEqual({ acquired: false, heldByAnother: [key] });
      if (holder.acquired) await holder.lock.release();
    });

    it('grants a seat held on a minority of nodes only (quorum wins), and refuses one held on a majority', async () => {
      const minority = uniquePrefix('redlock-minority');
      const majority = uniquePrefix('redlock-majority');
      await direct[2].set(minority, 'someone-else', 'PX', 5000);
      await Promise.all(direct.slice(1).map((client) => client.set(majority, 'someone-else', 'PX', 5000)));
      const granted = await locks.acquire([minority], 5000);
      expect(granted.acquired).toBe(true);
      expect(await locks.acquire([majority], 5000)).toEqual({ acquired: false, heldByAnother: [majority] });
      if (granted.acquired) await granted.lock.release();
      // The minority node keeps its foreign lock: release deletes our token only.
      expect(await direct[2].get(minority)).toBe('someone-else');
      await Promise.all(direct.map((client) => client.del(minority, majority)));
    });

    it('refuses a quorum that answers after the TTL has passed, and cleans up', async () => {
      const key = uniquePrefix('redlock-slow');
      extra.forEach((node) => node.pause());
      const resumed = sleep(300).then(() => extra.forEach((node) => node.resume()));
      await expect(locks.acquire([key], 150)).rejects.toBeInstanceOf(LockServiceUnavailableError);
      await resumed;
      expect(await valuesOf(key)).toEqual([null, null, null]);
    });

    it('answers "held" without waiting for a stalled node once a quorum has said so', async () => {
      const key = uniquePrefix('redlock-held-stalled');
      const holder = await locks.acquire([key], 5000);
      extra[1].pause();
      const started = Date.now();
      const attempt = await locks.acquire([key], 5000);
      const took = Date.now() - started;
      extra[1].resume();
      expect(attempt).toEqual({ acquired: false, heldByAnother: [key] });
      // The stalled node is bounded by the 1000 ms command timeout; the answer must not wait for it.
      expect(took).toBeLessThan(1000);
      if (holder.acquired) await holder.lock.release();
    });
  });

  it('builds from REDIS_URLS text', async () => {
    const locks = RedlockSeatLocks.fromUrlList(` ${MACHINE_REDIS} , ${extra[0].url},`);
    await expect(locks.ping()).resolves.toBeUndefined();
    const key = uniquePrefix('redlock-from-list');
    const attempt = await locks.acquire([key], 1000);
    expect(attempt.acquired).toBe(true);
    if (attempt.acquired) await attempt.lock.release();
    await locks.close();
  });
});

// The contract on the independent Redis nodes of REDIS_URLS (three in the distributed workflow).
describeIfConfigured('REDIS_URLS', 'RedlockSeatLocks on the nodes of REDIS_URLS', (text) => {
  const urls = text.split(',').map((url) => url.trim());
  describeSeatLocksContract(`Redlock, ${urls.length} nodes of REDIS_URLS`, async () => {
    const locks = new RedlockSeatLocks(urls);
    const other = new RedlockSeatLocks(urls);
    return {
      locks,
      other,
      elapse: (ms: number) => sleep(ms),
      close: async () => {
        await Promise.all([locks.close(), other.close()]);
      },
    };
  });
});

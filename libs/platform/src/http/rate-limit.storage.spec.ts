import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { describeWithService } from '../testing/services';
import { createRedisRateLimitStorage, FailOpenRateLimitStorage, MemoryRateLimitStorage } from './rate-limit.storage';

const silent = { warn: jest.fn(), log: jest.fn() };

describeWithService('redis', 'rate-limit counters in Redis', () => {
  const prefix = `tessera-test:rate-limit:${randomUUID()}:`;
  let a: ReturnType<typeof createRedisRateLimitStorage>;
  let b: ReturnType<typeof createRedisRateLimitStorage>;
  let raw: Redis;

  beforeAll(() => {
    a = createRedisRateLimitStorage('redis://127.0.0.1:6379', prefix);
    b = createRedisRateLimitStorage('redis://127.0.0.1:6379', prefix);
    raw = new Redis('redis://127.0.0.1:6379');
  });

  afterAll(async () => {
    const keys = await raw.keys(`${prefix}*`);
    if (keys.length) await raw.del(...keys);
    await Promise.all([a.redis.quit(), b.redis.quit(), raw.quit()]);
  });

  it('shares one counter between two processes and blocks past the limit', async () => {
    const key = randomUUID();
    const hits = [];
    for (let i = 0; i < 3; i++) hits.push(await (i % 2 ? b : a).increment(key, 60_000, 3, 60_000, 'login-account'));
    expect(hits.map((h) => [h.totalHits, h.isBlocked])).toEqual([[1, false], [2, false], [3, false]]);
    const fourth = await b.increment(key, 60_000, 3, 60_000, 'login-account');
    expect(fourth.isBlocked).toBe(true);
    expect(fourth.timeToBlockExpire).toBeGreaterThanOrEqual(59);
    expect(fourth.timeToBlockExpire).toBeLessThanOrEqual(60);
    expect((await a.increment(key, 60_000, 3, 60_000, 'login-account')).isBlocked).toBe(true);
  });

  it('keeps separate counters per throttler name and key', async () => {
    const key = randomUUID();
    await a.increment(key, 60_000, 1, 60_000, 'login-ip');
    expect((await a.increment(key, 60_000, 1, 60_000, 'login-ip')).isBlocked).toBe(true);
    expect((await a.increment(key, 60_000, 1, 60_000, 'login-account')).isBlocked).toBe(false);
    expect((await a.increment(randomUUID(), 60_000, 1, 60_000, 'login-ip')).isBlocked).toBe(false);
  });

  it('writes its keys under the configured prefix, never the raw key alone', async () => {
    const key = randomUUID();
    await a.increment(key, 60_000, 5, 60_000, 'global');
    expect(await raw.keys(`${prefix}*${key}*`)).toHaveLength(1);
    expect(await raw.keys(`{${key}*`)).toHaveLength(0);
  });
});

describe('FailOpenRateLimitStorage', () => {
  it('falls back to process memory when Redis is unreachable, and still limits', async () => {
    const unreachable = createRedisRateLimitStorage('redis://127.0.0.1:1', 'x:');
    const logger = { warn: jest.fn(), log: jest.fn() };
    const storage = new FailOpenRateLimitStorage(unreachable, new MemoryRateLimitStorage(), logger);
    try {
      const first = await storage.increment('k', 60_000, 1, 60_000, 'global');
      const second = await storage.increment('k', 60_000, 1, 60_000, 'global');
      expect(first.isBlocked).toBe(false);
      expect(second.isBlocked).toBe(true);
      expect(logger.warn).toHaveBeenCalledTimes(1);
    } finally {
      storage.onApplicationShutdown();
    }
  });

  it('uses the primary while it answers', async () => {
    const primary = { increment: jest.fn().mockResolvedValue({ totalHits: 7, timeToExpire: 1, isBlocked: false, timeToBlockExpire: 0 }) };
    const storage = new FailOpenRateLimitStorage(primary, new MemoryRateLimitStorage(), silent);
    expect((await storage.increment('k', 1000, 10, 1000, 'global')).totalHits).toBe(7);
    storage.onApplicationShutdown();
  });
});

describe('MemoryRateLimitStorage', () => {
  let now = 1_000_000;
  let storage: MemoryRateLimitStorage;
  const hit = (key = 'ip-1', name = 'global') => storage.increment(key, 60_000, 3, 30_000, name);

  beforeEach(() => {
    now = 1_000_000;
    storage = new MemoryRateLimitStorage(() => now);
  });

  afterEach(() => storage.onApplicationShutdown());

  it('counts hits in a fixed window per key and throttler, and starts a new window when it ends', async () => {
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    now += 20_500;
    expect(await hit()).toEqual({ totalHits: 2, timeToExpire: 40, isBlocked: false, timeToBlockExpire: 0 });
    expect((await hit('ip-2')).totalHits).toBe(1);
    expect((await hit('ip-1', 'login-ip')).totalHits).toBe(1);
    now += 40_000;
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('blocks past the limit for the block duration, then counts again', async () => {
    for (let i = 0; i < 3; i++) expect((await hit()).isBlocked).toBe(false);
    expect(await hit()).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 30 });
    now += 29_000;
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    now += 32_000;
    expect(await hit()).toMatchObject({ totalHits: 1, isBlocked: false });
  });
});

import type { OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import type { TesseraConfig } from '../config/config';

/**
 * Where rate-limit counters live. With REDIS_URLS the counters are shared by every process
 * through @nest-lab/throttler-storage-redis (one atomic Lua script per hit) on the first
 * configured node: a rate limit needs one shared counter, not a quorum, and losing it for a
 * moment costs only precision.
 *
 * When Redis fails, the limiter fails open to per-process memory counters instead of failing
 * the request: rate limiting protects availability and must not be what takes it away. Each
 * process then still limits on its own, and the fall-back is logged once per outage.
 */

interface WarnLogger {
  warn(message: string): void;
  log(message: string): void;
}

export class FailOpenRateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private degraded = false;

  constructor(
    private readonly primary: ThrottlerStorage & { onModuleDestroy?(): void },
    private readonly fallback: MemoryRateLimitStorage,
    private readonly logger: WarnLogger,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    try {
      const record = await this.primary.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.degraded) {
        this.degraded = false;
        this.logger.log('rate-limit counters are shared through Redis again');
      }
      return record;
    } catch (error) {
      if (!this.degraded) {
        this.degraded = true;
        this.logger.warn(`rate-limit counters fall back to this process's memory: Redis failed (${(error as Error).message})`);
      }
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.primary.onModuleDestroy?.();
    this.fallback.onApplicationShutdown();
  }
}

/** A Redis-backed storage with its own connection, keys under `keyPrefix`. */
export const createRedisRateLimitStorage = (url: string, keyPrefix: string): ThrottlerStorageRedisService =>
  new ThrottlerStorageRedisService(url, {
    keyPrefix,
    // Fail fast into the fall-back instead of holding requests while Redis reconnects.
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    disconnectTimeout: 200,
    enableOfflineQueue: true,
  });

export const createRateLimitStorage = (config: TesseraConfig, logger: WarnLogger): ThrottlerStorage => {
  const url = config.REDIS_URLS?.[0];
  if (!url) return new MemoryRateLimitStorage();
  return new FailOpenRateLimitStorage(createRedisRateLimitStorage(url, config.RATE_LIMIT_KEY_PREFIX), new MemoryRateLimitStorage(), logger);
};

interface WindowCounter {
  hits: number;
  expiresAt: number;
  blockedUntil: number;
}

/**
 * Per-process counters with the semantics of the Redis storage's script (a fixed window per key
 * and throttler; past the limit, blocked for `blockDuration`), in O(1) per request. @nestjs/throttler's own memory storage keeps one timestamp per hit and filters the
 * whole list on every request: at the global limit of a busy IP (a gateway, a NAT) that is tens
 * of thousands of entries copied per request, which cost more than the request itself.
 */
export class MemoryRateLimitStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly counters = new Map<string, WindowCounter>();
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    this.sweepNowAndThen(Math.max(ttl, blockDuration));
    const now = this.now();
    const id = `${key}\u0000${throttlerName}`;
    let counter = this.counters.get(id);
    if (!counter) {
      counter = { hits: 0, expiresAt: 0, blockedUntil: 0 };
      this.counters.set(id, counter);
    }
    if (counter.expiresAt <= now) {
      counter.hits = 0;
      counter.expiresAt = now + ttl;
    }
    counter.hits += 1;
    if (counter.blockedUntil > now) return this.record(counter, now, true);
    if (counter.hits > limit) {
      counter.blockedUntil = now + blockDuration;
      return this.record(counter, now, true);
    }
    return this.record(counter, now, false);
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.counters.clear();
  }

  private record(counter: WindowCounter, now: number, isBlocked: boolean): ThrottlerStorageRecord {
    return {
      totalHits: counter.hits,
      timeToExpire: Math.ceil((counter.expiresAt - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((counter.blockedUntil - now) / 1000) : 0,
    };
  }

  /** Forgets counters whose window and block are over, so idle clients cost no memory. */
  private sweepNowAndThen(periodMs: number): void {
    if (this.sweeper) return;
    this.sweeper = setInterval(() => {
      const now = this.now();
      for (const [id, counter] of this.counters) {
        if (counter.expiresAt <= now && counter.blockedUntil <= now) this.counters.delete(id);
      }
    }, Math.max(periodMs, 1000));
    this.sweeper.unref();
  }
}

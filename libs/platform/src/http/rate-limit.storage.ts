import type { OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
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
    private readonly fallback: ThrottlerStorageService,
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
  if (!url) return new ThrottlerStorageService();
  return new FailOpenRateLimitStorage(createRedisRateLimitStorage(url, config.RATE_LIMIT_KEY_PREFIX), new ThrottlerStorageService(), logger);
};

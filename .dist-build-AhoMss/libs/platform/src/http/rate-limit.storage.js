"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get FailOpenRateLimitStorage () {
        return FailOpenRateLimitStorage;
    },
    get MemoryRateLimitStorage () {
        return MemoryRateLimitStorage;
    },
    get createRateLimitStorage () {
        return createRateLimitStorage;
    },
    get createRedisRateLimitStorage () {
        return createRedisRateLimitStorage;
    }
});
const _throttlerstorageredis = require("@nest-lab/throttler-storage-redis");
let FailOpenRateLimitStorage = class FailOpenRateLimitStorage {
    constructor(primary, fallback, logger){
        this.primary = primary;
        this.fallback = fallback;
        this.logger = logger;
        this.degraded = false;
    }
    async increment(key, ttl, limit, blockDuration, throttlerName) {
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
                this.logger.warn(`rate-limit counters fall back to this process's memory: Redis failed (${error.message})`);
            }
            return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
        }
    }
    onApplicationShutdown() {
        this.primary.onModuleDestroy?.();
        this.fallback.onApplicationShutdown();
    }
};
const createRedisRateLimitStorage = (url, keyPrefix)=>new _throttlerstorageredis.ThrottlerStorageRedisService(url, {
        keyPrefix,
        // Fail fast into the fall-back instead of holding requests while Redis reconnects.
        maxRetriesPerRequest: 1,
        connectTimeout: 2000,
        disconnectTimeout: 200,
        enableOfflineQueue: true
    });
const createRateLimitStorage = (config, logger)=>{
    const url = config.REDIS_URLS?.[0];
    if (!url) return new MemoryRateLimitStorage();
    return new FailOpenRateLimitStorage(createRedisRateLimitStorage(url, config.RATE_LIMIT_KEY_PREFIX), new MemoryRateLimitStorage(), logger);
};
let MemoryRateLimitStorage = class MemoryRateLimitStorage {
    constructor(now = Date.now){
        this.now = now;
        this.counters = new Map();
    }
    async increment(key, ttl, limit, blockDuration, throttlerName) {
        this.sweepNowAndThen(Math.max(ttl, blockDuration));
        const now = this.now();
        const id = `${key}\u0000${throttlerName}`;
        let counter = this.counters.get(id);
        if (!counter) {
            counter = {
                hits: 0,
                expiresAt: 0,
                blockedUntil: 0
            };
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
    onApplicationShutdown() {
        clearInterval(this.sweeper);
        this.sweeper = undefined;
        this.counters.clear();
    }
    record(counter, now, isBlocked) {
        return {
            totalHits: counter.hits,
            timeToExpire: Math.ceil((counter.expiresAt - now) / 1000),
            isBlocked,
            timeToBlockExpire: isBlocked ? Math.ceil((counter.blockedUntil - now) / 1000) : 0
        };
    }
    /** Forgets counters whose window and block are over, so idle clients cost no memory. */ sweepNowAndThen(periodMs) {
        if (this.sweeper) return;
        this.sweeper = setInterval(()=>{
            const now = this.now();
            for (const [id, counter] of this.counters){
                if (counter.expiresAt <= now && counter.blockedUntil <= now) this.counters.delete(id);
            }
        }, Math.max(periodMs, 1000));
        this.sweeper.unref();
    }
};

//# sourceMappingURL=rate-limit.storage.js.map
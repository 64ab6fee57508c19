"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RedlockSeatLocks", {
    enumerable: true,
    get: function() {
        return RedlockSeatLocks;
    }
});
const _nodecrypto = require("node:crypto");
const _ioredis = /*#__PURE__*/ _interop_require_default(require("ioredis"));
const _clock = require("../time/clock");
const _lockrequest = require("./lock-request");
const _seatlocksport = require("./seat-locks.port");
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
/**
 * Per node, in one atomic step: if any requested key exists, answer which ones and set nothing;
 * otherwise set them all with our token. Naming the held keys here is what lets a refusal say
 * which seats are taken without a second, racy round trip (docs/decisions/0001).
 */ const ACQUIRE_SCRIPT = `
local held = {}
for _, key in ipairs(KEYS) do
  if redis.call('exists', key) == 1 then held[#held + 1] = key end
end
if #held > 0 then return held end
for _, key in ipairs(KEYS) do redis.call('set', key, ARGV[1], 'PX', ARGV[2]) end
return held
`;
/** Compare-and-delete: a key whose token is not ours belongs to a later holder. */ const RELEASE_SCRIPT = `
local released = 0
for _, key in ipairs(KEYS) do
  if redis.call('get', key) == ARGV[1] then
    redis.call('del', key)
    released = released + 1
  end
end
return released
`;
let RedlockSeatLocks = class RedlockSeatLocks extends _seatlocksport.SeatLocks {
    /** `urls`: one redis:// URL per independent Redis master, e.g. REDIS_URLS split on commas. */ constructor(urls, options = {}){
        super();
        if (urls.length === 0) throw new RangeError('RedlockSeatLocks needs at least one Redis URL');
        this.quorum = Math.floor(urls.length / 2) + 1;
        this.driftFactor = options.driftFactor ?? 0.01;
        this.clock = options.clock ?? new _clock.SystemClock();
        const commandTimeout = options.commandTimeoutMs ?? 500;
        this.clients = urls.map((url)=>{
            // A node that is down must fail a command at once (no offline queue, no per-request
            // retries) so the other nodes decide; reconnection goes on in the background.
            const client = new _ioredis.default(url, {
                enableOfflineQueue: false,
                maxRetriesPerRequest: 0,
                commandTimeout,
                disconnectTimeout: 200,
                lazyConnect: true
            });
            // Errors surface as failed votes; without a listener ioredis would print every reconnect.
            client.on('error', ()=>undefined);
            client.defineCommand('seatLockAcquire', {
                lua: ACQUIRE_SCRIPT
            });
            client.defineCommand('seatLockRelease', {
                lua: RELEASE_SCRIPT
            });
            return client;
        });
        const connectTimeout = options.connectTimeoutMs ?? 1000;
        this.connected = Promise.all(this.clients.map((client)=>firstConnection(client, connectTimeout))).then(()=>undefined);
    }
    /** Builds from `REDIS_URLS`-style text: comma-separated redis:// URLs. */ static fromUrlList(urlList, options = {}) {
        const urls = urlList.split(',').map((url)=>url.trim()).filter((url)=>url.length > 0);
        return new RedlockSeatLocks(urls, options);
    }
    async acquire(resources, ttlMs) {
        const keys = (0, _lockrequest.normaliseLockRequest)(resources, ttlMs);
        await this.connected;
        const token = (0, _nodecrypto.randomBytes)(16).toString('hex');
        const started = this.clock.now().getTime();
        const votes = await this.collectVotes(keys, token, ttlMs);
        const granted = votes.filter((vote)=>vote?.kind === 'granted').length;
        // Redis expires keys with 1 ms precision, hence the 2 ms on top of the drift allowance.
        const validUntil = started + ttlMs - (Math.round(ttlMs * this.driftFactor) + 2);
        if (granted >= this.quorum && validUntil > this.clock.now().getTime()) {
            return {
                acquired: true,
                lock: this.heldLock(keys, token, validUntil)
            };
        }
        // Not ours: undo what a minority granted, so a failed attempt blocks nobody for a TTL.
        await this.releaseAfterFailure(keys, token, votes);
        if (granted >= this.quorum) {
            throw new _seatlocksport.LockServiceUnavailableError(`lock quorum answered after the lock's validity had passed (TTL ${ttlMs} ms); the lock servers are too slow`);
        }
        const held = votes.filter((vote)=>vote?.kind === 'held');
        const answered = granted + held.length;
        if (answered < this.quorum) {
            const failures = votes.filter((vote)=>vote?.kind === 'failed');
            throw new _seatlocksport.LockServiceUnavailableError(`only ${answered} of ${this.clients.length} lock servers answered, ${this.quorum} needed` + (failures.length > 0 ? ` (${messageOf(failures[0].error)})` : ''));
        }
        const heldByAnother = [
            ...new Set(held.flatMap((vote)=>vote.keys))
        ].sort();
        return {
            acquired: false,
            heldByAnother
        };
    }
    async ping() {
        await this.connected;
        const answers = await Promise.allSettled(this.clients.map((client)=>client.ping()));
        const up = answers.filter((answer)=>answer.status === 'fulfilled').length;
        if (up < this.quorum) {
            throw new _seatlocksport.LockServiceUnavailableError(`only ${up} of ${this.clients.length} lock servers answer PING, ${this.quorum} needed`);
        }
    }
    async close() {
        await Promise.all(this.clients.map((client)=>client.status === 'ready' ? client.quit().then(()=>undefined, ()=>client.disconnect()) : client.disconnect()));
    }
    /**
   * Asks every node and returns as soon as the outcome is decided: a quorum granted, or a
   * quorum answered "held" (a 409 need not wait for a stalled node). Votes not in by then are
   * left undefined; a late grant is undone by the release that follows a failure, or simply
   * stays part of the lock we hold.
   */ collectVotes(keys, token, ttlMs) {
        return new Promise((resolve)=>{
            const votes = this.clients.map(()=>undefined);
            let granted = 0;
            let held = 0;
            let settled = 0;
            let decided = false;
            const decide = ()=>{
                if (decided) return;
                if (granted >= this.quorum || held >= this.quorum || settled === this.clients.length) {
                    decided = true;
                    resolve([
                        ...votes
                    ]);
                }
            };
            this.clients.forEach((client, index)=>{
                client.seatLockAcquire(keys.length, ...keys, token, ttlMs).then((heldKeys)=>{
                    if (heldKeys.length === 0) {
                        votes[index] = {
                            kind: 'granted'
                        };
                        granted++;
                    } else {
                        votes[index] = {
                            kind: 'held',
                            keys: heldKeys
                        };
                        held++;
                    }
                }, (error)=>{
                    votes[index] = {
                        kind: 'failed',
                        error
                    };
                }).finally(()=>{
                    settled++;
                    decide();
                });
            });
        });
    }
    /**
   * Waits only for the nodes that granted (they answered, so they answer fast); a node that
   * stalled or failed may still have applied our set late, so it is told too, without waiting.
   */ async releaseAfterFailure(keys, token, votes) {
        const granted = [];
        this.clients.forEach((client, index)=>{
            const release = client.seatLockRelease(keys.length, ...keys, token).catch(()=>undefined);
            if (votes[index]?.kind === 'granted') granted.push(release);
        });
        await Promise.all(granted);
    }
    /** Compare-and-delete on every node; a node that is down forgets the lock by its TTL. */ async releaseEverywhere(keys, token) {
        await Promise.allSettled(this.clients.map((client)=>client.seatLockRelease(keys.length, ...keys, token)));
    }
    heldLock(resources, token, validUntil) {
        return {
            resources,
            validUntil,
            // Never throws: an expired lock has nothing left to release, and a node that is down
            // forgets the lock by its TTL.
            release: ()=>this.releaseEverywhere(resources, token)
        };
    }
};
const firstConnection = (client, timeoutMs)=>new Promise((resolve)=>{
        const timer = setTimeout(resolve, timeoutMs);
        timer.unref();
        client.connect().then(()=>{
            clearTimeout(timer);
            resolve();
        }, ()=>{
            // A node down at start-up is a failed vote until ioredis reconnects it.
            clearTimeout(timer);
            resolve();
        });
    });
const messageOf = (error)=>error instanceof Error ? error.message : String(error);

//# sourceMappingURL=redlock-seat-locks.js.map
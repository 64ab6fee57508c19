import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Clock, SystemClock } from '../time/clock';
import { normaliseLockRequest } from './lock-request';
import { HeldLock, LockAttempt, LockServiceUnavailableError, SeatLocks } from './seat-locks.port';

/**
 * Per node, in one atomic step: if any requested key exists, answer which ones and set nothing;
 * otherwise set them all with our token. Naming the held keys here is what lets a refusal say
 * which seats are taken without a second, racy round trip (docs/decisions/0001).
 */
const ACQUIRE_SCRIPT = `
local held = {}
for _, key in ipairs(KEYS) do
  if redis.call('exists', key) == 1 then held[#held + 1] = key end
end
if #held > 0 then return held end
for _, key in ipairs(KEYS) do redis.call('set', key, ARGV[1], 'PX', ARGV[2]) end
return held
`;

/** Compare-and-delete: a key whose token is not ours belongs to a later holder. */
const RELEASE_SCRIPT = `
local released = 0
for _, key in ipairs(KEYS) do
  if redis.call('get', key) == ARGV[1] then
    redis.call('del', key)
    released = released + 1
  end
end
return released
`;

type LockClient = Redis & {
  seatLockAcquire(keyCount: number, ...keysAndArgs: (string | number)[]): Promise<string[]>;
  seatLockRelease(keyCount: number, ...keysAndArgs: (string | number)[]): Promise<number>;
};

export interface RedlockSeatLocksOptions {
  /** Share of the TTL kept back for clock drift between this process and the nodes (Redlock: 0.01). */
  readonly driftFactor?: number;
  /** Bound on one node's answer; a stalled node counts as a failed vote after this. */
  readonly commandTimeoutMs?: number;
  /** How long the first call waits for the initial connections before counting a node as down. */
  readonly connectTimeoutMs?: number;
  readonly clock?: Clock;
}

type Vote = { kind: 'granted' } | { kind: 'held'; keys: string[] } | { kind: 'failed'; error: unknown };

/**
 * The Redlock algorithm (redis.io "Distributed Locks with Redis") over ioredis, on 1 or N
 * independent Redis masters: a random token per lock, the whole sorted set taken atomically on
 * each node, a majority quorum, a validity of TTL minus elapsed time minus clock drift, and
 * release by compare-and-delete. One attempt only: a held seat answers at once.
 *
 * Our own implementation rather than a package: see docs/decisions/0001-redlock-implementation.md.
 * The lock is an optimisation; the append's expected revision is the fencing token.
 */
export class RedlockSeatLocks extends SeatLocks {
  private readonly clients: LockClient[];
  private readonly quorum: number;
  private readonly driftFactor: number;
  private readonly clock: Clock;
  private readonly connected: Promise<void>;

  /** `urls`: one redis:// URL per independent Redis master, e.g. REDIS_URLS split on commas. */
  constructor(urls: readonly string[], options: RedlockSeatLocksOptions = {}) {
    super();
    if (urls.length === 0) throw new RangeError('RedlockSeatLocks needs at least one Redis URL');
    this.quorum = Math.floor(urls.length / 2) + 1;
    this.driftFactor = options.driftFactor ?? 0.01;
    this.clock = options.clock ?? new SystemClock();
    const commandTimeout = options.commandTimeoutMs ?? 500;
    this.clients = urls.map((url) => {
      // A node that is down must fail a command at once (no offline queue, no per-request
      // retries) so the other nodes decide; reconnection goes on in the background.
      const client = new Redis(url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        commandTimeout,
        disconnectTimeout: 200,
        lazyConnect: true,
      }) as LockClient;
      // Errors surface as failed votes; without a listener ioredis would print every reconnect.
      client.on('error', () => undefined);
      client.defineCommand('seatLockAcquire', { lua: ACQUIRE_SCRIPT });
      client.defineCommand('seatLockRelease', { lua: RELEASE_SCRIPT });
      return client;
    });
    const connectTimeout = options.connectTimeoutMs ?? 1000;
    this.connected = Promise.all(this.clients.map((client) => firstConnection(client, connectTimeout))).then(() => undefined);
  }

  /** Builds from `REDIS_URLS`-style text: comma-separated redis:// URLs. */
  static fromUrlList(urlList: string, options: RedlockSeatLocksOptions = {}): RedlockSeatLocks {
    const urls = urlList.split(',').map((url) => url.trim()).filter((url) => url.length > 0);
    return new RedlockSeatLocks(urls, options);
  }

  async acquire(resources: readonly string[], ttlMs: number): Promise<LockAttempt> {
    const keys = normaliseLockRequest(resources, ttlMs);
    await this.connected;
    const token = randomBytes(16).toString('hex');
    const started = this.clock.now().getTime();
    const votes = await this.collectVotes(keys, token, ttlMs);

    const granted = votes.filter((vote) => vote?.kind === 'granted').length;
    // Redis expires keys with 1 ms precision, hence the 2 ms on top of the drift allowance.
    const validUntil = started + ttlMs - (Math.round(ttlMs * this.driftFactor) + 2);
    if (granted >= this.quorum && validUntil > this.clock.now().getTime()) {
      return { acquired: true, lock: this.heldLock(keys, token, validUntil) };
    }

    // Not ours: undo what a minority granted, so a failed attempt blocks nobody for a TTL.
    await this.releaseAfterFailure(keys, token, votes);
    if (granted >= this.quorum) {
      throw new LockServiceUnavailableError(
        `lock quorum answered after the lock's validity had passed (TTL ${ttlMs} ms); the lock servers are too slow`,
      );
    }
    const held = votes.filter((vote): vote is Extract<Vote, { kind: 'held' }> => vote?.kind === 'held');
    const answered = granted + held.length;
    if (answered < this.quorum) {
      const failures = votes.filter((vote): vote is Extract<Vote, { kind: 'failed' }> => vote?.kind === 'failed');
      throw new LockServiceUnavailableError(
        `only ${answered} of ${this.clients.length} lock servers answered, ${this.quorum} needed` +
          (failures.length > 0 ? ` (${messageOf(failures[0].error)})` : ''),
      );
    }
    const heldByAnother = [...new Set(held.flatMap((vote) => vote.keys))].sort();
    return { acquired: false, heldByAnother };
  }

  async ping(): Promise<void> {
    await this.connected;
    const answers = await Promise.allSettled(this.clients.map((client) => client.ping()));
    const up = answers.filter((answer) => answer.status === 'fulfilled').length;
    if (up < this.quorum) {
      throw new LockServiceUnavailableError(`only ${up} of ${this.clients.length} lock servers answer PING, ${this.quorum} needed`);
    }
  }

  async close(): Promise<void> {
    await Promise.all(
      this.clients.map((client) =>
        client.status === 'ready' ? client.quit().then(() => undefined, () => client.disconnect()) : client.disconnect(),
      ),
    );
  }

  /**
   * Asks every node and returns as soon as the outcome is decided: a quorum granted, or a
   * quorum answered "held" (a 409 need not wait for a stalled node). Votes not in by then are
   * left undefined; a late grant is undone by the release that follows a failure, or simply
   * stays part of the lock we hold.
   */
  private collectVotes(keys: string[], token: string, ttlMs: number): Promise<(Vote | undefined)[]> {
    return new Promise((resolve) => {
      const votes: (Vote | undefined)[] = this.clients.map(() => undefined);
      let granted = 0;
      let held = 0;
      let settled = 0;
      let decided = false;
      const decide = () => {
        if (decided) return;
        if (granted >= this.quorum || held >= this.quorum || settled === this.clients.length) {
          decided = true;
          resolve([...votes]);
        }
      };
      this.clients.forEach((client, index) => {
        client.seatLockAcquire(keys.length, ...keys, token, ttlMs).then(
          (heldKeys) => {
            if (heldKeys.length === 0) {
              votes[index] = { kind: 'granted' };
              granted++;
            } else {
              votes[index] = { kind: 'held', keys: heldKeys };
              held++;
            }
          },
          (error: unknown) => {
            votes[index] = { kind: 'failed', error };
          },
        ).finally(() => {
          settled++;
          decide();
        });
      });
    });
  }

  /**
   * Waits only for the nodes that granted (they answered, so they answer fast); a node that
   * stalled or failed may still have applied our set late, so it is told too, without waiting.
   */
  private async releaseAfterFailure(keys: readonly string[], token: string, votes: readonly (Vote | undefined)[]): Promise<void> {
    const granted: Promise<unknown>[] = [];
    this.clients.forEach((client, index) => {
      const release = client.seatLockRelease(keys.length, ...keys, token).catch(() => undefined);
      if (votes[index]?.kind === 'granted') granted.push(release);
    });
    await Promise.all(granted);
  }

  /** Compare-and-delete on every node; a node that is down forgets the lock by its TTL. */
  private async releaseEverywhere(keys: readonly string[], token: string): Promise<void> {
    await Promise.allSettled(this.clients.map((client) => client.seatLockRelease(keys.length, ...keys, token)));
  }

  private heldLock(resources: readonly string[], token: string, validUntil: number): HeldLock {
    return {
      resources,
      validUntil,
      // Never throws: an expired lock has nothing left to release, and a node that is down
      // forgets the lock by its TTL.
      release: () => this.releaseEverywhere(resources, token),
    };
  }
}

const firstConnection = (client: Redis, timeoutMs: number): Promise<void> =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    timer.unref();
    client.connect().then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        // A node down at start-up is a failed vote until ioredis reconnects it.
        clearTimeout(timer);
        resolve();
      },
    );
  });

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

import { randomBytes } from 'node:crypto';
import { LockAttempt, SeatLocks, seatLockKey } from './seat-locks.port';

/** What each adapter's spec hands the contract. */
export interface SeatLocksHarness {
  /** The adapter under test. */
  readonly locks: SeatLocks;
  /** A second client of the same lock space (another process in production); may be `locks` itself. */
  readonly other: SeatLocks;
  /** Lets `ms` pass for lock expiry: a fake clock advances, a real server needs real time. */
  elapse(ms: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The SeatLocks contract (ARCHITECTURE §3, seat holds step 1), run against every adapter.
 * Resource names are unique per test, so a shared server (the machine's Redis) and parallel
 * workers never see each other's locks. `shortTtlMs` is the TTL used by the expiry cases.
 */
export const describeSeatLocksContract = (
  title: string,
  setup: () => Promise<SeatLocksHarness>,
  { shortTtlMs = 100 }: { shortTtlMs?: number } = {},
): void => {
  describe(`SeatLocks contract: ${title}`, () => {
    let harness: SeatLocksHarness;
    let show: string;
    const seat = (id: string): string => seatLockKey(show, id);
    const LONG = 10_000;

    beforeEach(async () => {
      harness = await setup();
      show = `contract-${randomBytes(6).toString('hex')}`;
    });
    afterEach(async () => {
      await harness.close();
    });

    const acquired = (attempt: LockAttempt) => {
      if (!attempt.acquired) throw new Error(`expected the lock, but held by another: ${attempt.heldByAnother.join(', ')}`);
      return attempt.lock;
    };

    it('locks a free set of seats, reporting them sorted and without duplicates', async () => {
      const before = Date.now();
      const lock = acquired(await harness.locks.acquire([seat('B2'), seat('A1'), seat('B2')], LONG));
      expect(lock.resources).toEqual([seat('A1'), seat('B2')]);
      expect(lock.validUntil).toBeGreaterThan(before);
      expect(lock.validUntil).toBeLessThanOrEqual(Date.now() + LONG);
      await lock.release();
    });

    it('refuses an overlapping set at once, naming exactly the seats held by another', async () => {
      const first = acquired(await harness.locks.acquire([seat('A1'), seat('A2'), seat('A3')], LONG));
      const attempt = await harness.other.acquire([seat('A4'), seat('A3'), seat('A2')], LONG);
      expect(attempt).toEqual({ acquired: false, heldByAnother: [seat('A2'), seat('A3')] });
      // Refused while the first lock is still valid: the adapter answered without waiting for it.
      expect(Date.now()).toBeLessThan(first.validUntil);
      await first.release();
    });

    it('is all-or-nothing: a refused set leaves its free seats unlocked', async () => {
      const first = acquired(await harness.locks.acquire([seat('A2')], LONG));
      expect((await harness.other.acquire([seat('A1'), seat('A2'), seat('A3')], LONG)).acquired).toBe(false);
      const rest = acquired(await harness.other.acquire([seat('A1'), seat('A3')], LONG));
      await Promise.all([first.release(), rest.release()]);
    });

    it('locks disjoint sets independently', async () => {
      const left = acquired(await harness.locks.acquire([seat('A1'), seat('A2')], LONG));
      const right = acquired(await harness.other.acquire([seat('A3'), seat('A4')], LONG));
      await Promise.all([left.release(), right.release()]);
    });

    it('frees the seats on release, and a second release is harmless', async () => {
      const lock = acquired(await harness.locks.acquire([seat('A1'), seat('A2')], LONG));
      await lock.release();
      await lock.release();
      const next = acquired(await harness.other.acquire([seat('A2'), seat('A1')], LONG));
      await next.release();
    });

    it('counts an expired lock as free', async () => {
      acquired(await harness.locks.acquire([seat('A1')], shortTtlMs));
      expect((await harness.other.acquire([seat('A1')], LONG)).acquired).toBe(false);
      await harness.elapse(shortTtlMs + 50);
      const next = acquired(await harness.other.acquire([seat('A1')], LONG));
      await next.release();
    });

    it("releasing an expired lock leaves the next holder's lock in place", async () => {
      const stale = acquired(await harness.locks.acquire([seat('A1'), seat('A2')], shortTtlMs));
      await harness.elapse(shortTtlMs + 50);
      const next = acquired(await harness.other.acquire([seat('A2')], LONG));
      await expect(stale.release()).resolves.toBeUndefined();
      expect(await harness.locks.acquire([seat('A2')], LONG)).toEqual({ acquired: false, heldByAnother: [seat('A2')] });
      const freed = acquired(await harness.locks.acquire([seat('A1')], LONG));
      await Promise.all([next.release(), freed.release()]);
    });

    // At most one: with several Redis nodes the votes can split so that nobody wins, which is
    // safe (the callers answer 409 and the client retries).
    it('grants a contended seat to at most one of many concurrent callers', async () => {
      const attempts = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? harness.locks : harness.other).acquire([seat('A1'), seat(`B${i}`)], LONG)),
      );
      const winners = attempts.filter((attempt) => attempt.acquired);
      expect(winners.length).toBeLessThanOrEqual(1);
      for (const attempt of attempts) {
        if (!attempt.acquired) expect(attempt.heldByAnother).toEqual([seat('A1')]);
      }
      await Promise.all(winners.map((attempt) => attempt.acquired && attempt.lock.release()));
    });

    it('rejects an empty set and a TTL that is not a positive whole number of ms', async () => {
      await expect(harness.locks.acquire([], LONG)).rejects.toBeInstanceOf(RangeError);
      await expect(harness.locks.acquire([seat('A1')], 0)).rejects.toBeInstanceOf(RangeError);
      await expect(harness.locks.acquire([seat('A1')], 1.5)).rejects.toBeInstanceOf(RangeError);
    });

    it('answers ping', async () => {
      await expect(harness.locks.ping()).resolves.toBeUndefined();
    });
  });
};

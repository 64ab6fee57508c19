import { Clock, SystemClock } from '../time/clock';
import { normaliseLockRequest } from './lock-request';
import { HeldLock, LockAttempt, SeatLocks } from './seat-locks.port';

interface Entry {
  readonly token: string;
  readonly expiresAt: number;
}

/**
 * Seat locks for the standalone process: one lock table in memory. An entry past its expiry
 * counts as free (lazy expiry, no sweeper timer), so expiry follows the injected clock and
 * tests move time instead of sleeping.
 */
export class InProcessSeatLocks extends SeatLocks {
  private readonly table = new Map<string, Entry>();
  /** Tokens never leave the process, so a counter tells every holder apart. */
  private lastToken = 0;

  constructor(private readonly clock: Clock = new SystemClock()) {
    super();
  }

  async acquire(resources: readonly string[], ttlMs: number): Promise<LockAttempt> {
    const sorted = normaliseLockRequest(resources, ttlMs);
    const now = this.clock.now().getTime();
    const heldByAnother = sorted.filter((resource) => this.isHeld(resource, now));
    if (heldByAnother.length > 0) return { acquired: false, heldByAnother };

    // Nothing awaits between the check above and the writes below, so the set is taken
    // all-or-nothing even with many concurrent callers on the event loop.
    const token = String(++this.lastToken);
    const expiresAt = now + ttlMs;
    for (const resource of sorted) this.table.set(resource, { token, expiresAt });
    return { acquired: true, lock: this.heldLock(sorted, token, expiresAt) };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.table.clear();
  }

  private isHeld(resource: string, now: number): boolean {
    const entry = this.table.get(resource);
    if (!entry) return false;
    if (entry.expiresAt > now) return true;
    this.table.delete(resource);
    return false;
  }

  private heldLock(resources: readonly string[], token: string, validUntil: number): HeldLock {
    const table = this.table;
    return {
      resources,
      validUntil,
      async release(): Promise<void> {
        // The token tells our entry from a later holder's: after our lock expired the seat may
        // already belong to someone else, whose lock we must leave alone.
        for (const resource of resources) {
          if (table.get(resource)?.token === token) table.delete(resource);
        }
      },
    };
  }
}

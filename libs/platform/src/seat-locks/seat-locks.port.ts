/**
 * SeatLocks port: short-lived mutual exclusion over a set of resources, to cut contention on hot
 * seats. Locks are an optimisation, never the safety mechanism: the expected revision of the
 * append is the fencing token (ARCHITECTURE §3).
 */

export interface HeldLock {
  readonly resources: readonly string[];
  /** Epoch milliseconds after which the lock may already belong to someone else. */
  readonly validUntil: number;
  /** Release what is still ours; never throws for a lock that has already expired. */
  release(): Promise<void>;
}

export type LockAttempt =
  | { acquired: true; lock: HeldLock }
  /** `heldByAnother` lists resources known to be locked by someone else (at least one). */
  | { acquired: false; heldByAnother: string[] };

export abstract class SeatLocks {
  /**
   * Try once to lock every resource (taken in sorted order) for `ttlMs`. Never waits for
   * another holder: a resource already locked answers `{ acquired: false }` at once.
   * Throws LockServiceUnavailableError when no quorum of lock servers answers.
   */
  abstract acquire(resources: readonly string[], ttlMs: number): Promise<LockAttempt>;
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;
}

export class LockServiceUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LockServiceUnavailableError';
  }
}

export const seatLockKey = (showId: string, seatId: string): string => `lock:show:${showId}:seat:${seatId}`;

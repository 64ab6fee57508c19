import { Clock } from '../time/clock';
import { InProcessSeatLocks } from './in-process-seat-locks';
import { describeSeatLocksContract } from './seat-locks.contract';

/** A clock the test moves by hand, so expiry needs no sleeping. */
class ManualClock extends Clock {
  private current = Date.now();
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

describeSeatLocksContract('in-process', async () => {
  const clock = new ManualClock();
  const locks = new InProcessSeatLocks(clock);
  return {
    locks,
    other: locks,
    elapse: async (ms) => clock.advance(ms),
    close: () => locks.close(),
  };
});

describe('InProcessSeatLocks', () => {
  it('keeps a lock until the clock reaches its validUntil, not a millisecond less', async () => {
    const clock = new ManualClock();
    const locks = new InProcessSeatLocks(clock);
    const first = await locks.acquire(['seat-1'], 1000);
    if (!first.acquired) throw new Error('expected the lock');
    expect(first.lock.validUntil).toBe(clock.now().getTime() + 1000);

    clock.advance(999);
    expect(await locks.acquire(['seat-1'], 1000)).toEqual({ acquired: false, heldByAnother: ['seat-1'] });
    clock.advance(1);
    expect((await locks.acquire(['seat-1'], 1000)).acquired).toBe(true);
  });
});

export * from './seat-locks.port';
export { InProcessSeatLocks } from './in-process-seat-locks';
export { RedlockSeatLocks } from './redlock-seat-locks';
export type { RedlockSeatLocksOptions } from './redlock-seat-locks';

import { setFlagsFromString } from 'node:v8';

/**
 * How the JavaScript heap is kept, set once at start-up (PlatformModule). V8 reads both flags
 * when it collects, so setting them after start-up takes effect from the next collection on, for
 * every app however it is launched (npm start, Docker, tests).
 *
 * A busy server allocates request garbage around everything it keeps (read models, idempotency
 * records, index entries), so what survives a full collection is spread thin over many pages,
 * and V8's default full collection compacts few of them: after 10,000 bookings the live server
 * held 100 MB of objects in 271-343 MB of heap (446 MiB RSS) where a restarted one needed
 * 218 MiB (bench:memory in bench/RESULTS.md).
 */
export interface HeapSettings {
  /**
   * How far the old generation may grow past what survived the last full collection before the
   * next one (V8's --heap-growing-percent). V8 picks up to 300% for a busy server. 0 leaves V8's
   * own choice.
   */
  growthPercent: number;
  /**
   * `compact`: every full collection compacts the pages left sparse and gives them back (V8's
   * --optimize-for-size, set at start-up; the young generation keeps its size). `v8`: V8's own
   * heuristics.
   */
  mode: 'compact' | 'v8';
}

export const applyHeapSettings = ({ growthPercent, mode }: HeapSettings): void => {
  if (growthPercent > 0) setFlagsFromString(`--heap-growing-percent=${growthPercent}`);
  if (mode === 'compact') setFlagsFromString('--optimize-for-size');
};

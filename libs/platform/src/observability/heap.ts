import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the old generation grow past what survived the last full collection before it
 * collects again. By default V8 picks up to 4× when collecting looks cheap next to the program's
 * allocation, as it does for a busy server: a process holding 100 MB grew to 340 MB between
 * collections, and gave little of it back, because what survives a collection is spread thin
 * over pages that hold the garbage of the requests around it (bench:memory: 446 MiB live after
 * 10,000 bookings, 218 MiB for the same data after a restart). A fixed factor keeps the live
 * process near its live size, for more, smaller collections (V8 does most of the marking
 * concurrently). 0 leaves V8's own heuristics.
 *
 * `--heap-growing-percent` is read when each collection sets the next limit, so setting it
 * after start-up takes effect from the next collection on.
 */
export const applyHeapGrowth = (percent: number): void => {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
};

/**
 * Preloaded into the server by bench:memory (`node --expose-gc -r dist/bench/support/memory-probe.js
 * dist/apps/standalone/src/main.js`), never by `npm start`. On SIGWINCH (a signal Nest's shutdown hooks leave alone, ignored by default) it runs a full garbage
 * collection and writes what the heap holds after it (process.memoryUsage, v8.getHeapStatistics
 * and the heap spaces) to MEMORY_PROBE_FILE, with a sequence number the bench waits for. RSS as the
 * process stands is read by the bench from /proc before it signals, so the collection forced here
 * never flatters the RSS figures.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics, getHeapStatistics, writeHeapSnapshot } from 'node:v8';

const target = process.env.MEMORY_PROBE_FILE;
const collect = (globalThis as { gc?: () => void }).gc;

if (target) {
  let sequence = 0;
  process.on('SIGWINCH', () => {
    collect?.();
    collect?.();
    sequence += 1;
    const report = {
      sequence,
      collected: collect !== undefined,
      memory: process.memoryUsage(),
      heap: getHeapStatistics(),
      spaces: Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_used_size])),
      spaceSizes: Object.fromEntries(getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size])),
    };
    // Diagnosis only (MEMORY_BENCH_HEAP_SNAPSHOTS): a heap snapshot to compare in DevTools.
    if (process.env.MEMORY_PROBE_SNAPSHOT_DIR) writeHeapSnapshot(join(process.env.MEMORY_PROBE_SNAPSHOT_DIR, `${process.pid}-${sequence}.heapsnapshot`));
    writeFileSync(`${target}.tmp`, JSON.stringify(report));
    renameSync(`${target}.tmp`, target);
  });
}

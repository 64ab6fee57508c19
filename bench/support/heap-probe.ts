import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** What bench/support/memory-probe.ts writes when signalled. */
export interface HeapReport {
  sequence: number;
  collected: boolean;
  memory: NodeJS.MemoryUsage;
  heap: { used_heap_size: number; total_heap_size: number };
  spaces: Record<string, number>;
  spaceSizes?: Record<string, number>;
}

/**
 * For a server started with `--expose-gc -r dist/bench/support/memory-probe.js` and
 * MEMORY_PROBE_FILE=`probeFile`: each call signals it and resolves with its heap after a full
 * collection (and a heap snapshot written, where MEMORY_PROBE_SNAPSHOT_DIR is set: allow for
 * minutes then, with `timeoutMs`).
 */
export const heapProbe = (child: ChildProcess, probeFile: string, timeoutMs = 30_000): (() => Promise<HeapReport>) => {
  let sequence = 0;
  return async () => {
    sequence += 1;
    child.kill('SIGWINCH');
    for (const until = Date.now() + timeoutMs; Date.now() < until; ) {
      await sleep(50);
      if (!existsSync(probeFile)) continue;
      const report = JSON.parse(readFileSync(probeFile, 'utf8')) as HeapReport;
      if (report.sequence === sequence) return report;
    }
    throw new Error('the server did not answer the heap probe');
  };
};

/**
 * Preloaded into the server by bench:memory (`node --expose-gc -r dist/bench/support/memory-probe.js
 * dist/apps/standalone/src/main.js`), never by `npm start`. On SIGWINCH (a signal Nest's shutdown hooks leave alone, ignored by default) it runs a full garbage
 * collection and writes what the heap holds after it (process.memoryUsage, v8.getHeapStatistics
 * and the heap spaces) to MEMORY_PROBE_FILE, with a sequence number the bench waits for. RSS as the
 * process stands is read by the bench from /proc before it signals, so the collection forced here
 * never flatters the RSS figures.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _nodefs = require("node:fs");
const _nodepath = require("node:path");
const _nodev8 = require("node:v8");
const target = process.env.MEMORY_PROBE_FILE;
const collect = globalThis.gc;
if (target) {
    let sequence = 0;
    process.on('SIGWINCH', ()=>{
        collect?.();
        collect?.();
        sequence += 1;
        const report = {
            sequence,
            collected: collect !== undefined,
            memory: process.memoryUsage(),
            heap: (0, _nodev8.getHeapStatistics)(),
            spaces: Object.fromEntries((0, _nodev8.getHeapSpaceStatistics)().map((space)=>[
                    space.space_name,
                    space.space_used_size
                ])),
            spaceSizes: Object.fromEntries((0, _nodev8.getHeapSpaceStatistics)().map((space)=>[
                    space.space_name,
                    space.space_size
                ]))
        };
        // Diagnosis only (MEMORY_BENCH_HEAP_SNAPSHOTS): a heap snapshot to compare in DevTools.
        if (process.env.MEMORY_PROBE_SNAPSHOT_DIR) (0, _nodev8.writeHeapSnapshot)((0, _nodepath.join)(process.env.MEMORY_PROBE_SNAPSHOT_DIR, `${process.pid}-${sequence}.heapsnapshot`));
        (0, _nodefs.writeFileSync)(`${target}.tmp`, JSON.stringify(report));
        (0, _nodefs.renameSync)(`${target}.tmp`, target);
    });
}

//# sourceMappingURL=memory-probe.js.map
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "heapProbe", {
    enumerable: true,
    get: function() {
        return heapProbe;
    }
});
const _nodefs = require("node:fs");
const _promises = require("node:timers/promises");
const heapProbe = (child, probeFile, timeoutMs = 30_000)=>{
    let sequence = 0;
    return async ()=>{
        sequence += 1;
        child.kill('SIGWINCH');
        for(const until = Date.now() + timeoutMs; Date.now() < until;){
            await (0, _promises.setTimeout)(50);
            if (!(0, _nodefs.existsSync)(probeFile)) continue;
            const report = JSON.parse((0, _nodefs.readFileSync)(probeFile, 'utf8'));
            if (report.sequence === sequence) return report;
        }
        throw new Error('the server did not answer the heap probe');
    };
};

//# sourceMappingURL=heap-probe.js.map
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "runLoadPhase", {
    enumerable: true,
    get: function() {
        return runLoadPhase;
    }
});
const _nodechild_process = require("node:child_process");
const _nodefs = require("node:fs");
const _nodeos = require("node:os");
const _nodepath = require("node:path");
const _lines = require("./lines");
const _processstats = require("./process-stats");
const runLoadPhase = async (config, serverPid, onMeasuring)=>{
    const dir = (0, _nodefs.mkdtempSync)((0, _nodepath.join)((0, _nodeos.tmpdir)(), 'tessera-bench-load-'));
    const file = (0, _nodepath.join)(dir, 'config.json');
    (0, _nodefs.writeFileSync)(file, JSON.stringify(config));
    try {
        const child = (0, _nodechild_process.spawn)(process.execPath, [
            (0, _nodepath.join)(__dirname, 'closed-loop-load.js'),
            `@${file}`
        ], {
            stdio: [
                'ignore',
                'pipe',
                'inherit'
            ]
        });
        let cpuAtStart = 0;
        let cpuInWindow = 0;
        let result;
        (0, _lines.eachLine)(child.stdout, (line)=>{
            if (line === 'measuring') {
                cpuAtStart = (0, _processstats.cpuMillisecondsOf)(serverPid);
                onMeasuring?.();
            } else if (line === 'measured') cpuInWindow = (0, _processstats.cpuMillisecondsOf)(serverPid) - cpuAtStart;
            else if (line.startsWith('result ')) result = JSON.parse(line.slice('result '.length));
        });
        const code = await new Promise((done)=>child.once('close', done));
        if (code !== 0 || !result) throw new Error(`the load generator failed (exit ${code})`);
        if (result.protocolError) throw new Error(`the load generator could not read an answer: ${result.protocolError}`);
        return {
            ...result,
            serverCpuMsPerRequest: cpuInWindow / Math.max(1, result.requests)
        };
    } finally{
        (0, _nodefs.rmSync)(dir, {
            recursive: true,
            force: true
        });
    }
};

//# sourceMappingURL=load-phase.js.map
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get cpuMillisecondsOf () {
        return cpuMillisecondsOf;
    },
    get freePort () {
        return freePort;
    },
    get rssBytesOf () {
        return rssBytesOf;
    }
});
const _nodechild_process = require("node:child_process");
const _nodefs = require("node:fs");
const _nodenet = require("node:net");
const freePort = ()=>new Promise((done, fail)=>{
        const server = (0, _nodenet.createServer)();
        server.once('error', fail);
        server.listen(0, '127.0.0.1', ()=>{
            const { port } = server.address();
            server.close(()=>done(port));
        });
    });
const CLOCK_TICKS_PER_SECOND = Number((0, _nodechild_process.spawnSync)('getconf', [
    'CLK_TCK'
], {
    encoding: 'utf8'
}).stdout.trim()) || 100;
const cpuMillisecondsOf = (pid)=>{
    const fields = (0, _nodefs.readFileSync)(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 1000 / CLOCK_TICKS_PER_SECOND;
};
const rssBytesOf = (pid)=>{
    const match = /^VmRSS:\s+(\d+) kB/m.exec((0, _nodefs.readFileSync)(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : NaN;
};

//# sourceMappingURL=process-stats.js.map
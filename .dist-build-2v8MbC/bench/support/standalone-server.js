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
    get STANDALONE_SCRIPT () {
        return STANDALONE_SCRIPT;
    },
    get startBenchServer () {
        return startBenchServer;
    }
});
const _nodechild_process = require("node:child_process");
const _promises = require("node:fs/promises");
const _nodeos = require("node:os");
const _nodepath = require("node:path");
const _promises1 = require("node:timers/promises");
const _processstats = require("./process-stats");
const STANDALONE_SCRIPT = 'dist/apps/standalone/src/main.js';
const startBenchServer = async ({ root, script = STANDALONE_SCRIPT, env = {}, nodeArgs = [], readyPath = '/health/live', readyTimeoutMs = 60_000 })=>{
    const dataDir = await (0, _promises.mkdtemp)((0, _nodepath.join)((0, _nodeos.tmpdir)(), 'tessera-bench-'));
    const port = await (0, _processstats.freePort)();
    const child = (0, _nodechild_process.spawn)(process.execPath, [
        ...nodeArgs,
        (0, _nodepath.join)(root, script)
    ], {
        cwd: root,
        // Every request of a bench comes from one address: the per-IP limit is raised out of reach,
        // not turned off, so that the counter's cost stays in the figures.
        env: {
            PATH: process.env.PATH ?? '',
            PORT: String(port),
            HOST: '127.0.0.1',
            DATA_DIR: dataDir,
            LOG_LEVEL: 'warn',
            NODE_ENV: 'development',
            RATE_LIMIT_GLOBAL_PER_IP: '1000000000',
            ...env
        },
        stdio: [
            'ignore',
            'ignore',
            'inherit'
        ]
    });
    const exited = new Promise((done)=>child.once('exit', ()=>done()));
    const url = `http://127.0.0.1:${port}`;
    for(const until = Date.now() + readyTimeoutMs;;){
        if (await fetch(`${url}${readyPath}`).then((res)=>res.status === 200, ()=>false)) break;
        if (child.exitCode !== null) throw new Error(`${script} exited (${child.exitCode}) before it was ready`);
        if (Date.now() > until) throw new Error(`${script} was not ready within ${readyTimeoutMs / 1000} s`);
        await (0, _promises1.setTimeout)(50);
    }
    const stop = async ()=>{
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        await exited;
    };
    return {
        url,
        dataDir,
        child,
        cpuMs: ()=>(0, _processstats.cpuMillisecondsOf)(child.pid),
        stop,
        dispose: async ()=>{
            await stop();
            await (0, _promises.rm)(dataDir, {
                recursive: true,
                force: true
            });
        }
    };
};

//# sourceMappingURL=standalone-server.js.map
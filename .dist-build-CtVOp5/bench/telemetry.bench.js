/**
 * bench:telemetry — readings through the device rules, against the standalone server, with a bare
 * route measured in the same run, written to bench/RESULTS.md (section "bench:telemetry").
 *   npm run bench:telemetry     (builds with swc, then: node dist/bench/telemetry.bench.js)
 * The server (bench/support/telemetry-server.ts: the standalone server as `npm start` runs it, its
 * MQTT ingest on the embedded broker, or on the broker at MQTT_URL when that is set) runs as its
 * own process; HTTP load comes from bench/support/closed-loop-load.ts, a third process; MQTT
 * publishers run in this one, each connected as a device with its id and key.
 * Legs: the bare route (GET /health/live); HTTP batches of 100 readings over the devices; MQTT,
 * one reading a message, every device publishing on its own connection; trip to visible: a reading
 * that trips a rule (raise-after 0) until its incident shows in GET /api/incidents/recent. The
 * server's RSS is sampled every TELEMETRY_BENCH_RSS_EVERY_SECONDS (default 10) from start to end.
 * Environment:
 *   TELEMETRY_BENCH_DEVICES          devices registered (default 5000)
 *   TELEMETRY_BENCH_MQTT_CONNECTIONS how many of them publish over MQTT (default: all)
 *   TELEMETRY_BENCH_MQTT_IN_FLIGHT   QoS 1 messages each device keeps outstanding (default 2)
 *   TELEMETRY_BENCH_SECONDS          each HTTP window (default 10)
 *   TELEMETRY_BENCH_MQTT_SECONDS     the MQTT window, the soak whose RSS must stay flat (default
 *                                    TELEMETRY_BENCH_SECONDS; the target names 300)
 *   TELEMETRY_BENCH_CPU_PROF=<dir>   runs the server with --cpu-prof into that folder
 *   TELEMETRY_BENCH_HEAP_SNAPSHOTS=<dir>  the server also writes a heap snapshot there at each heap
 *                                    reading (diagnosis: `node dist/bench/support/heap-owners.js <file>`)
 * The server's heap after a full collection is read at the start and at the end of the MQTT window
 * (bench/support/memory-probe.ts, preloaded; it runs only when signalled).
 *   TELEMETRY_BENCH_NO_WRITE=1       prints the section without writing RESULTS.md
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _common = require("@nestjs/common");
const _nodeos = require("node:os");
const _nodepath = require("node:path");
const _nodeperf_hooks = require("node:perf_hooks");
const _promises = require("node:timers/promises");
const _contracts = require("../libs/contracts/src");
const _tokenservice = require("../libs/platform/src/security/token-service");
const _mqtt = /*#__PURE__*/ _interop_require_default(require("mqtt"));
const _heapprobe = require("./support/heap-probe");
const _loadphase = require("./support/load-phase");
const _processstats = require("./support/process-stats");
const _resultsfile = require("./support/results-file");
const _standaloneserver = require("./support/standalone-server");
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
const ROOT = (0, _nodepath.resolve)(__dirname, '..', '..');
const SECONDS = Number(process.env.TELEMETRY_BENCH_SECONDS ?? 10);
const MQTT_SECONDS = Number(process.env.TELEMETRY_BENCH_MQTT_SECONDS ?? SECONDS);
const RSS_EVERY_SECONDS = Number(process.env.TELEMETRY_BENCH_RSS_EVERY_SECONDS ?? 10);
const CONNECTIONS = 64;
const DEVICES = Number(process.env.TELEMETRY_BENCH_DEVICES ?? 5000);
const BATCH = 100;
/** Unset: the server's embedded broker (on a free port). */ const MQTT_URL = process.env.MQTT_URL;
const MQTT_PUBLISHERS = Math.min(DEVICES, Number(process.env.TELEMETRY_BENCH_MQTT_CONNECTIONS ?? DEVICES));
/** QoS 1 messages each device connection keeps outstanding. */ const MQTT_IN_FLIGHT = Number(process.env.TELEMETRY_BENCH_MQTT_IN_FLIGHT ?? 2);
const CPU_PROF = process.env.TELEMETRY_BENCH_CPU_PROF;
const HEAP_SNAPSHOTS = process.env.TELEMETRY_BENCH_HEAP_SNAPSHOTS;
const TRIPS = 50;
const JWT_SECRET = 'bench-telemetry-secret-of-at-least-32-characters';
const VENUE = `bench-${process.pid}`;
const MiB = 2 ** 20;
const tokens = (0, _tokenservice.createTokenService)({
    secret: JWT_SECRET,
    production: false,
    logger: new _common.Logger('bench')
});
const quantile = (values, q)=>{
    const sorted = [
        ...values
    ].sort((a, b)=>a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const fmt = (n, digits = 0)=>n.toLocaleString('en-US', {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits
    });
const startServer = async ()=>{
    const mqttPort = await (0, _processstats.freePort)();
    const probeFile = (0, _nodepath.join)((0, _nodeos.tmpdir)(), `tessera-bench-telemetry-${process.pid}.probe.json`);
    const server = await (0, _standaloneserver.startBenchServer)({
        root: ROOT,
        script: 'dist/bench/support/telemetry-server.js',
        env: {
            JWT_SECRET,
            ...MQTT_URL ? {
                MQTT_URL
            } : {
                MQTT_PORT: String(mqttPort)
            },
            RATE_LIMIT_GLOBAL_PER_IP: '0',
            MEMORY_PROBE_FILE: probeFile,
            ...HEAP_SNAPSHOTS ? {
                MEMORY_PROBE_SNAPSHOT_DIR: HEAP_SNAPSHOTS
            } : {}
        },
        nodeArgs: [
            ...CPU_PROF ? [
                '--cpu-prof',
                `--cpu-prof-dir=${CPU_PROF}`
            ] : [],
            '--expose-gc',
            '-r',
            (0, _nodepath.join)(ROOT, 'dist/bench/support/memory-probe.js')
        ],
        // Ready once the read models have caught up and the broker is up.
        readyPath: '/health'
    });
    return {
        ...server,
        mqttUrl: MQTT_URL ?? `mqtt://127.0.0.1:${mqttPort}`,
        heap: (0, _heapprobe.heapProbe)(server.child, probeFile, HEAP_SNAPSHOTS ? 600_000 : 30_000)
    };
};
const runHttpPhase = (server, config)=>(0, _loadphase.runLoadPhase)({
        host: '127.0.0.1',
        port: Number(new URL(server.url).port),
        connections: CONNECTIONS,
        warmUpSeconds: 2,
        meanPauseMs: 0,
        ...config
    }, server.child.pid);
/** The server's RSS every RSS_EVERY_SECONDS, each sample with the leg it fell in. */ let RssSampler = class RssSampler {
    constructor(pid, counted){
        this.pid = pid;
        this.counted = counted;
        this.samples = [];
        this.leg = 'start-up';
        this.started = _nodeperf_hooks.performance.now();
        this.timer = setInterval(()=>void this.sample(), RSS_EVERY_SECONDS * 1000);
        void this.sample();
    }
    async sample() {
        const seconds = (_nodeperf_hooks.performance.now() - this.started) / 1000;
        const mib = (0, _processstats.rssBytesOf)(this.pid) / MiB;
        const readings = await this.counted().catch(()=>NaN);
        this.samples.push({
            seconds,
            leg: this.leg,
            mib,
            readings
        });
    }
    stop() {
        clearInterval(this.timer);
    }
    of(leg) {
        return this.samples.filter((sample)=>sample.leg === leg);
    }
};
/** Least-squares slope of RSS over time, in MiB per minute. */ const slopeMiBPerMinute = (samples)=>{
    if (samples.length < 2) return NaN;
    const n = samples.length;
    const meanT = samples.reduce((sum, s)=>sum + s.seconds, 0) / n;
    const meanM = samples.reduce((sum, s)=>sum + s.mib, 0) / n;
    const covariance = samples.reduce((sum, s)=>sum + (s.seconds - meanT) * (s.mib - meanM), 0);
    const variance = samples.reduce((sum, s)=>sum + (s.seconds - meanT) ** 2, 0);
    return covariance / variance * 60;
};
const readingsCounted = async (url, transport)=>{
    const text = await (await fetch(`${url}/metrics`)).text();
    return Number(new RegExp(`^tessera_device_readings_total\\{transport="${transport}"\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
};
/** Publishers keep MQTT_IN_FLIGHT QoS 1 messages outstanding each; the rate is what the server's rules counted in the window. */ const runMqttPhase = async (url, mqttUrl, devices, server, rss, heap)=>{
    const connecting = _nodeperf_hooks.performance.now();
    // Each publisher is a device, authenticated with its key, publishing on its own topic (the only one the broker lets it).
    const publishing = devices.slice(0, MQTT_PUBLISHERS);
    const publishers = [];
    for(let i = 0; i < publishing.length; i += 50){
        publishers.push(...await Promise.all(publishing.slice(i, i + 50).map(async ({ deviceId, deviceKey })=>({
                deviceId,
                client: await _mqtt.default.connectAsync(mqttUrl, {
                    clientId: deviceId,
                    username: deviceId,
                    password: deviceKey,
                    reconnectPeriod: 0
                })
            }))));
    }
    const connectSeconds = (_nodeperf_hooks.performance.now() - connecting) / 1000;
    let published = 0;
    let stop = false;
    const pump = async ({ client, deviceId })=>{
        const topic = (0, _contracts.telemetryTopic)(VENUE, 'sensor', deviceId);
        const lane = async ()=>{
            while(!stop){
                await client.publishAsync(topic, JSON.stringify({
                    status: 'online',
                    temperature: 25,
                    battery: 80,
                    at: new Date().toISOString()
                }), {
                    qos: 1
                });
                published++;
            }
        };
        await Promise.all(Array.from({
            length: MQTT_IN_FLIGHT
        }, lane));
    };
    const pumping = Promise.all(publishers.map(pump));
    await (0, _promises.setTimeout)(2000);
    // The heap after a full collection, while the publishers run: what is live, not what waits for GC.
    const heapAtStart = await heap();
    const before = await readingsCounted(url, 'mqtt');
    const cpuBefore = (0, _processstats.cpuMillisecondsOf)(server.pid);
    const started = _nodeperf_hooks.performance.now();
    rss.leg = 'MQTT';
    await rss.sample();
    await (0, _promises.setTimeout)(MQTT_SECONDS * 1000);
    await rss.sample();
    rss.leg = 'after MQTT';
    const after = await readingsCounted(url, 'mqtt');
    const heapAtEnd = await heap();
    const cpu = (0, _processstats.cpuMillisecondsOf)(server.pid) - cpuBefore;
    const elapsed = (_nodeperf_hooks.performance.now() - started) / 1000;
    stop = true;
    await pumping;
    await Promise.all(publishers.map(({ client })=>client.endAsync()));
    return {
        perSecond: (after - before) / elapsed,
        published,
        serverCpuUsPerReading: cpu * 1000 / Math.max(1, after - before),
        connectSeconds,
        heapAtStart,
        heapAtEnd
    };
};
const main = async ()=>{
    const loadBefore = (0, _nodeos.loadavg)();
    const server = await startServer();
    const rss = new RssSampler(server.child.pid, ()=>readingsCounted(server.url, 'mqtt'));
    try {
        const admin = (await tokens.issueAccessToken({
            userId: crypto.randomUUID(),
            roles: [
                'user',
                'admin',
                'staff'
            ]
        })).accessToken;
        const headers = {
            authorization: `Bearer ${admin}`,
            'content-type': 'application/json'
        };
        const marks = [
            [
                'started',
                (0, _processstats.rssBytesOf)(server.child.pid) / MiB
            ]
        ];
        const mark = (when)=>marks.push([
                when,
                (0, _processstats.rssBytesOf)(server.child.pid) / MiB
            ]);
        // Devices: the sensors, and 50 POS terminals at a venue of their own that trip the temperature rule.
        rss.leg = 'registering';
        const devices = [];
        const register = async (deviceId, type, venueId = VENUE)=>{
            const res = await fetch(`${server.url}/api/devices`, {
                method: 'POST',
                headers,
                body: JSON.stringify({
                    deviceId,
                    venueId,
                    type,
                    name: deviceId
                })
            });
            if (res.status !== 201) throw new Error(`registering ${deviceId}: ${res.status}`);
            return {
                deviceId,
                deviceKey: (await res.json()).deviceKey
            };
        };
        for(let i = 0; i < DEVICES; i += 50)devices.push(...await Promise.all(Array.from({
            length: Math.min(50, DEVICES - i)
        }, (_, j)=>register(`sensor-${i + j}`, 'sensor'))));
        const trippers = await Promise.all(Array.from({
            length: TRIPS
        }, (_, i)=>register(`pos-${i}`, 'pos', `${VENUE}-trip`)));
        const rules = await (await fetch(`${server.url}/api/ops/rules`, {
            headers
        })).json();
        const instant = rules.rules.map((rule)=>rule.ruleId === 'temperature-high' ? {
                ...rule,
                raiseAfterSeconds: 0
            } : rule);
        await fetch(`${server.url}/api/ops/rules`, {
            method: 'PUT',
            headers,
            body: JSON.stringify({
                rules: instant
            })
        });
        mark('devices registered');
        console.log('bare route…');
        rss.leg = 'HTTP';
        const bare = await runHttpPhase(server, {
            seconds: SECONDS,
            request: {
                method: 'GET',
                path: '/health/live'
            }
        });
        console.log(`  ${fmt(bare.perSecond)} req/s, p99 ${fmt(bare.p99, 1)} ms`);
        console.log(`HTTP batches of ${BATCH}…`);
        const http = await runHttpPhase(server, {
            seconds: SECONDS,
            request: {
                method: 'POST',
                path: '/'
            },
            telemetry: {
                devices,
                batch: BATCH
            }
        });
        console.log(`  ${fmt(http.perSecond * BATCH)} readings/s (${fmt(http.perSecond)} req/s), p99 ${fmt(http.p99, 1)} ms, non-2xx ${http.non2xx}`);
        mark('after HTTP');
        console.log(`MQTT, ${fmt(MQTT_PUBLISHERS)} devices for ${MQTT_SECONDS} s…`);
        rss.leg = 'connecting';
        const overMqtt = await runMqttPhase(server.url, server.mqttUrl, devices, server.child, rss, server.heap);
        console.log(`  ${fmt(overMqtt.perSecond)} readings/s through the rules (${fmt(overMqtt.published)} published)`);
        // What the broker still holds for the ingest drains before the next leg measures anything.
        for(let last = -1, until = Date.now() + 120_000; Date.now() < until;){
            const counted = await readingsCounted(server.url, 'mqtt');
            if (counted === last) break;
            last = counted;
            await (0, _promises.setTimeout)(1000);
        }
        mark('after MQTT');
        console.log('trip to visible…');
        rss.leg = 'trips';
        const latencies = [];
        for (const device of trippers){
            const sent = _nodeperf_hooks.performance.now();
            const res = await fetch(`${server.url}/api/devices/${device.deviceId}/telemetry`, {
                method: 'POST',
                headers: {
                    'content-type': 'application/json',
                    'x-device-key': device.deviceKey
                },
                body: JSON.stringify({
                    status: 'online',
                    temperature: 95,
                    at: new Date().toISOString()
                })
            });
            if (res.status !== 202) throw new Error(`trip: ${res.status}`);
            for(;;){
                const recent = await (await fetch(`${server.url}/api/incidents/recent?limit=20`, {
                    headers
                })).json();
                if (recent.items.some((item)=>item.deviceId === device.deviceId)) break;
                if (_nodeperf_hooks.performance.now() - sent > 10_000) throw new Error('a raise did not become visible in 10 s');
                await (0, _promises.setTimeout)(2);
            }
            latencies.push(_nodeperf_hooks.performance.now() - sent);
        }
        console.log(`  p50 ${fmt(quantile(latencies, 0.5), 1)} ms, p99 ${fmt(quantile(latencies, 0.99), 1)} ms`);
        rss.stop();
        // The soak: RSS over the MQTT window, and the readings counted between samples.
        const soak = rss.of('MQTT');
        const firstMinute = soak.filter((sample)=>sample.seconds - soak[0].seconds <= 60);
        const afterFirstMinute = soak.filter((sample)=>sample.seconds - soak[0].seconds >= 60);
        // Between samples at least half a period apart (the window's own last sample may fall just after a timed one).
        const rates = soak.slice(1).flatMap((sample, i)=>sample.seconds - soak[i].seconds >= RSS_EVERY_SECONDS / 2 ? [
                (sample.readings - soak[i].readings) / (sample.seconds - soak[i].seconds)
            ] : []);
        const soakMiB = soak.map((sample)=>sample.mib);
        const slope = slopeMiBPerMinute(afterFirstMinute);
        const flat = afterFirstMinute.length >= 3 && Math.abs(slope) <= 1;
        const lines = [
            '## bench:telemetry',
            '',
            `Run ${new Date().toISOString()} on ${(0, _nodeos.cpus)().length} cores (load average before: ${loadBefore.map((n)=>n.toFixed(2)).join(' ')}; after: ${(0, _nodeos.loadavg)().map((n)=>n.toFixed(2)).join(' ')}), HTTP windows of ${SECONDS} s, the MQTT window ${MQTT_SECONDS} s. Command: \`${[
                `TELEMETRY_BENCH_DEVICES=${DEVICES}`,
                `TELEMETRY_BENCH_MQTT_SECONDS=${MQTT_SECONDS}`,
                `TELEMETRY_BENCH_SECONDS=${SECONDS}`
            ].join(' ')} node dist/bench/telemetry.bench.js\` (after \`npm run build\`). The standalone server (embedded log and read store) in its own process, its MQTT ingest on ${MQTT_URL ? `the broker at ${MQTT_URL}` : 'the embedded broker'} (bench/support/telemetry-server.ts, wired as \`npm start\` wires it); HTTP load from bench/support/closed-loop-load.ts (${CONNECTIONS} keep-alive connections, a third process); MQTT publishers (${fmt(MQTT_PUBLISHERS)} device connections, each with its id and key, ${MQTT_IN_FLIGHT} QoS 1 messages in flight each) in the bench process, on the same cores as the server${CPU_PROF ? ', the server under --cpu-prof (slower)' : ''}. ${fmt(DEVICES)} devices, default rules. The machine is shared with other sessions: the figures are of this run only.`,
            '',
            '| Leg | Figure | Target |',
            '|---|---|---|',
            `| Bare route \`GET /health/live\` | ${fmt(bare.perSecond)} req/s, p99 ${fmt(bare.p99, 1)} ms | baseline |`,
            `| HTTP batches of ${BATCH} | ${fmt(http.perSecond * BATCH)} readings/s (${fmt(http.perSecond)} req/s, ${fmt(http.perSecond * BATCH / Math.max(1, bare.perSecond), 2)}× the bare route's requests), p99 ${fmt(http.p99, 1)} ms, server CPU ${fmt(http.serverCpuMsPerRequest / BATCH * 1000, 1)} µs/reading, non-2xx ${http.non2xx} | ≥ 20,000/s |`,
            `| MQTT, one reading a message, ${fmt(MQTT_PUBLISHERS)} devices publishing, ${MQTT_SECONDS} s | ${fmt(overMqtt.perSecond)} readings/s through the rules (${fmt(overMqtt.perSecond / Math.max(1, bare.perSecond), 2)}× the bare route's requests; ${fmt(overMqtt.published)} published; every ${RSS_EVERY_SECONDS} s between ${fmt(Math.min(...rates))} and ${fmt(Math.max(...rates))}/s), server CPU ${fmt(overMqtt.serverCpuUsPerReading, 1)} µs/reading; the ${fmt(MQTT_PUBLISHERS)} connections took ${fmt(overMqtt.connectSeconds, 1)} s to open | ≥ 10,000/s with 5,000 devices |`,
            `| Trip → visible (raise-after 0, ${TRIPS} trips over HTTP, until the incident is in \`GET /api/incidents/recent\`) | p50 ${fmt(quantile(latencies, 0.5), 1)} ms, p99 ${fmt(quantile(latencies, 0.99), 1)} ms | p99 ≤ 500 ms |`,
            `| Server RSS over the MQTT window (sampled every ${RSS_EVERY_SECONDS} s) | ${fmt(soakMiB[0])} MiB at its start, ${fmt(Math.max(...firstMinute.map((x)=>x.mib)))} MiB at most in its first minute, then ${afterFirstMinute.length > 0 ? `${fmt(Math.min(...afterFirstMinute.map((x)=>x.mib)))}–${fmt(Math.max(...afterFirstMinute.map((x)=>x.mib)))} MiB, ${fmt(soakMiB[soakMiB.length - 1])} MiB at its end; least-squares slope after the first minute ${fmt(slope, 2)} MiB/min` : 'nothing (the window is shorter than a minute)'} | flat: ${flat ? 'met (|slope| ≤ 1 MiB/min)' : 'MISSED or not measured (|slope| > 1 MiB/min, or under 3 samples after the first minute)'} |`,
            `| Server heap after a full collection, at the start and the end of the MQTT window | ${fmt(overMqtt.heapAtStart.memory.heapUsed / MiB)} → ${fmt(overMqtt.heapAtEnd.memory.heapUsed / MiB)} MiB used (external ${fmt(overMqtt.heapAtStart.memory.external / MiB)} → ${fmt(overMqtt.heapAtEnd.memory.external / MiB)} MiB) | |`,
            `| Server RSS at the legs' ends | ${marks.map(([when, mib])=>`${when} ${fmt(mib)} MiB`).join(', ')} | |`,
            '',
            `RSS samples (MiB, every ${RSS_EVERY_SECONDS} s from start-up, by leg): ${[
                ...new Set(rss.samples.map((sample)=>sample.leg))
            ].map((leg)=>`${leg}: ${rss.of(leg).map((sample)=>fmt(sample.mib)).join(' ')}`).join('; ')}.`,
            ''
        ].join('\n');
        console.log(`\n${lines}`);
        if (!process.env.TELEMETRY_BENCH_NO_WRITE) (0, _resultsfile.writeResultsSection)((0, _nodepath.join)(ROOT, 'bench/RESULTS.md'), lines);
    } finally{
        rss.stop();
        await server.dispose();
    }
};
main().catch((error)=>{
    console.error(error);
    process.exit(1);
});

//# sourceMappingURL=telemetry.bench.js.map
/**
 * A closed-loop HTTP/1.1 load generator for the benchmarks, run as its own process so that its
 * work never shares an event loop with the server or with the benchmark that reads its figures:
 *   node dist/bench/support/closed-loop-load.js '<LoadConfig as JSON>'
 * It prints `measuring` when the measured window opens, `measured` when it closes, and then one
 * line `result <LoadResult as JSON>`.
 *
 * Each connection sends a request, waits for the whole answer, optionally pauses (a think time
 * drawn from an exponential distribution), and sends the next. Connections are opened and warmed
 * up before the window opens, and the figures count only requests sent inside the window: the
 * latency of a request on an established connection. The first answer on each new connection is
 * reported apart (`firstAnswer`), because it also holds the wait for the server to accept the
 * connection, which Node (libuv ≥ 1.45 accepts one connection per event-loop turn) makes long
 * for a busy server.
 *
 * Why not wrk: wrk times the first request of a connection from the moment it writes it, so that
 * accept wait lands in the histogram, and it then applies a coordinated-omission correction that
 * adds, for every sample longer than twice the mean interval, synthetic samples down to it. A
 * 1-second first request becomes some forty samples. On this project's 2-core machine a bare
 * Node server spending 0.35 ms per request reads p99 ≈ 490 ms under wrk, while the server saw
 * every connection's next request within 59 ms of its last answer and this generator reads p99
 * ≈ 33 ms (bench/RESULTS.md, "How latency is measured").
 */ "use strict";
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
    get AnswerParser () {
        return AnswerParser;
    },
    get runLoad () {
        return runLoad;
    }
});
const _nodefs = require("node:fs");
const _nodenet = require("node:net");
const _nodeperf_hooks = require("node:perf_hooks");
const quantile = (sorted, q)=>sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
let AnswerParser = class AnswerParser {
    /** Feeds bytes; returns the status codes of the answers they completed. */ push(chunk) {
        this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([
            this.buffer,
            chunk
        ]);
        const statuses = [];
        for(;;){
            const headEnd = this.buffer.indexOf('\r\n\r\n');
            if (headEnd === -1) return statuses;
            const head = this.buffer.subarray(0, headEnd).toString('latin1');
            const status = /^HTTP\/1\.[01] (\d{3})/.exec(head);
            if (!status) throw new Error(`not an HTTP/1.1 answer: ${JSON.stringify(head.slice(0, 40))}`);
            if (/\r\ntransfer-encoding:/i.test(head)) throw new Error('chunked answers are not supported');
            const length = /\r\ncontent-length: *(\d+)/i.exec(head);
            const bodyLength = length ? Number(length[1]) : 0;
            const end = headEnd + 4 + bodyLength;
            if (this.buffer.length < end) return statuses;
            statuses.push(Number(status[1]));
            this.buffer = this.buffer.subarray(end);
        }
    }
    constructor(){
        this.buffer = Buffer.alloc(0);
    }
};
const runLoad = (config, log = ()=>undefined)=>new Promise((resolve, reject)=>{
        const started = _nodeperf_hooks.performance.now();
        const windowStart = started + config.warmUpSeconds * 1000;
        const windowEnd = windowStart + config.seconds * 1000;
        const latencies = [];
        const firstAnswers = [];
        const statuses = new Map();
        let nextSeat = config.seats?.firstSeat ?? 0;
        let socketErrors = 0;
        let protocolError;
        let open = config.connections;
        let cpuAtWindowStart;
        let cpuInWindow;
        const headers = Object.entries(config.request.headers ?? {}).map(([name, value])=>`${name}: ${value}\r\n`).join('');
        let nextDevice = 0;
        const telemetryBytes = ({ devices, batch })=>{
            const { deviceId, deviceKey } = devices[nextDevice++ % devices.length];
            const at = new Date().toISOString();
            const readings = Array.from({
                length: batch
            }, (_, i)=>({
                    status: 'online',
                    temperature: 30 + i % 7,
                    battery: 90,
                    errorRate: 0,
                    at
                }));
            const body = JSON.stringify(batch === 1 ? readings[0] : readings);
            return Buffer.from(`POST /api/devices/${deviceId}/telemetry HTTP/1.1\r\nHost: ${config.host}\r\n${headers}X-Device-Key: ${deviceKey}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        };
        const requestBytes = ()=>{
            if (config.telemetry) return telemetryBytes(config.telemetry);
            const { seats } = config;
            if (!seats) return Buffer.from(`${config.request.method} ${config.request.path} HTTP/1.1\r\nHost: ${config.host}\r\n${headers}\r\n`);
            const k = nextSeat++;
            const perSection = seats.rowsPerSection * seats.seatsPerRow;
            const seat = `S${Math.floor(k / perSection) + 1}-${Math.floor(k % perSection / seats.seatsPerRow) + 1}-${k % seats.seatsPerRow + 1}`;
            const body = JSON.stringify({
                showId: seats.showId,
                seats: [
                    seat
                ]
            });
            return Buffer.from(`POST ${config.request.path} HTTP/1.1\r\nHost: ${config.host}\r\n${headers}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        };
        let windowEndTimer;
        const windowTimer = setTimeout(()=>{
            cpuAtWindowStart = process.cpuUsage();
            log('measuring');
            windowEndTimer = setTimeout(()=>{
                cpuInWindow = process.cpuUsage(cpuAtWindowStart);
                log('measured');
            }, config.seconds * 1000);
        }, Math.max(0, windowStart - _nodeperf_hooks.performance.now()));
        const finish = ()=>{
            clearTimeout(windowTimer);
            clearTimeout(windowEndTimer);
            const sorted = Float64Array.from(latencies).sort();
            const firsts = Float64Array.from(firstAnswers).sort();
            const cpu = cpuInWindow ?? process.cpuUsage(cpuAtWindowStart);
            let non2xx = 0;
            for (const [status, count] of statuses)if (status < 200 || status > 299) non2xx += count;
            resolve({
                requests: latencies.length,
                seconds: config.seconds,
                perSecond: latencies.length / config.seconds,
                p50: quantile(sorted, 0.5),
                p90: quantile(sorted, 0.9),
                p99: quantile(sorted, 0.99),
                max: sorted.length ? sorted[sorted.length - 1] : NaN,
                statuses: Object.fromEntries([
                    ...statuses
                ].map(([status, count])=>[
                        String(status),
                        count
                    ])),
                non2xx,
                socketErrors,
                protocolError,
                firstAnswer: {
                    p50: quantile(firsts, 0.5),
                    max: firsts.length ? firsts[firsts.length - 1] : NaN
                },
                seatsUsed: nextSeat - (config.seats?.firstSeat ?? 0),
                generatorCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length)
            });
        };
        const closed = ()=>{
            if (--open === 0) finish();
        };
        const openConnection = ()=>{
            const connectedAt = _nodeperf_hooks.performance.now();
            const socket = (0, _nodenet.connect)({
                host: config.host,
                port: config.port,
                noDelay: true
            });
            const parser = new AnswerParser();
            let sentAt = connectedAt;
            let first = true;
            let outstanding = true; // the connection itself, until its first answer
            let pause;
            const send = ()=>{
                pause = undefined;
                if (_nodeperf_hooks.performance.now() >= windowEnd) {
                    socket.end();
                    return;
                }
                if (!first) sentAt = _nodeperf_hooks.performance.now();
                outstanding = true;
                socket.write(requestBytes());
            };
            socket.once('connect', send);
            socket.on('data', (chunk)=>{
                let answered;
                try {
                    answered = parser.push(chunk);
                } catch (error) {
                    protocolError ??= error.message;
                    socket.destroy();
                    return;
                }
                for (const status of answered){
                    const now = _nodeperf_hooks.performance.now();
                    outstanding = false;
                    if (first) {
                        first = false;
                        firstAnswers.push(now - connectedAt);
                    } else if (sentAt >= windowStart && sentAt < windowEnd) {
                        latencies.push(now - sentAt);
                        statuses.set(status, (statuses.get(status) ?? 0) + 1);
                    }
                    if (config.meanPauseMs > 0) pause = setTimeout(send, -config.meanPauseMs * Math.log(1 - Math.random()));
                    else send();
                }
            });
            socket.on('error', ()=>undefined); // counted on close
            socket.once('close', ()=>{
                if (pause) clearTimeout(pause);
                if (outstanding) socketErrors++;
                closed();
            });
        };
        for(let i = 0; i < config.connections; i++)openConnection();
        // A server that stops answering must not hang the benchmark.
        setTimeout(()=>reject(new Error('load generator: answers still outstanding 30 s after the window closed')), windowEnd - started + 30_000).unref();
    });
if (require.main === module) {
    // `@file`: the config is in a file (a telemetry config lists thousands of device keys, past the size of one argument).
    const argument = process.argv[2] ?? '';
    const config = JSON.parse(argument.startsWith('@') ? (0, _nodefs.readFileSync)(argument.slice(1), 'utf8') : argument);
    runLoad(config, (line)=>process.stdout.write(`${line}\n`)).then((result)=>{
        process.stdout.write(`result ${JSON.stringify(result)}\n`);
        process.exit(0);
    }, (error)=>{
        process.stderr.write(`${error.message}\n`);
        process.exit(1);
    });
}

//# sourceMappingURL=closed-loop-load.js.map
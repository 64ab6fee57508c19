/**
 * Live-stream clients for bench:feeds, run as their own process so that their parsing never
 * shares an event loop with the server or with the benchmark:
 *   node dist/bench/support/sse-clients.js      (first line on stdin: SseClientsConfig as JSON;
 *                                                a thousand tokens are too long for an argument)
 * It opens one GET /api/notifications/stream per token (raw node:http, no agent), prints
 * `connected` once every stream is open, then waits for `measure <seconds>` on stdin: for that
 * window it counts the messages every client receives and, for each, the delay from the event's
 * `occurredAt` (stamped by the server when the hold's command started, just before its append)
 * to its receipt here; then it prints `result <SseClientsResult as JSON>` and exits.
 * The delay is read without parsing the JSON: the `occurredAt` field of each whole message is found by its key.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _nodehttp = require("node:http");
const _nodereadline = require("node:readline");
const KEY = '"occurredAt":"';
const main = async ()=>{
    const lines = (0, _nodereadline.createInterface)({
        input: process.stdin
    })[Symbol.asyncIterator]();
    const first = await lines.next();
    const config = JSON.parse(String(first.value));
    let measuring = false;
    let messages = 0;
    let dropped = 0;
    const delays = [];
    const onText = (text)=>{
        if (!measuring) return;
        const now = Date.now();
        let at = 0;
        for(;;){
            const found = text.indexOf(KEY, at);
            if (found === -1) break;
            const start = found + KEY.length;
            const occurredAt = Date.parse(text.slice(start, start + 24));
            messages += 1;
            delays.push(now - occurredAt);
            at = start;
        }
    };
    const open = (token)=>new Promise((resolve, reject)=>{
            const req = (0, _nodehttp.request)(`${config.url}/api/notifications/stream?token=${encodeURIComponent(token)}${config.query ?? ''}`, {
                agent: false,
                headers: {
                    accept: 'text/event-stream'
                }
            }, (res)=>{
                if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
                res.setEncoding('utf8');
                // Whole messages only: a chunk may end inside one, whose rest comes with the next.
                let carry = '';
                res.on('data', (chunk)=>{
                    const text = carry + chunk;
                    const end = text.lastIndexOf('\n\n');
                    if (end === -1) {
                        carry = text;
                        return;
                    }
                    carry = text.slice(end + 2);
                    onText(text.slice(0, end));
                });
                res.once('close', ()=>dropped += 1);
                resolve();
            });
            req.on('error', reject);
            req.end();
        });
    // A few at a time: Node accepts one connection per event-loop turn.
    for(let i = 0; i < config.tokens.length; i += 50)await Promise.all(config.tokens.slice(i, i + 50).map(open));
    process.stdout.write('connected\n');
    for(let next = await lines.next(); !next.done; next = await lines.next()){
        const line = String(next.value);
        const match = /^measure ([\d.]+)$/.exec(line);
        if (!match) continue;
        const seconds = Number(match[1]);
        dropped = 0;
        const cpuBefore = process.cpuUsage();
        measuring = true;
        await new Promise((resolve)=>setTimeout(resolve, seconds * 1000));
        measuring = false;
        const cpu = process.cpuUsage(cpuBefore);
        const sorted = Float64Array.from(delays).sort();
        const q = (p)=>sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
        const result = {
            clients: config.tokens.length,
            seconds,
            messages,
            messagesPerSecond: messages / seconds,
            p50: q(0.5),
            p99: q(0.99),
            max: sorted.length === 0 ? NaN : sorted[sorted.length - 1],
            dropped,
            cpuMs: (cpu.user + cpu.system) / 1000
        };
        process.stdout.write(`result ${JSON.stringify(result)}\n`);
        process.exit(0);
    }
};
main().catch((error)=>{
    console.error(error);
    process.exit(1);
});

//# sourceMappingURL=sse-clients.js.map
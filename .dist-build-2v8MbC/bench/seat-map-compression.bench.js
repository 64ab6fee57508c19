/**
 * bench:seat-map-compression — serving the seat map of a 100,000-seat show compressed, from the
 * cache of compressed bytes (PrecompressedBody, as the query API does) against compressing the
 * same cached JSON on every request (the compression plugin alone, as before).
 *   npm run bench:seat-map-compression    (builds with swc, then runs dist/bench/…)
 * Both legs run on one Fastify server behind the edge's compression plugin (@fastify/compress), with the JSON
 * rendered by the query API's own SeatMapCache. Requests are sequential, on one keep-alive
 * connection, and the client reads the raw bytes (no decompression), so the figures are the
 * server's: wall time per request, and process CPU per request (zlib's thread pool included).
 * Set SEAT_MAP_BENCH_REQUESTS to change the requests per leg (default 30). Prints; writes nothing.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _nodehttp = require("node:http");
const _nodeperf_hooks = require("node:perf_hooks");
const _compress = /*#__PURE__*/ _interop_require_default(require("@fastify/compress"));
const _fastify = /*#__PURE__*/ _interop_require_default(require("fastify"));
const _precompressed = require("../libs/platform/src/http/precompressed");
const _seatmaprenderer = require("../apps/query-api/src/shows/seat-map/seat-map-renderer");
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
const REQUESTS = Number(process.env.SEAT_MAP_BENCH_REQUESTS ?? 30);
/** 100 sections of 10 rows of 100 seats. */ const SECTIONS = 100;
const ROWS = 10;
const SEATS_PER_ROW = 100;
const sections = Array.from({
    length: SECTIONS
}, (_, s)=>({
        _id: `bench:S${s}`,
        _position: 1,
        showId: 'bench',
        sectionId: `S${s}`,
        categoryId: s % 2 ? 'std' : 'vip',
        rows: Array.from({
            length: ROWS
        }, (_, r)=>({
                label: String(r + 1),
                seats: SEATS_PER_ROW,
                offset: r * SEATS_PER_ROW
            })),
        // Some seats sold and held, so the JSON is not one repeated pattern.
        status: Array.from({
            length: ROWS * SEATS_PER_ROW
        }, (_, i)=>(i * 7 + s) % 11 === 0 ? 's' : (i * 5 + s) % 13 === 0 ? 'h' : 'a').join(''),
        capacity: ROWS * SEATS_PER_ROW,
        available: 0
    }));
const cache = new _seatmaprenderer.SeatMapCache();
const rendered = ()=>cache.response('bench', sections, '*');
const serve = async (req, res)=>{
    const { body } = rendered();
    res.type('application/json');
    if (req.url === '/per-request') {
        await res.send(body.identity);
        return;
    }
    const coding = body.codingFor((0, _precompressed.negotiateCoding)(req.headers['accept-encoding']));
    const bytes = await body.encoded(coding);
    if (coding !== 'identity') res.header('Content-Encoding', coding);
    await res.send(bytes);
};
const get = (agent, port, path, coding)=>new Promise((resolve, reject)=>{
        (0, _nodehttp.request)({
            host: '127.0.0.1',
            port,
            path,
            agent,
            headers: {
                'accept-encoding': coding
            }
        }, (res)=>{
            let bytes = 0;
            if (res.headers['content-encoding'] !== coding) reject(new Error(`${path} answered ${res.headers['content-encoding']} for ${coding}`));
            res.on('data', (chunk)=>bytes += chunk.length);
            res.on('end', ()=>resolve(bytes));
        }).on('error', reject).end();
    });
const leg = async (agent, port, path, coding)=>{
    await get(agent, port, path, coding); // warm-up (and, for the cache, the one compression)
    const cpu = process.cpuUsage();
    const start = _nodeperf_hooks.performance.now();
    let bytes = 0;
    for(let i = 0; i < REQUESTS; i++)bytes = await get(agent, port, path, coding);
    const wallMs = (_nodeperf_hooks.performance.now() - start) / REQUESTS;
    const used = process.cpuUsage(cpu);
    return {
        wallMs,
        cpuMs: (used.user + used.system) / 1000 / REQUESTS,
        bytes
    };
};
const main = async ()=>{
    const app = (0, _fastify.default)({
        logger: false
    });
    await app.register(_compress.default, {
        threshold: _precompressed.COMPRESSION_THRESHOLD_BYTES,
        globalDecompression: false
    });
    app.get('/per-request', serve);
    app.get('/cached', serve);
    await app.listen({
        port: 0,
        host: '127.0.0.1'
    });
    const { port } = app.server.address();
    const agent = new _nodehttp.Agent({
        keepAlive: true,
        maxSockets: 1
    });
    const json = rendered().body.identity.length;
    console.log(`seat map: ${SECTIONS * ROWS * SEATS_PER_ROW} seats, ${(json / 1e6).toFixed(1)} MB of JSON; ${REQUESTS} requests a leg`);
    for (const coding of [
        'gzip',
        'br'
    ]){
        // What a new version of the map costs once, in zlib's thread pool, before the cache serves it.
        const once = _nodeperf_hooks.performance.now();
        await new _precompressed.PrecompressedBody(rendered().body.identity).encoded(coding);
        console.log(`${coding}: compressing one version into the cache: ${(_nodeperf_hooks.performance.now() - once).toFixed(0)} ms`);
        const perRequest = await leg(agent, port, '/per-request', coding);
        const cached = await leg(agent, port, '/cached', coding);
        const line = (name, r)=>`  ${name.padEnd(22)} ${r.wallMs.toFixed(2).padStart(8)} ms wall ${r.cpuMs.toFixed(2).padStart(8)} ms CPU ${(r.bytes / 1e3).toFixed(0).padStart(6)} kB`;
        console.log(line('compressed per request', perRequest));
        console.log(line('compressed from cache', cached));
        console.log(`  ratio per-request / cache: wall ×${(perRequest.wallMs / cached.wallMs).toFixed(1)}, CPU ×${(perRequest.cpuMs / cached.cpuMs).toFixed(1)}`);
    }
    agent.destroy();
    await app.close();
};
void main();

//# sourceMappingURL=seat-map-compression.bench.js.map
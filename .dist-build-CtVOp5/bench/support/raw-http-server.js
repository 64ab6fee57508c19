/**
 * The baseline of bench:holds: the smallest JSON GET plain node:http can answer, in a process of
 * its own, so that every figure of the framework's routes can be read as a multiple of it.
 *   PORT=… HOST=127.0.0.1 node dist/bench/support/raw-http-server.js
 * GET /health/live answers `{"status":"ok"}` as the framework's bare route does; anything else 404.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _nodehttp = require("node:http");
const BODY = Buffer.from(JSON.stringify({
    status: 'ok'
}));
const server = (0, _nodehttp.createServer)((req, res)=>{
    if (req.method === 'GET' && req.url === '/health/live') {
        res.writeHead(200, {
            'content-type': 'application/json; charset=utf-8',
            'content-length': BODY.length
        });
        res.end(BODY);
        return;
    }
    res.writeHead(404, {
        'content-length': 0
    });
    res.end();
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', ()=>server.close(()=>process.exit(0)));

//# sourceMappingURL=raw-http-server.js.map
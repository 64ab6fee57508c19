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
    get closeEventStreamsOnShutdown () {
        return closeEventStreamsOnShutdown;
    },
    get formatEvent () {
        return formatEvent;
    },
    get openEventStream () {
        return openEventStream;
    }
});
const HEARTBEAT_MS = 15_000;
/** The open streams of each server (by its http.Server: every Fastify context of an app shares it), ended by its preClose hook. */ const openStreams = new WeakMap();
const closeEventStreamsOnShutdown = (fastify)=>{
    const streams = new Set();
    openStreams.set(fastify.server, streams);
    fastify.addHook('preClose', (done)=>{
        for (const stream of [
            ...streams
        ])stream.close();
        done();
    });
};
const field = (name, value)=>{
    if (/[\r\n]/.test(value)) throw new Error(`an event ${name} cannot hold a line break`);
    return `${name}: ${value}\n`;
};
const formatEvent = ({ data, event, id })=>`${id !== undefined ? field('id', id) : ''}${event !== undefined ? field('event', event) : ''}${data.split(/\r\n|\r|\n/).map((line)=>`data: ${line}\n`).join('')}\n`;
const openEventStream = (reply, options = {})=>{
    reply.hijack();
    const raw = reply.raw;
    const headers = {};
    for (const [name, value] of Object.entries(reply.getHeaders()))if (value !== undefined) headers[name] = value;
    delete headers['content-length'];
    delete headers['content-encoding'];
    // Neither a length nor chunks: Node answers `Connection: close` and the body ends with the connection.
    raw.useChunkedEncodingByDefault = false;
    raw.shouldKeepAlive = false;
    raw.writeHead(200, {
        ...headers,
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        // nginx (and the gateway) would otherwise buffer the stream.
        'x-accel-buffering': 'no'
    });
    const socket = raw.socket;
    socket?.setNoDelay(true);
    // The headers go with the first write; everything after it is body bytes, straight to the socket.
    raw.write(options.retryMs !== undefined ? `retry: ${options.retryMs}\n\n` : ': stream open\n\n');
    const listeners = [];
    const registry = openStreams.get(reply.server.server);
    let closed = false;
    const write = (frames)=>closed || !socket || socket.destroyed ? false : socket.write(frames);
    const heartbeat = setInterval(()=>write(': heartbeat\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
    heartbeat.unref();
    const stream = {
        get closed () {
            return closed;
        },
        get pendingBytes () {
            return raw.writableLength;
        },
        send: (event)=>write(formatEvent(event)),
        write,
        writeTogether: (writes)=>{
            socket?.cork();
            try {
                writes();
            } finally{
                socket?.uncork();
            }
        },
        drained: ()=>new Promise((resolve)=>{
                if (closed || !socket || !socket.writableNeedDrain) return resolve();
                const done = ()=>{
                    socket.off('drain', done);
                    raw.off('close', done);
                    resolve();
                };
                socket.on('drain', done);
                raw.on('close', done);
            }),
        onClose: (listener)=>closed ? listener() : void listeners.push(listener),
        close: ()=>{
            if (!raw.writableEnded) raw.end();
            socket?.destroySoon();
        }
    };
    registry?.add(stream);
    raw.once('close', ()=>{
        closed = true;
        clearInterval(heartbeat);
        registry?.delete(stream);
        // A client that went away may leave its half of the connection open: nothing more is sent on it.
        socket?.destroy();
        for (const listener of listeners.splice(0))listener();
    });
    return stream;
};

//# sourceMappingURL=event-stream.js.map
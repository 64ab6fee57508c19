import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Server-sent events (text/event-stream) on the Fastify edge, for the notifier's live feeds. The
 * reply is hijacked: Fastify's onSend hooks (compression) never see it and nothing buffers it, each
 * event is written to the socket as it is sent. The headers the request hooks already set (the
 * correlation id, helmet's, CORS) are kept. A heartbeat comment keeps idle proxies from closing
 * the stream; the stream ends when the client goes away, when `close()` is called, or when the
 * server stops (a stream never finishes by itself, so the server's graceful close would wait for
 * it until the connection timed out).
 *
 * The connection goes with the stream (`Connection: close`), so its body is delimited by the close
 * (RFC 9112 §6.3), not chunked: after the headers every write goes to the socket as it is. A feed
 * that writes one buffer to a thousand clients then costs one socket write each, without Node's
 * chunk framing and its cork and uncork on the next tick per response write (bench:feeds profile).
 */
export interface ServerSentEvent {
  data: string;
  event?: string;
  id?: string;
}

export interface EventStream {
  /** Writes one event; false when the socket's buffer is full (wait for `drained()` before the next). */
  send(event: ServerSentEvent): boolean;
  /**
   * Writes events already formatted (`formatEvent`): a feed that sends one event to many clients
   * formats it once. False when the socket's buffer is full, as `send`.
   */
  write(frames: string | Buffer): boolean;
  /** Several writes that reach the socket as one. */
  writeTogether(write: () => void): void;
  /** Bytes written and not yet taken by the kernel. */
  readonly pendingBytes: number;
  /** Resolves when the socket can take more, or the stream has ended. */
  drained(): Promise<void>;
  /** Runs once when the stream ends, whoever ended it. */
  onClose(listener: () => void): void;
  readonly closed: boolean;
  close(): void;
}

const HEARTBEAT_MS = 15_000;

/** The open streams of each server (by its http.Server: every Fastify context of an app shares it), ended by its preClose hook. */
const openStreams = new WeakMap<object, Set<EventStream>>();

/** Ends every open event stream when the server stops; installed by the edge (applyTransportRules). */
export const closeEventStreamsOnShutdown = (fastify: FastifyInstance): void => {
  const streams = new Set<EventStream>();
  openStreams.set(fastify.server, streams);
  fastify.addHook('preClose', (done) => {
    for (const stream of [...streams]) stream.close();
    done();
  });
};

const field = (name: string, value: string): string => {
  if (/[\r\n]/.test(value)) throw new Error(`an event ${name} cannot hold a line break`);
  return `${name}: ${value}\n`;
};

/** One event as the wire format spells it: a `data:` line per line of data, then a blank line. */
export const formatEvent = ({ data, event, id }: ServerSentEvent): string =>
  `${id !== undefined ? field('id', id) : ''}${event !== undefined ? field('event', event) : ''}${data
    .split(/\r\n|\r|\n/)
    .map((line) => `data: ${line}\n`)
    .join('')}\n`;

export const openEventStream = (reply: FastifyReply, options: { heartbeatMs?: number; retryMs?: number } = {}): EventStream => {
  reply.hijack();
  const raw = reply.raw;
  const headers: Record<string, string | number | string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) headers[name] = value as string | number | string[];
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
    'x-accel-buffering': 'no',
  });
  const socket = raw.socket;
  socket?.setNoDelay(true);
  // The headers go with the first write; everything after it is body bytes, straight to the socket.
  raw.write(options.retryMs !== undefined ? `retry: ${options.retryMs}\n\n` : ': stream open\n\n');
  const listeners: (() => void)[] = [];
  const registry = openStreams.get(reply.server.server);
  let closed = false;
  const write = (frames: string | Buffer): boolean => (closed || !socket || socket.destroyed ? false : socket.write(frames));
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  const stream: EventStream = {
    get closed() {
      return closed;
    },
    get pendingBytes() {
      return raw.writableLength;
    },
    send: (event) => write(formatEvent(event)),
    write,
    writeTogether: (writes) => {
      socket?.cork();
      try {
        writes();
      } finally {
        socket?.uncork();
      }
    },
    drained: () =>
      new Promise<void>((resolve) => {
        if (closed || !socket || !socket.writableNeedDrain) return resolve();
        const done = (): void => {
          socket.off('drain', done);
          raw.off('close', done);
          resolve();
        };
        socket.on('drain', done);
        raw.on('close', done);
      }),
    onClose: (listener) => (closed ? listener() : void listeners.push(listener)),
    close: () => {
      if (!raw.writableEnded) raw.end();
      socket?.destroySoon();
    },
  };
  registry?.add(stream);
  raw.once('close', () => {
    closed = true;
    clearInterval(heartbeat);
    registry?.delete(stream);
    // A client that went away may leave its half of the connection open: nothing more is sent on it.
    socket?.destroy();
    for (const listener of listeners.splice(0)) listener();
  });
  return stream;
};

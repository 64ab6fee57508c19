import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * Server-sent events (text/event-stream) on the Fastify edge, for the notifier's live feeds. The
 * reply is hijacked: Fastify's onSend hooks (compression) never see it and nothing buffers it, each
 * event is written to the socket as it is sent. The headers the request hooks already set (the
 * correlation id, helmet's, CORS) are kept. A heartbeat comment keeps idle proxies from closing
 * the stream; the stream ends when the client goes away, when `close()` is called, or when the
 * server stops (a stream never finishes by itself, so the server's graceful close would wait for
 * it until the connection timed out).
 */
export interface ServerSentEvent {
  data: string;
  event?: string;
  id?: string;
}

export interface EventStream {
  /** Writes one event; false when the socket's buffer is full (wait for `drain` before the next). */
  send(event: ServerSentEvent): boolean;
  /**
   * Writes events already formatted (`formatEvent`): a feed that sends one event to many clients
   * formats it once. False when the socket's buffer is full, as `send`.
   */
  write(frames: string | Buffer): boolean;
  /** Runs once when the stream ends, whoever ended it. */
  onClose(listener: () => void): void;
  readonly closed: boolean;
  close(): void;
  /** The underlying response, for `once('drain')`. */
  readonly raw: FastifyReply['raw'];
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
  raw.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    // nginx (and the gateway) would otherwise buffer the stream.
    'x-accel-buffering': 'no',
  });
  const socket = raw.socket;
  socket?.setNoDelay(true);
  raw.write(options.retryMs !== undefined ? `retry: ${options.retryMs}\n\n` : ': stream open\n\n');
  const listeners: (() => void)[] = [];
  const registry = openStreams.get(reply.server.server);
  let closed = false;
  const heartbeat = setInterval(() => raw.write(': heartbeat\n\n'), options.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref();
  const stream: EventStream = {
    raw,
    get closed() {
      return closed;
    },
    send: (event) => (closed ? false : raw.write(formatEvent(event))),
    write: (frames) => (closed ? false : raw.write(frames)),
    onClose: (listener) => (closed ? listener() : void listeners.push(listener)),
    // The connection goes with the stream: an SSE client reconnects for the next one.
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

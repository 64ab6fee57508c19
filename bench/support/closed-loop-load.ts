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
 */
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface LoadConfig {
  host: string;
  port: number;
  connections: number;
  /** Requests before the window opens: connections established, JIT warm. */
  warmUpSeconds: number;
  seconds: number;
  /** Mean think time between an answer and the connection's next request; 0 saturates. */
  meanPauseMs: number;
  request: { method: 'GET' | 'POST'; path: string; headers?: Record<string, string> };
  /**
   * With it, every request is `POST request.path` holding the next seat of an arena of sections
   * of rows: seat k is `S{section}-{row}-{seat}`, k counted from `firstSeat` by all connections.
   */
  seats?: { showId: string; firstSeat: number; rowsPerSection: number; seatsPerRow: number };
  /**
   * With it, every request is `POST /api/devices/{deviceId}/telemetry` of `batch` readings dated
   * now, for the next device in turn (bench:telemetry).
   */
  telemetry?: { devices: { deviceId: string; deviceKey: string }[]; batch: number };
  /**
   * With it, the window is a list, not a time: connections warm up on `request` for
   * `warmUpSeconds`, then every request is the next of `list.requests` (each sent once, by
   * whichever connection is free), and the window closes when the last one is answered, or after
   * `seconds` at most (what was not sent by then is answered status 0). Each answer's status, and
   * the `list.field` of its JSON body, come back in `listAnswers`, in the list's order: a flash
   * sale's fans, each with its own token (bench/support/waiting-room-sale.ts).
   */
  list?: { method: 'GET' | 'POST'; requests: { path: string; token: string }[]; field?: string };
}

/** One answer of a list (LoadConfig.list): its status and the asked field of its body. */
export interface ListAnswer {
  status: number;
  value?: string | number | boolean | null;
}

export interface LoadResult {
  /** Requests sent inside the window and answered. */
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Answers inside the window by status code. */
  statuses: Record<string, number>;
  /** Answers that were not 2xx inside the window. */
  non2xx: number;
  /** Connections that failed or closed with a request outstanding. */
  socketErrors: number;
  /** The first answer that could not be parsed, if any (its connection is among the socket errors). */
  protocolError?: string;
  /** Connect to first complete answer on each new connection (ms). */
  firstAnswer: { p50: number; max: number };
  /** Seats used, warm-up included (the next phase starts after them). */
  seatsUsed: number;
  /** This process's own CPU (user + system) per request in the window, ms. */
  generatorCpuMsPerRequest: number;
  /** With LoadConfig.list: every request's answer, in the list's order. */
  listAnswers?: ListAnswer[];
}

const quantile = (sorted: Float64Array, q: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/**
 * Parses HTTP/1.1 answers off one connection's byte stream. Bench servers answer with
 * Content-Length; anything else (chunked, a malformed head) is a protocol error.
 */
export class AnswerParser {
  private buffer: Buffer = Buffer.alloc(0);

  /** Feeds bytes; returns the status codes of the answers they completed. */
  push(chunk: Buffer): number[] {
    return this.answers(chunk).map((answer) => answer.status);
  }

  /** Feeds bytes; returns the answers they completed, each with its body. */
  answers(chunk: Buffer): { status: number; body: Buffer }[] {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    const answers: { status: number; body: Buffer }[] = [];
    for (;;) {
      const headEnd = this.buffer.indexOf('\r\n\r\n');
      if (headEnd === -1) return answers;
      const head = this.buffer.subarray(0, headEnd).toString('latin1');
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(head);
      if (!status) throw new Error(`not an HTTP/1.1 answer: ${JSON.stringify(head.slice(0, 40))}`);
      if (/\r\ntransfer-encoding:/i.test(head)) throw new Error('chunked answers are not supported');
      const length = /\r\ncontent-length: *(\d+)/i.exec(head);
      const bodyLength = length ? Number(length[1]) : 0;
      const end = headEnd + 4 + bodyLength;
      if (this.buffer.length < end) return answers;
      answers.push({ status: Number(status[1]), body: this.buffer.subarray(headEnd + 4, end) });
      this.buffer = this.buffer.subarray(end);
    }
  }
}

export const runLoad = (config: LoadConfig, log: (line: string) => void = () => undefined): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const windowStart = started + config.warmUpSeconds * 1000;
    const windowEnd = windowStart + config.seconds * 1000;
    const latencies: number[] = [];
    const firstAnswers: number[] = [];
    const statuses = new Map<number, number>();
    let nextSeat = config.seats?.firstSeat ?? 0;
    let socketErrors = 0;
    let protocolError: string | undefined;
    let open = config.connections;
    let cpuAtWindowStart: NodeJS.CpuUsage | undefined;
    let cpuInWindow: NodeJS.CpuUsage | undefined;

    const headers = Object.entries(config.request.headers ?? {})
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    let nextDevice = 0;
    const telemetryBytes = ({ devices, batch }: NonNullable<LoadConfig['telemetry']>): Buffer => {
      const { deviceId, deviceKey } = devices[nextDevice++ % devices.length];
      const at = new Date().toISOString();
      const readings = Array.from({ length: batch }, (_, i) => ({ status: 'online', temperature: 30 + (i % 7), battery: 90, errorRate: 0, at }));
      const body = JSON.stringify(batch === 1 ? readings[0] : readings);
      return Buffer.from(
        `POST /api/devices/${deviceId}/telemetry HTTP/1.1\r\nHost: ${config.host}\r\n${headers}X-Device-Key: ${deviceKey}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    };
    const requestBytes = (): Buffer => {
      if (config.telemetry) return telemetryBytes(config.telemetry);
      const { seats } = config;
      if (!seats) return Buffer.from(`${config.request.method} ${config.request.path} HTTP/1.1\r\nHost: ${config.host}\r\n${headers}\r\n`);
      const k = nextSeat++;
      const perSection = seats.rowsPerSection * seats.seatsPerRow;
      const seat = `S${Math.floor(k / perSection) + 1}-${Math.floor((k % perSection) / seats.seatsPerRow) + 1}-${(k % seats.seatsPerRow) + 1}`;
      const body = JSON.stringify({ showId: seats.showId, seats: [seat] });
      return Buffer.from(
        `POST ${config.request.path} HTTP/1.1\r\nHost: ${config.host}\r\n${headers}Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    };

    const { list } = config;
    const listAnswers: ListAnswer[] | undefined = list?.requests.map(() => ({ status: 0 }));
    let nextItem = 0;
    let listAnswered = 0;
    let windowClosedAt = 0;
    const listBytes = (item: number): Buffer => {
      const { path, token } = (list as NonNullable<LoadConfig['list']>).requests[item];
      const length = list?.method === 'POST' ? 'Content-Length: 0\r\n' : '';
      return Buffer.from(`${list?.method} ${path} HTTP/1.1\r\nHost: ${config.host}\r\nAuthorization: Bearer ${token}\r\n${length}\r\n`);
    };
    const fieldOf = (body: Buffer): ListAnswer['value'] => {
      if (!list?.field) return undefined;
      try {
        const value = (JSON.parse(body.toString('utf8')) as Record<string, unknown>)[list.field];
        return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : null;
      } catch {
        return null;
      }
    };

    let windowEndTimer: NodeJS.Timeout | undefined;
    const closeWindow = (): void => {
      if (windowClosedAt) return;
      windowClosedAt = performance.now();
      clearTimeout(windowEndTimer);
      cpuInWindow = process.cpuUsage(cpuAtWindowStart);
      log('measured');
    };
    const windowTimer = setTimeout(() => {
      cpuAtWindowStart = process.cpuUsage();
      log('measuring');
      // A list closes the window when its last request is answered; this is its limit.
      windowEndTimer = setTimeout(closeWindow, config.seconds * 1000);
    }, Math.max(0, windowStart - performance.now()));

    const finish = (): void => {
      clearTimeout(windowTimer);
      clearTimeout(windowEndTimer);
      const sorted = Float64Array.from(latencies).sort();
      const firsts = Float64Array.from(firstAnswers).sort();
      const cpu = cpuInWindow ?? process.cpuUsage(cpuAtWindowStart);
      const seconds = list ? ((windowClosedAt || performance.now()) - windowStart) / 1000 : config.seconds;
      let non2xx = 0;
      for (const [status, count] of statuses) if (status < 200 || status > 299) non2xx += count;
      resolve({
        requests: latencies.length,
        seconds,
        perSecond: latencies.length / seconds,
        p50: quantile(sorted, 0.5),
        p90: quantile(sorted, 0.9),
        p99: quantile(sorted, 0.99),
        max: sorted.length ? sorted[sorted.length - 1] : NaN,
        statuses: Object.fromEntries([...statuses].map(([status, count]) => [String(status), count])),
        non2xx,
        socketErrors,
        protocolError,
        firstAnswer: { p50: quantile(firsts, 0.5), max: firsts.length ? firsts[firsts.length - 1] : NaN },
        seatsUsed: nextSeat - (config.seats?.firstSeat ?? 0),
        generatorCpuMsPerRequest: (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length),
        listAnswers,
      });
    };

    const closed = (): void => {
      if (--open === 0) finish();
    };

    const openConnection = (): void => {
      const connectedAt = performance.now();
      const socket: Socket = connect({ host: config.host, port: config.port, noDelay: true });
      const parser = new AnswerParser();
      let sentAt = connectedAt;
      let first = true;
      let outstanding = true; // the connection itself, until its first answer
      let pause: NodeJS.Timeout | undefined;
      /** The list request outstanding on this connection, or -1 for any other. */
      let item = -1;
      const send = (): void => {
        pause = undefined;
        const now = performance.now();
        if (list && now >= windowStart) {
          if (nextItem >= list.requests.length || now >= windowEnd) {
            socket.end();
            return;
          }
          item = nextItem++;
          sentAt = now;
          outstanding = true;
          socket.write(listBytes(item));
          return;
        }
        if (now >= windowEnd) {
          socket.end();
          return;
        }
        item = -1;
        if (!first) sentAt = now;
        outstanding = true;
        socket.write(requestBytes());
      };
      socket.once('connect', send);
      socket.on('data', (chunk: Buffer) => {
        let answered: { status: number; body: Buffer }[];
        try {
          answered = parser.answers(chunk);
        } catch (error) {
          protocolError ??= (error as Error).message;
          socket.destroy();
          return;
        }
        for (const { status, body } of answered) {
          const now = performance.now();
          outstanding = false;
          const wasFirst = first;
          if (first) {
            first = false;
            firstAnswers.push(now - connectedAt);
          }
          if (item >= 0 && listAnswers) {
            latencies.push(now - sentAt);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
            listAnswers[item] = { status, value: fieldOf(body) };
            if (++listAnswered === listAnswers.length) closeWindow();
          } else if (!list && !wasFirst && sentAt >= windowStart && sentAt < windowEnd) {
            latencies.push(now - sentAt);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }
          if (config.meanPauseMs > 0) pause = setTimeout(send, -config.meanPauseMs * Math.log(1 - Math.random()));
          else send();
        }
      });
      socket.on('error', () => undefined); // counted on close
      socket.once('close', () => {
        if (pause) clearTimeout(pause);
        if (outstanding) socketErrors++;
        closed();
      });
    };

    for (let i = 0; i < config.connections; i++) openConnection();
    // A server that stops answering must not hang the benchmark.
    setTimeout(() => reject(new Error('load generator: answers still outstanding 30 s after the window closed')), windowEnd - started + 30_000).unref();
  });

if (require.main === module) {
  // `@file`: the config is in a file (a telemetry config lists thousands of device keys, past the size of one argument).
  const argument = process.argv[2] ?? '';
  const config = JSON.parse(argument.startsWith('@') ? readFileSync(argument.slice(1), 'utf8') : argument) as LoadConfig;
  runLoad(config, (line) => process.stdout.write(`${line}\n`)).then(
    (result) => {
      // Exit once the line is out: a list's answers outgrow a pipe's buffer, and exit would cut them.
      process.stdout.write(`result ${JSON.stringify(result)}\n`, () => process.exit(0));
    },
    (error: unknown) => {
      process.stderr.write(`${(error as Error).message}\n`);
      process.exit(1);
    },
  );
}

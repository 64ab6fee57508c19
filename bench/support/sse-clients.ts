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
 * The delay is read without parsing the JSON or decoding the bytes: the `occurredAt` field of each
 * whole message is found by its key in the received Buffer and its ISO time read digit by digit
 * (occurredAtMs), and a block of messages that many clients receive alike is scanned once
 * (ReceivedBlocks), so that the clients' own CPU (over half a million messages a second) stays
 * small next to the server's. The receipt time is Date.now() when a socket's bytes reach this
 * process's 'data' callback: it includes the time they waited in the kernel while this event
 * loop was busy, so the result also reports this process's event-loop delay in the window (the
 * part of the latency that is the clients' own queueing, at most) and its utilisation.
 */
import { request, type IncomingMessage } from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { DelayHistogram, ReceivedBlocks, wholeMessagesEnd } from './sse-receipts';

export interface SseClientsConfig {
  url: string;
  /** One stream token per client. */
  tokens: string[];
  /** The query after the token (filters), if any. */
  query?: string;
}

export interface SseClientsResult {
  clients: number;
  seconds: number;
  messages: number;
  messagesPerSecond: number;
  /** Append-to-receipt delays (occurredAt to receipt) inside the window, ms. */
  p50: number;
  p99: number;
  max: number;
  /** Socket reads ('data' events) in the window over all clients: at most one per server write. */
  reads: number;
  /** Streams that ended or failed before the window closed. */
  dropped: number;
  /** This process's CPU (user + system) in the window, ms. */
  cpuMs: number;
  /** This process's event-loop delay in the window (p50, p99, max), ms: how long bytes could wait here before they are read. */
  loopDelayP50: number;
  loopDelayP99: number;
  loopDelayMax: number;
  /** The share of the window this process's event loop was busy (0–1). */
  loopUtilization: number;
}

const main = async (): Promise<void> => {
  const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
  const first = await lines.next();
  const config = JSON.parse(String(first.value)) as SseClientsConfig;
  let measuring = false;
  let messages = 0;
  let dropped = 0;
  let reads = 0;
  const delays = new DelayHistogram();
  const blocks = new ReceivedBlocks();
  /** Every message in bytes[0, end): whole messages only. */
  const onMessages = (bytes: Buffer, end: number): void => {
    if (!measuring) return;
    reads += 1;
    const now = Date.now();
    const occurredAts = blocks.occurredAts(bytes, end);
    messages += occurredAts.length;
    for (let i = 0; i < occurredAts.length; i++) delays.record(now - occurredAts[i]);
  };
  const open = (token: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const req = request(`${config.url}/api/notifications/stream?token=${encodeURIComponent(token)}${config.query ?? ''}`, { agent: false, headers: { accept: 'text/event-stream' } }, (res: IncomingMessage) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        // Whole messages only: a chunk may end inside one, whose rest comes with the next. The
        // server writes whole messages, so a chunk nearly always ends with one (no copy).
        let carry: Buffer | undefined;
        res.on('data', (chunk: Buffer) => {
          const bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
          const end = wholeMessagesEnd(bytes);
          carry = end === bytes.length ? undefined : bytes.subarray(end);
          if (end > 0) onMessages(bytes, end);
        });
        res.once('close', () => (dropped += 1));
        resolve();
      });
      req.on('error', reject);
      req.end();
    });
  // A few at a time: Node accepts one connection per event-loop turn.
  for (let i = 0; i < config.tokens.length; i += 50) await Promise.all(config.tokens.slice(i, i + 50).map(open));
  process.stdout.write('connected\n');
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    const line = String(next.value);
    const match = /^measure ([\d.]+)$/.exec(line);
    if (!match) continue;
    const seconds = Number(match[1]);
    dropped = 0;
    const cpuBefore = process.cpuUsage();
    const loopBefore = performance.eventLoopUtilization();
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    measuring = true;
    await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    measuring = false;
    loopDelay.disable();
    const cpu = process.cpuUsage(cpuBefore);
    const loop = performance.eventLoopUtilization(loopBefore);
    const result: SseClientsResult = {
      clients: config.tokens.length,
      seconds,
      messages,
      messagesPerSecond: messages / seconds,
      reads,
      p50: delays.quantile(0.5),
      p99: delays.quantile(0.99),
      max: delays.count === 0 ? NaN : delays.max,
      dropped,
      cpuMs: (cpu.user + cpu.system) / 1000,
      // The histogram is in ns and counts the timer's own resolution (5 ms) in: that is taken off.
      loopDelayP50: Math.max(0, loopDelay.percentile(50) / 1e6 - 5),
      loopDelayP99: Math.max(0, loopDelay.percentile(99) / 1e6 - 5),
      loopDelayMax: Math.max(0, loopDelay.max / 1e6 - 5),
      loopUtilization: loop.utilization,
    };
    process.stdout.write(`result ${JSON.stringify(result)}\n`);
    process.exit(0);
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

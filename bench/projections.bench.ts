/**
 * bench:projections — the read side: rebuild throughput over 1,000,000 events made by the real
 * deciders (all projections in one pass), GET /api/shows/{id}/seats p99 for a 60,000-seat show,
 * GET /api/shows p99 with 1,000 shows (each against a bare route of the same server, as a ratio),
 * and projection lag p99 (append → visible) while holds are appended. Writes the section
 * "bench:projections" of bench/RESULTS.md.
 *   npm run bench:projections   (node --expose-gc --require ./tools/swc-register.js bench/projections.bench.ts)
 */
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { mkdtemp, rm } from 'node:fs/promises';
import { bookingStream, seatStream, showStream, ticketStream, type ShowCreated } from '@tessera/contracts';
import { Booking, decidePayBooking, decidePlaceBooking, Seat, Show, type BookingDecision } from '@tessera/domain';
import { toAppend, type CommandContext } from '@tessera/platform/commands/event-sourcing';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { EventStore, type RecordedEvent, type StreamAppend } from '@tessera/platform/event-store/event-store.port';
import type { Projection } from '../apps/projector/src/projection';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { filterOf, ProjectionEngine } from '../apps/projector/src/projection-engine';
import { Projector } from '../apps/projector/src/projector';
import { PROJECTIONS } from '../apps/projector/src/read-models';
import { startTestApp } from '../test/support/test-app';
import { BoxOfficeDriver, showOf } from '../test/read-side/box-office-driver';

/** BENCH_EVENTS shortens a trial run; the recorded figures use the default. */
const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SEATS_PER_SHOW = 2_000;
const REQUESTS = 300;

const ctx = (): CommandContext => ({ actorId: 'bench', correlationId: randomUUID(), causationId: randomUUID(), now: new Date('2027-04-01T10:00:00.000Z') });

const percentile = (samples: number[], p: number): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const appendsOf = (showId: string, bookingId: string, decision: BookingDecision, bookingRevision: number | 'no_stream', seatRevision: number | 'no_stream'): StreamAppend[] => {
  const context = ctx();
  const appends: StreamAppend[] = [{ stream: bookingStream(bookingId), expectedRevision: bookingRevision, events: toAppend(bookingStream(bookingId), decision.booking, context) }];
  for (const [seatId, events] of Object.entries(decision.seats)) appends.push({ stream: seatStream(showId, seatId), expectedRevision: seatRevision, events: toAppend(seatStream(showId, seatId), events, context) });
  for (const [ticketId, events] of Object.entries(decision.tickets)) appends.push({ stream: ticketStream(ticketId), expectedRevision: 'no_stream', events: toAppend(ticketStream(ticketId), events, context) });
  return appends;
};

/** Shows of 2,000 seats; two-seat bookings, four in five paid, decided by the real deciders. */
export const fillLog = async (events: EventStore): Promise<number> => {
  const now = '2027-04-01T10:00:00.000Z';
  let showNo = 0;
  while ((await events.headPosition()) < TARGET_EVENTS) {
    const showId = `bench${++showNo}`;
    const data: ShowCreated['data'] = showOf(showId, { sections: 4, rows: 10, seatsPerRow: SEATS_PER_SHOW / 40 });
    const created = Show.decide({ type: 'CreateShow', data, metadata: { now } }, Show.initialState);
    let show = created.reduce(Show.evolve, Show.initialState);
    const published = Show.decide({ type: 'PublishShow', data: { showId }, metadata: { now } }, show);
    show = published.reduce(Show.evolve, show);
    await events.append(showStream(showId), toAppend(showStream(showId), [...created, ...published], ctx()), { expectedRevision: 'no_stream' });
    const seatIds = data.sections.flatMap((s) => s.rows.flatMap((r) => Array.from({ length: r.seats }, (_, i) => `${s.id}-${r.label}-${i + 1}`)));
    const places: StreamAppend[][] = [];
    const pays: StreamAppend[][] = [];
    for (let i = 0; i + 1 < seatIds.length; i += 2) {
      const bookingId = randomUUID();
      const pair = [seatIds[i], seatIds[i + 1]];
      const placed = decidePlaceBooking({ show, seats: {}, command: { type: 'PlaceBooking', data: { bookingId, userId: `user${i % 500}`, showId, seatIds: pair }, metadata: { now } } });
      places.push(appendsOf(showId, bookingId, { ...placed, tickets: {} }, 'no_stream', 'no_stream'));
      if ((i / 2) % 5 === 4) continue;
      const booking = placed.booking.reduce(Booking.evolve, Booking.initialState);
      const seats = Object.fromEntries(Object.entries(placed.seats).map(([id, e]) => [id, e.reduce(Seat.evolve, Seat.initialState)]));
      const paid = decidePayBooking({ booking, seats, command: { type: 'ConfirmBooking', data: { bookingId, paymentId: randomUUID(), tickets: pair.map((seatId) => ({ ticketId: randomUUID(), seatId })) }, metadata: { now } } });
      pays.push(appendsOf(showId, bookingId, paid, 0, 0));
    }
    for (const group of [places, pays]) {
      const inFlight: Promise<unknown>[] = [];
      for (let i = 0; i < group.length; i += 100) inFlight.push(events.appendMulti(group.slice(i, i + 100).flat()));
      await Promise.all(inFlight);
    }
  }
  return events.headPosition();
};

const timeRequests = async (url: string, headers: Record<string, string> = {}): Promise<{ p50: number; p99: number; bytes: number }> => {
  const samples: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS + 20; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    const body = await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    if (i >= 20) samples.push(performance.now() - started);
    bytes = body.byteLength;
  }
  return { p50: percentile(samples, 50), p99: percentile(samples, 99), bytes };
};

/**
 * Each timed phase starts from a collected heap (`--expose-gc`, as bench:store does), so that it
 * does not pay for the garbage of the phase before it (the fill, another rebuild's store).
 */
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

/** A rebuild of `projections` from the whole log into a fresh store, in 20,000-event batches like `rebuild.ts`. */
const timeRebuild = async (events: EventStore, projections: readonly Projection[], head: number): Promise<{ events: number; seconds: number }> => {
  collectGarbage();
  const reads = new EmbeddedReadStore();
  const engine = new ProjectionEngine(reads, projections, '__bench');
  const started = performance.now();
  let batch: RecordedEvent[] = [];
  let projected = 0;
  for await (const event of events.readAll({ filter: filterOf(projections) })) {
    batch.push(event);
    if (batch.length >= 20_000) {
      await engine.apply(batch);
      projected += batch.length;
      batch = [];
    }
  }
  await engine.apply(batch, head);
  projected += batch.length;
  return { events: projected, seconds: (performance.now() - started) / 1000 };
};

const main = async (): Promise<void> => {
  const dir = await mkdtemp(join(tmpdir(), 'tessera-bench-projections-'));
  try {
    // 1. Rebuild throughput.
    const events = await EmbeddedEventStore.open({ dataDir: join(dir, 'rebuild') });
    const fillStarted = performance.now();
    const head = await fillLog(events);
    const fillSeconds = (performance.now() - fillStarted) / 1000;
    process.stderr.write(`log filled: ${head} events in ${fillSeconds.toFixed(1)} s\n`);
    const { events: projected, seconds: rebuildSeconds } = await timeRebuild(events, PROJECTIONS, head);
    const rebuildRate = projected / rebuildSeconds;
    process.stderr.write(`rebuild: ${projected} events in ${rebuildSeconds.toFixed(1)} s\n`);
    // Where the time goes: reading and decoding the log alone, then each projection alone.
    collectGarbage();
    const readStarted = performance.now();
    let read = 0;
    for await (const _event of events.readAll({ filter: filterOf(PROJECTIONS) })) read++;
    const readSeconds = (performance.now() - readStarted) / 1000;
    const readRate = read / readSeconds;
    const alone: { name: string; events: number; rate: number }[] = [];
    for (const projection of PROJECTIONS) {
      const run = await timeRebuild(events, [projection], head);
      alone.push({ name: projection.name, events: run.events, rate: run.events / run.seconds });
    }
    await events.close();

    // 2–4. HTTP reads and lag on the standalone server.
    collectGarbage();
    const server = await startTestApp({ dataDir: join(dir, 'server') });
    const store = server.app.get(EventStore);
    const driver = new BoxOfficeDriver(store);
    await driver.createShow(showOf('big', { sections: 60, rows: 20, seatsPerRow: 50 }));
    for (let i = 0; i < 1000; i++) await driver.createShow(showOf(`s${i}`, { startsAt: new Date(Date.UTC(2027, 5, 1) + i * 3600_000).toISOString() }));
    for (let i = 1; i <= 200; i++) await driver.placeBooking('big', `fan${i}`, [`S${1 + (i % 60)}-${1 + (i % 20)}-${i % 50 || 50}`]);
    const projector = server.app.get(Projector);
    const position = await store.headPosition();
    if (!(await projector.waitFor(position, 60_000))) throw new Error('projector did not catch up');
    const bare = await timeRequests(`${server.url}/health/live`);
    const seats = await timeRequests(`${server.url}/api/shows/big/seats`);
    const list = await timeRequests(`${server.url}/api/shows`);

    const lags: number[] = [];
    const loops = Array.from({ length: 8 }, async (_, loop) => {
      for (let i = 0; i < 150; i++) {
        const seat = `S${1 + ((loop * 7 + i) % 60)}-${1 + (i % 20)}-${1 + ((loop * 150 + i) % 50)}`;
        try {
          const { position: at } = await driver.placeBooking('big', `lag${loop}`, [seat]);
          const appended = performance.now();
          await projector.waitFor(at, 10_000);
          lags.push(performance.now() - appended);
        } catch {
          // a seat already held by another loop: not a sample
        }
      }
    });
    await Promise.all(loops);
    await server.close();

    const lagP50 = percentile(lags, 50);
    const lagP99 = percentile(lags, 99);
    const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const date = new Date().toISOString();
    const section = [
      '## bench:projections',
      '',
      `Read side (\`apps/projector\`, \`apps/query-api\`). Run on ${date.slice(0, 10)} (${date}).`,
      '',
      '- Command: `npm run bench:projections` (`node --expose-gc --require ./tools/swc-register.js bench/projections.bench.ts`); each timed phase starts after a full garbage collection',
      `- CPU: ${cpus()[0]?.model ?? 'unknown'} (\`nproc\` = ${cpus().length}); Node ${process.version}`,
      `- Load average when the run ended: ${loadavg().map((n) => n.toFixed(2)).join(', ')} (the machine is shared; other work moves the figures)`,
      `- Log: ${head.toLocaleString('en')} events made by the real deciders (shows of 2,000 seats, two-seat bookings, four in five paid: show, booking, seat and ticket events), filled in ${fillSeconds.toFixed(1)} s.`,
      '',
      '| Measure | Value | Target |',
      '|---|---:|---|',
      `| Rebuild, all 4 projections in one pass (embedded read store) | ${Math.round(rebuildRate).toLocaleString('en')} events/s (${rebuildSeconds.toFixed(1)} s) | ≥ 50,000: ${met(rebuildRate >= 50_000)} |`,
      `| Reading the same events alone (readAll, filtered) | ${Math.round(readRate).toLocaleString('en')} events/s | |`,
      `| GET /api/shows/{id}/seats, 60,000 seats (${(seats.bytes / 1e6).toFixed(1)} MB), p50 / p99 | ${seats.p50.toFixed(1)} / ${seats.p99.toFixed(1)} ms (${(seats.p99 / bare.p99).toFixed(1)}× bare p99) | p99 ≤ 20 ms: ${met(seats.p99 <= 20)} |`,
      `| GET /api/shows (1,000 shows, page of 20), p50 / p99 | ${list.p50.toFixed(1)} / ${list.p99.toFixed(1)} ms (${(list.p99 / bare.p99).toFixed(1)}× bare p99) | |`,
      `| Bare route GET /health/live, p50 / p99 (baseline) | ${bare.p50.toFixed(2)} / ${bare.p99.toFixed(2)} ms | |`,
      `| Projection lag, append → visible, 8 concurrent holders (${lags.length} samples), p50 / p99 | ${lagP50.toFixed(1)} / ${lagP99.toFixed(1)} ms | p99 ≤ 100 ms: ${met(lagP99 <= 100)} |`,
      '',
      `Requests are sequential over keep-alive fetch from the same process (${REQUESTS} timed after 20 warm-up), timed to the last byte of the body, which is not parsed.`,
      'The lag is measured from the append\'s acknowledgement (after fsync) to the projector\'s batch being written, while the other holders keep appending.',
      '',
      ...whatBoundsTheRebuild({ rebuildRate, rebuildSeconds, readRate, readSeconds, alone }),
      '',
    ].join('\n');
    const resultsPath = resolve(__dirname, '..', 'bench', 'RESULTS.md');
    const results = readFileSync(resultsPath, 'utf8');
    const start = results.indexOf('## bench:projections');
    let next = start < 0 ? -1 : results.indexOf('\n## ', start + 1);
    if (next >= 0) next += 1;
    const updated = start < 0 ? `${results.trimEnd()}\n\n${section}` : `${results.slice(0, start)}${section}${next >= 0 ? `\n${results.slice(next)}` : ''}`;
    writeFileSync(resultsPath, updated);
    process.stdout.write(`${section}\n`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
};

const perSecond = (rate: number): string => Math.round(rate).toLocaleString('en');

/**
 * The analysis under the table, from this run's figures. The dated sentences say what a profile
 * showed when the read side was last tuned; everything else is measured by this run.
 */
const whatBoundsTheRebuild = (run: {
  rebuildRate: number;
  rebuildSeconds: number;
  readRate: number;
  readSeconds: number;
  alone: { name: string; events: number; rate: number }[];
}): string[] => {
  const readShare = Math.min(1, run.readSeconds / run.rebuildSeconds);
  return [
    `What bounds the rebuild: reading and decoding the log alone runs at ${perSecond(run.readRate)} events/s, ${run.readSeconds.toFixed(1)} s of the`,
    `${run.rebuildSeconds.toFixed(1)} s rebuild (${Math.round(readShare * 100)} %); the other ${(run.rebuildSeconds - run.readSeconds).toFixed(1)} s are the four projections' document work in the`,
    'embedded read store. Each projection alone over the same log, reading included (own events/s):',
    `${run.alone.map((p) => `${p.name} ${perSecond(p.rate)} (${p.events.toLocaleString('en')} events)`).join(', ')}.`,
    'A CPU profile of a 1,000,000-event rebuild (node --cpu-prof, 2026-11-21, after the changes below): garbage collection about a',
    'fifth (mostly scavenges of the 20,000-event batches and of the documents they make), event decoding about a seventh, the',
    'read store\'s writes about a tenth and its finds under 4 %; the rest is spread over the engine and the projections\' evolve',
    'functions, none of which stands out.',
    'The rebuild ran at 46,775 events/s on 2026-11-21 before these changes, which removed the read store\'s copies from the',
    'projection path (the engine reads documents read-only and hands the ones it writes over, and the embedded store shares them',
    'frozen instead of copying; copies elsewhere are a plain-data copy instead of structuredClone), applied `$set`/`$unset` of',
    'plain paths without mingo\'s per-call set-up, let the engine answer documents it already holds without a promise, wrote',
    'per-user patches without an object (and so a hidden class) per new id, and moved show and category availability by each',
    'section\'s change instead of summing every section per seat event. The machine is shared, so compare within one moment:',
    'the same in-process fill and rebuild of both versions, run back to back on 2026-11-21, took 26.4 s before and 16.1 s after (1.6×).',
  ];
};

if (require.main === module) main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});

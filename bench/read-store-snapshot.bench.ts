/**
 * bench:read-store-snapshot — what one save of the embedded read store's snapshot costs: a whole
 * snapshot file against a journal segment of what changed (1% and 10% of the documents), on a
 * store of 100,000 booking-sized documents; and what opening the files back costs. Written to
 * bench/RESULTS.md (section "bench:read-store-snapshot").
 *   npm run bench:read-store-snapshot   (builds with swc, then: node dist/bench/read-store-snapshot.bench.js)
 * The event loop's busy time is what a save takes from the server (it encodes between the
 * requests); wall time also holds the writes and the fdatasync on the thread pool.
 * READ_STORE_BENCH_DOCUMENTS sets the store's size; READ_STORE_BENCH_NO_WRITE=1 prints the section only.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import { writeResultsSection } from './support/results-file';

const ROOT = resolve(__dirname, '..', '..');
const DOCUMENTS = Number(process.env.READ_STORE_BENCH_DOCUMENTS ?? 100_000);
const ROUNDS = 3;

const booking = (i: number, position: number) => ({
  _id: `booking-${i.toString().padStart(8, '0')}-5d1c2f4e-8b7a-4c3d-9e2f`,
  bookingId: `booking-${i.toString().padStart(8, '0')}-5d1c2f4e-8b7a-4c3d-9e2f`,
  showId: `show-${i % 20}`,
  userId: `user-${i % 5000}`,
  status: i % 3 === 0 ? 'confirmed' : 'held',
  seats: [{ seatId: `s-${i % 100}-${i % 10}-${i % 100}`, categoryId: 'standard', price: 4500 }],
  total: 4500,
  currency: 'EUR',
  placedAt: '2026-12-04T01:00:00.000Z',
  expiresAt: '2026-12-04T01:10:00.000Z',
  _position: position,
});

interface Measured {
  wallMs: number;
  loopMs: number;
}

/** Wall time and event-loop busy time of `work`. */
const measure = async (work: () => Promise<unknown>): Promise<Measured> => {
  const loop = performance.eventLoopUtilization();
  const started = performance.now();
  await work();
  const wallMs = performance.now() - started;
  return { wallMs, loopMs: performance.eventLoopUtilization(loop).active };
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

const main = async () => {
  const rows: string[] = [];
  const figures = new Map<string, { wall: number[]; loop: number[]; bytes: number[]; kind: string }>();
  const record = (name: string, kind: string, bytes: number, m: Measured) => {
    const entry = figures.get(name) ?? { wall: [], loop: [], bytes: [], kind };
    entry.wall.push(m.wallMs);
    entry.loop.push(m.loopMs);
    entry.bytes.push(bytes);
    figures.set(name, entry);
  };
  for (let round = 0; round < ROUNDS; round++) {
    const dir = await mkdtemp(join(tmpdir(), 'tessera-snapshot-bench-'));
    try {
      const store = new EmbeddedReadStore({ snapshotDir: dir });
      const bookings = store.collection('bookings_v1');
      let position = 1;
      await bookings.insertMany(Array.from({ length: DOCUMENTS }, (_, i) => booking(i, position++)));
      await store.saveCheckpoint('bookings', position);
      await store.collection('scratch').insertOne({ _id: 'x' });
      let saved = await store.saveSnapshot();
      const full = await measure(async () => {
        await bookings.insertOne(booking(DOCUMENTS + round, position++));
        // A dropped collection makes the next save whole, as after a projection's rebuild.
        await store.dropCollection('scratch');
        saved = await store.saveSnapshot();
      });
      if (saved.kind !== 'full') throw new Error('expected a whole snapshot');
      record('whole snapshot file', saved.kind, saved.bytes, full);
      for (const share of [0.01, 0.1]) {
        const changes = Math.round(DOCUMENTS * share);
        for (let i = 0; i < changes; i++) {
          const n = Math.floor((i * DOCUMENTS) / changes);
          await bookings.replaceOne({ _id: booking(n, 0)._id }, { ...booking(n, position++), status: 'confirmed' });
        }
        await store.saveCheckpoint('bookings', position);
        let segment = saved;
        const m = await measure(async () => (segment = await store.saveSnapshot()));
        if (segment.kind !== 'journal') throw new Error('expected a journal segment');
        record(`journal segment, ${fmt(share * 100)}% of the documents changed`, segment.kind, segment.bytes, m);
      }
      const reopened = new EmbeddedReadStore({ snapshotDir: dir });
      let opened: Awaited<ReturnType<EmbeddedReadStore['open']>> | undefined;
      const open = await measure(async () => (opened = await reopened.open()));
      if (opened?.status !== 'loaded' || opened.journal.segments !== 2) throw new Error(`reopening: ${JSON.stringify(opened)}`);
      record('open: the file and a journal of 2 segments', 'open', 0, open);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const whole = figures.get('whole snapshot file') as { loop: number[] };
  for (const [name, { wall, loop, bytes, kind }] of figures) {
    rows.push(`| ${name} | ${kind === 'open' ? '–' : `${fmt(median(bytes) / 1e6, 1)} MB`} | ${fmt(median(wall))} ms (${fmt(Math.min(...wall))}–${fmt(Math.max(...wall))}) | ${fmt(median(loop))} ms (${fmt(Math.min(...loop))}–${fmt(Math.max(...loop))}) | ${fmt(median(loop) / median(whole.loop), 2)}× |`);
  }
  const lines = [
    '## bench:read-store-snapshot',
    '',
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; command: \`npm run bench:read-store-snapshot\` (swc build, then \`node dist/bench/read-store-snapshot.bench.js\`), READ_STORE_BENCH_DOCUMENTS=${DOCUMENTS}`,
    `- Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM; Node ${process.version}; load average when the run ended: ${loadavg().map((n) => n.toFixed(2)).join(', ')}.`,
    `- An EmbeddedReadStore in a temporary folder with ${fmt(DOCUMENTS)} booking-sized documents and a checkpoint; per round (${ROUNDS}, the median and the range): a whole save (forced by a dropped collection, as after a projection's rebuild), then a save after 1% of the documents changed and one after 10%, then opening both files in a new store. Ratios are to the whole save's event-loop time in the same run.`,
    '',
    '| Save | written | wall time | event loop busy | × whole |',
    '|---|---:|---:|---:|---:|',
    ...rows,
  ];
  const section = lines.join('\n');
  process.stdout.write(`${section}\n`);
  if (!process.env.READ_STORE_BENCH_NO_WRITE) writeResultsSection(join(ROOT, 'bench', 'RESULTS.md'), section);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

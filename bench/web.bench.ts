/**
 * bench:web — the seat map in Chromium: how long a section of 10,000 and of 60,000 seats takes to
 * become interactive, measured by the page itself with the Performance API, and how long a
 * selection takes to repaint.
 *   npm run bench:web    (builds the server and the web app, then runs dist/bench/web.bench.js)
 * It starts the built standalone server on a free port with a fresh data folder, creates one show
 * per size (one section, all seats in it, 1 in 7 sold), opens `/shows/:id?category&section` in
 * Debian's Chromium (`CHROMIUM`, default /usr/bin/chromium; the test flags) and reads:
 * - `interactive`: from navigation start to the map's `seat-map:interactive` mark (the React
 *   effect after the seats are committed and painted);
 * - `render`: from the seats response's end (Resource Timing) to that mark: the page's own cost;
 * - `repaint`: from a click on a seat to the second animation frame after it (the selection drawn).
 * WEB_BENCH_RUNS (default 3) page loads per size; the median is printed. Prints; writes nothing.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');
const RUNS = Number(process.env.WEB_BENCH_RUNS ?? 3);
const ADMIN = { email: 'bench-admin@tessera.test', password: 'Bench-Harbour-Lantern-93' };
const SIZES = [
  { seats: 10_000, rows: 100, perRow: 100, budgetMs: 1000 },
  { seats: 60_000, rows: 200, perRow: 300, budgetMs: 2500 },
];

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const main = async (): Promise<void> => {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-web-bench-'));
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [join(ROOT, 'dist/apps/standalone/src/main.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    for (let i = 0; ; i++) {
      if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
      if (i > 300) throw new Error('the server did not become ready');
      await new Promise((r) => setTimeout(r, 100));
    }
    const call = async (path: string, body: unknown, token?: string): Promise<Record<string, unknown>> => {
      const res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    };
    const admin = (await call('/api/auth/login', ADMIN)).accessToken as string;
    console.log(`bench:web — Chromium ${browser.version()}, ${RUNS} loads per size, median`);
    for (const size of SIZES) {
      const created = await call(
        '/api/shows',
        {
          name: `Bench ${size.seats}`,
          venue: 'Bench Arena',
          startsAt: new Date(Date.now() + 90 * 24 * 3600_000).toISOString(),
          currency: 'EUR',
          holdMinutes: 10,
          maxSeatsPerBooking: 8,
          categories: [{ id: 'std', name: 'Standard', price: 4500 }],
          sections: [{ id: 'A', name: 'Floor', categoryId: 'std', rows: Array.from({ length: size.rows }, (_, r) => ({ label: String(r + 1), seats: size.perRow })) }],
        },
        admin,
      );
      const showId = created.showId as string;
      await call(`/api/shows/${showId}/publish`, {}, admin);
      const interactive: number[] = [];
      const render: number[] = [];
      const repaint: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        const page = await context.newPage();
        await page.goto(`${url}/shows/${showId}?category=std&section=A`);
        await page.waitForFunction(() => performance.getEntriesByName('seat-map:interactive').length > 0, undefined, { timeout: 60_000 });
        const timing = await page.evaluate<{ mark: number; seatsEnd: number }>(`(() => {
          const mark = performance.getEntriesByName('seat-map:interactive')[0].startTime;
          const seats = performance.getEntriesByType('resource').filter((e) => e.name.includes('/seats')).pop();
          return { mark, seatsEnd: seats ? seats.responseEnd : 0 };
        })()`);
        interactive.push(timing.mark);
        render.push(timing.mark - timing.seatsEnd);
        repaint.push(
          await page.evaluate<number>(`new Promise((resolve) => {
            const seat = document.querySelector('rect[data-seat][aria-disabled="false"]');
            const started = performance.now();
            seat.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: 1, clientY: 1 }));
            seat.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, clientX: 1, clientY: 1 }));
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
          })`),
        );
        await context.close();
      }
      const i = median(interactive);
      console.log(
        `${size.seats.toLocaleString('en')} seats: interactive ${i.toFixed(0)} ms (budget ${size.budgetMs} ms: ${i <= size.budgetMs ? 'met' : 'MISSED'}), ` +
          `render after the data ${median(render).toFixed(0)} ms, selection repaint ${median(repaint).toFixed(0)} ms`,
      );
    }
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => server.once('close', r));
    rmSync(dataDir, { recursive: true, force: true });
  }
};

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});

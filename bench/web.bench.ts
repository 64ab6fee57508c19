/**
 * bench:web — the seat map in Chromium: how long a section of 10,000 and of 60,000 seats takes to
 * become interactive, measured by the page itself with the Performance API, how long a selection
 * takes to repaint, and how long a live update over the real SSE stream takes to repaint.
 *   npm run bench:web    (builds the server and the web app, then runs dist/bench/web.bench.js)
 * It starts the built standalone server on a free port with a fresh data folder, creates one show
 * per size (one section, all seats in it, 1 in 7 sold), signs a fan in and opens
 * `/shows/:id?category&section` in Debian's Chromium (`CHROMIUM`, default /usr/bin/chromium; the
 * test flags), so the page follows the live stream, and reads:
 * - `interactive`: from navigation start to the map's `seat-map:interactive` mark (the React
 *   effect after the seats are committed and painted);
 * - `render`: from the seats response's end (Resource Timing) to that mark: the page's own cost;
 * - `selection`: from a click on a seat to the second animation frame after it (the selection drawn);
 * - `live`: another fan holds a seat through the API (POST /api/bookings) while the page is open;
 *   from the moment the page's EventSource hands the `seat.held.v1` message to the app (a listener
 *   wrapper installed before the app's scripts) to the first frame painted after the seat's
 *   `aria-disabled` turned true (a MutationObserver; the frame: the next animation frame, then a
 *   task) on the SVG map, or after the canvas map's `seat-map:drawn` mark naming the seat (its
 *   cell drawn), whose pixel is then checked to be the held grey. WEB_BENCH_LIVE_UPDATES (default
 *   5) holds per page load, each of another free seat, spread over the section (from the API).
 * WEB_BENCH_RUNS (default 3) page loads per size; medians are printed, with the live repaints'
 * max and how many took over 50 ms. WEB_BENCH_SEATS=10000 or 60000 runs one size only.
 *
 * Before and after in one run: WEB_BENCH_BASELINE names the folder of an older checkout, built
 * there (`npm run build`), e.g. `git archive <commit> | tar -x -C <dir>` with node_modules linked;
 * its own standalone server and web app are measured first, in the same way
 * (WEB_BENCH_BASELINE_LABEL names it in the table). WEB_BENCH_PROFILE=<dir> writes a Chromium CPU
 * profile (CDP `Profiler`) of each build's first 60,000-seat load and live update there, and
 * prints the functions with the most self time. Prints; writes nothing else.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';

const ROOT = join(__dirname, '..', '..');
const RUNS = Number(process.env.WEB_BENCH_RUNS ?? 3);
const LIVE_UPDATES = Number(process.env.WEB_BENCH_LIVE_UPDATES ?? 5);
const PROFILE_DIR = process.env.WEB_BENCH_PROFILE;
const ADMIN = { email: 'bench-admin@tessera.test', password: 'Bench-Harbour-Lantern-93' };
const PASSWORD = 'Bench-Violet-Harbour-93';
const LIVE_BUDGET_MS = 50;
const ALL_SIZES = [
  { seats: 10_000, rows: 100, perRow: 100, budgetMs: 1000 },
  { seats: 60_000, rows: 200, perRow: 300, budgetMs: 2500 },
];
const SIZES = process.env.WEB_BENCH_SEATS ? ALL_SIZES.filter((size) => String(size.seats) === process.env.WEB_BENCH_SEATS) : ALL_SIZES;

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

/**
 * Installed before the app's scripts: each live message's arrival, by seat, at the moment the
 * EventSource hands it to one of the app's listeners.
 */
const LIVE_PROBE = `(() => {
  window.__liveArrivals = new Map();
  const add = EventSource.prototype.addEventListener;
  EventSource.prototype.addEventListener = function (type, listener, options) {
    const wrapped = function (event) {
      try {
        const seatId = JSON.parse(event.data).data.seatId;
        if (seatId && !window.__liveArrivals.has(seatId)) window.__liveArrivals.set(seatId, performance.now());
      } catch {}
      return listener.call(this, event);
    };
    return add.call(this, type, wrapped, options);
  };
})()`;

interface Figures {
  interactive: number[];
  render: number[];
  selection: number[];
  /** Message in the page → the frame after the seat changed. */
  live: number[];
  /** Message in the page → the seat's element changed. */
  liveDom: number[];
}

interface Build {
  label: string;
  root: string;
}

const startServer = async (build: Build) => {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'tessera-web-bench-'));
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [join(build.root, 'dist/apps/standalone/src/main.js')], {
    cwd: build.root,
    // The watcher signs in once per page load: more than the 10 logins a minute one account may
    // make from one address (RATE_LIMIT_LOGIN_PER_ACCOUNT_IP) when both sizes run 5 loads or more.
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(port),
      MQTT_PORT: String(await freePort()),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      RATE_LIMIT_LOGIN_PER_ACCOUNT_IP: '1000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; ; i++) {
    if (await fetch(`${url}/health`).then((r) => r.ok, () => false)) break;
    if (i > 300) throw new Error(`${build.label}: the server did not become ready`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('close', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** The functions with the most self time in a CDP CPU profile, one line each. */
const topSelfTime = (profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[]; startTime: number; endTime: number; samples?: number[] }, count = 12): string[] => {
  const perSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples?.length ?? 1);
  const self = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
    self.set(name, (self.get(name) ?? 0) + (node.hitCount ?? 0) * perSample);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${name}`);
};

const measureBuild = async (build: Build, browser: import('playwright-core').Browser): Promise<Map<number, Figures>> => {
  const server = await startServer(build);
  const results = new Map<number, Figures>();
  try {
    const call = async (path: string, body: unknown, token?: string): Promise<Record<string, unknown>> => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${build.label}: ${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    };
    const admin = (await call('/api/auth/login', ADMIN)).accessToken as string;
    const fan = async (name: string) => {
      const email = `${name}-${Math.random().toString(36).slice(2, 10)}@bench.test`;
      await call('/api/auth/register', { email, password: PASSWORD, displayName: name });
      return { email, token: (await call('/api/auth/login', { email, password: PASSWORD })).accessToken as string };
    };
    const watcher = await fan('watcher');
    const other = await fan('other');
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
      const figures: Figures = { interactive: [], render: [], selection: [], live: [], liveDom: [] };
      for (let run = 0; run < RUNS; run++) {
        const context: BrowserContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        await context.addInitScript(LIVE_PROBE);
        const page: Page = await context.newPage();
        page.on('crash', () => console.error(`${build.label}: the page crashed`));
        page.on('pageerror', (error) => console.error(`${build.label}: page error: ${error.message}`));
        await page.goto(`${server.url}/signin?next=${encodeURIComponent('/tickets')}`);
        await page.getByLabel('E-mail').fill(watcher.email);
        await page.getByLabel('Password').fill(PASSWORD);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL((u) => u.pathname === '/tickets');
        const profiling = PROFILE_DIR && run === 0 && size.seats === 60_000;
        let cdp: CDPSession | undefined;
        if (profiling) {
          cdp = await context.newCDPSession(page);
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.start');
        }
        // A full load (the session comes back by the refresh cookie), timed from its navigation start.
        await page.goto(`${server.url}/shows/${showId}?category=std&section=A`);
        await page.waitForFunction(() => performance.getEntriesByName('seat-map:interactive').length > 0, undefined, { timeout: 60_000 });
        const timing = await page.evaluate<{ mark: number; seatsEnd: number }>(`(() => {
          const mark = performance.getEntriesByName('seat-map:interactive')[0].startTime;
          const seats = performance.getEntriesByType('resource').find((e) => e.name.includes('/seats'));
          return { mark, seatsEnd: seats ? seats.responseEnd : 0 };
        })()`);
        figures.interactive.push(timing.mark);
        figures.render.push(timing.mark - timing.seatsEnd);
        // A seat's own element (an SVG rect before the canvas map, a checkbox over the canvas since),
        // pressed at its centre: both maps find the seat from the event.
        figures.selection.push(
          await page.evaluate<number>(`new Promise((resolve) => {
            const seat = document.querySelector('[data-seat]:not([aria-disabled="true"])');
            const box = seat.getBoundingClientRect();
            const at = { bubbles: true, clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
            const started = performance.now();
            seat.dispatchEvent(new PointerEvent('pointerdown', at));
            seat.dispatchEvent(new PointerEvent('pointerup', at));
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
          })`),
        );
        await page.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: 30_000 });
        // Free seats spread over the whole section (from the API: the canvas map gives elements only
        // to the rows in view), none the selected one.
        const chosen = await page.evaluate<string | null>(`document.querySelector('[data-seat][aria-checked="true"]')?.getAttribute('data-seat') ?? null`);
        const section = (await (await fetch(`${server.url}/api/shows/${showId}/seats?section=A`)).json()) as { seats: { seatId: string; status: string }[] };
        const free = section.seats.filter((seat) => seat.status === 'available' && seat.seatId !== chosen).map((seat) => seat.seatId);
        const targets = Array.from({ length: LIVE_UPDATES }, (_, i) => free[Math.floor(((i + 0.5) * free.length) / LIVE_UPDATES)]);
        for (const seatId of targets) {
          // SVG map: the rect's aria-disabled turning true. Canvas map: its `seat-map:drawn` mark
          // naming the seat (the cell drawn), then the canvas's pixel checked below.
          await page.evaluate(`window.__repaint = new Promise((resolve) => {
            const frame = (changed) => requestAnimationFrame(() => setTimeout(() => resolve({ changed, painted: performance.now() }), 0));
            const rect = document.querySelector('rect[data-seat="${seatId}"]');
            if (rect) {
              const observer = new MutationObserver(() => {
                if (rect.getAttribute('aria-disabled') !== 'true') return;
                observer.disconnect();
                frame(performance.now());
              });
              observer.observe(rect, { attributes: true });
              return;
            }
            const observer = new PerformanceObserver((list) => {
              const entry = list.getEntries().find((e) => e.name === 'seat-map:drawn' && e.detail?.seats?.includes('${seatId}'));
              if (!entry) return;
              observer.disconnect();
              frame(entry.startTime);
            });
            observer.observe({ type: 'mark' });
          }); undefined`); // (the promise stays in the page: returned, evaluate would wait for it)
          await call('/api/bookings', { showId, seats: [seatId] }, other.token);
          const seen = await page.evaluate<{ arrived: number; changed: number; painted: number } | string>(
            `Promise.race([
              window.__repaint.then(({ changed, painted }) => ({ arrived: window.__liveArrivals.get('${seatId}'), changed, painted })),
              new Promise((resolve) => setTimeout(() => resolve('no repaint within 20 s: message ' + (window.__liveArrivals.has('${seatId}') ? 'received' : 'not received') +
                ', seat ' + document.querySelector('[data-seat="${seatId}"]')?.outerHTML), 20000)),
            ])`,
          );
          if (typeof seen === 'string') throw new Error(`${build.label}, ${seatId}: ${seen}`);
          // On the canvas map, the seat's pixel at its centre is the held grey (#cbd5e1) now.
          const pixel = await page.evaluate<number[] | null>(`(() => {
            const canvas = document.querySelector('.seat-map canvas');
            if (!canvas) return null;
            const box = canvas.parentElement;
            const [x, y, w, h] = box.dataset.view.split(' ').map(Number);
            const cw = box.clientWidth, ch = box.clientHeight, scale = Math.min(cw / w, ch / h);
            const left = (cw - w * scale) / 2 - x * scale, top = (ch - h * scale) / 2 - y * scale;
            const [, row, number] = '${seatId}'.split('-').map(Number);
            const px = Math.floor((left + ((number - 1) * 12 + 6) * scale) * (canvas.width / cw));
            const py = Math.floor((top + ((row - 1) * 12 + 6) * scale) * (canvas.height / ch));
            return [...canvas.getContext('2d').getImageData(px, py, 1, 1).data];
          })()`);
          if (pixel && Math.max(Math.abs(pixel[0] - 0xcb), Math.abs(pixel[1] - 0xd5), Math.abs(pixel[2] - 0xe1)) > 8)
            throw new Error(`${build.label}, ${seatId}: drawn, but its pixel is rgba(${pixel.join(', ')}), not the held grey`);
          figures.live.push(seen.painted - seen.arrived);
          figures.liveDom.push(seen.changed - seen.arrived);
        }
        if (cdp && PROFILE_DIR) {
          const { profile } = await cdp.send('Profiler.stop');
          mkdirSync(PROFILE_DIR, { recursive: true });
          const file = join(PROFILE_DIR, `${build.label.replace(/[^\w.-]+/g, '-')}-${size.seats}.cpuprofile`);
          writeFileSync(file, JSON.stringify(profile));
          console.log(`  ${build.label}, ${size.seats.toLocaleString('en')} seats, load and ${LIVE_UPDATES} live updates: CPU profile ${file}; most self time:`);
          console.log(topSelfTime(profile as Parameters<typeof topSelfTime>[0]).join('\n'));
        }
        await context.close();
      }
      results.set(size.seats, figures);
    }
  } finally {
    await server.stop();
  }
  return results;
};

const main = async (): Promise<void> => {
  const builds: Build[] = [
    ...(process.env.WEB_BENCH_BASELINE ? [{ label: process.env.WEB_BENCH_BASELINE_LABEL ?? 'baseline', root: resolve(process.env.WEB_BENCH_BASELINE) }] : []),
    { label: 'this checkout', root: ROOT },
  ];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const measured: { build: Build; results: Map<number, Figures> }[] = [];
  try {
    console.log(`bench:web — Chromium ${browser.version()}, ${RUNS} loads per size and build, ${LIVE_UPDATES} live updates per load, medians; ${new Date().toISOString()}`);
    for (const build of builds) measured.push({ build, results: await measureBuild(build, browser) });
  } finally {
    await browser.close();
  }
  const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
  console.log('');
  console.log('| Build | Seats | interactive (budget) | navigation → the seats response end | render after the data | selection repaint | live update repaint (budget 50 ms): median, max, over 50 ms | live update to the DOM (SVG) or the canvas (canvas) |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const { build, results } of measured)
    for (const size of SIZES) {
      const f = results.get(size.seats)!;
      const i = median(f.interactive);
      const live = median(f.live);
      console.log(
        `| ${build.label} | ${size.seats.toLocaleString('en')} | ${ms(i)} (${ms(size.budgetMs)}: ${i <= size.budgetMs ? 'met' : '**missed**'}) | ${ms(median(f.interactive.map((v, k) => v - f.render[k])))} | ${ms(median(f.render))} | ${ms(median(f.selection))} | ` +
          `${ms(live)}, ${ms(Math.max(...f.live))} (${live <= LIVE_BUDGET_MS ? 'met' : '**missed**'}), ${f.live.filter((v) => v > LIVE_BUDGET_MS).length} of ${f.live.length} | ${ms(median(f.liveDom))} |`,
      );
    }
  console.log(`\nload average when the run ended: ${loadavg().map((n) => n.toFixed(2)).join(', ')}`);
};

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});

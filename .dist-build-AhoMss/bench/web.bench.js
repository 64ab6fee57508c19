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
 *   task). WEB_BENCH_LIVE_UPDATES (default 5) holds per page load, each of another seat.
 * WEB_BENCH_RUNS (default 3) page loads per size; medians are printed. WEB_BENCH_SEATS=10000 or
 * 60000 runs one size only.
 *
 * Before and after in one run: WEB_BENCH_BASELINE names the folder of an older checkout, built
 * there (`npm run build`), e.g. `git archive <commit> | tar -x -C <dir>` with node_modules linked;
 * its own standalone server and web app are measured first, in the same way
 * (WEB_BENCH_BASELINE_LABEL names it in the table). WEB_BENCH_PROFILE=<dir> writes a Chromium CPU
 * profile (CDP `Profiler`) of each build's first 60,000-seat load and live update there, and
 * prints the functions with the most self time. Prints; writes nothing else.
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _nodechild_process = require("node:child_process");
const _nodefs = require("node:fs");
const _nodenet = require("node:net");
const _nodeos = require("node:os");
const _nodepath = require("node:path");
const _playwrightcore = require("playwright-core");
const ROOT = (0, _nodepath.join)(__dirname, '..', '..');
const RUNS = Number(process.env.WEB_BENCH_RUNS ?? 3);
const LIVE_UPDATES = Number(process.env.WEB_BENCH_LIVE_UPDATES ?? 5);
const PROFILE_DIR = process.env.WEB_BENCH_PROFILE;
const ADMIN = {
    email: 'bench-admin@tessera.test',
    password: 'Bench-Harbour-Lantern-93'
};
const PASSWORD = 'Bench-Violet-Harbour-93';
const LIVE_BUDGET_MS = 50;
const ALL_SIZES = [
    {
        seats: 10_000,
        rows: 100,
        perRow: 100,
        budgetMs: 1000
    },
    {
        seats: 60_000,
        rows: 200,
        perRow: 300,
        budgetMs: 2500
    }
];
const SIZES = process.env.WEB_BENCH_SEATS ? ALL_SIZES.filter((size)=>String(size.seats) === process.env.WEB_BENCH_SEATS) : ALL_SIZES;
const freePort = ()=>new Promise((resolve, reject)=>{
        const server = (0, _nodenet.createServer)();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', ()=>{
            const { port } = server.address();
            server.close(()=>resolve(port));
        });
    });
const median = (values)=>[
        ...values
    ].sort((a, b)=>a - b)[Math.floor(values.length / 2)];
/**
 * Installed before the app's scripts: each live message's arrival, by seat, at the moment the
 * EventSource hands it to one of the app's listeners.
 */ const LIVE_PROBE = `(() => {
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
const startServer = async (build)=>{
    const port = await freePort();
    const dataDir = (0, _nodefs.mkdtempSync)((0, _nodepath.join)((0, _nodeos.tmpdir)(), 'tessera-web-bench-'));
    const url = `http://127.0.0.1:${port}`;
    const child = (0, _nodechild_process.spawn)(process.execPath, [
        (0, _nodepath.join)(build.root, 'dist/apps/standalone/src/main.js')
    ], {
        cwd: build.root,
        env: {
            PATH: process.env.PATH ?? '',
            PORT: String(port),
            MQTT_PORT: String(await freePort()),
            HOST: '127.0.0.1',
            DATA_DIR: dataDir,
            LOG_LEVEL: 'warn',
            ADMIN_EMAIL: ADMIN.email,
            ADMIN_PASSWORD: ADMIN.password
        },
        stdio: [
            'ignore',
            'inherit',
            'inherit'
        ]
    });
    for(let i = 0;; i++){
        if (await fetch(`${url}/health`).then((r)=>r.ok, ()=>false)) break;
        if (i > 300) throw new Error(`${build.label}: the server did not become ready`);
        await new Promise((r)=>setTimeout(r, 100));
    }
    return {
        url,
        stop: async ()=>{
            child.kill('SIGTERM');
            await new Promise((r)=>child.once('close', r));
            (0, _nodefs.rmSync)(dataDir, {
                recursive: true,
                force: true
            });
        }
    };
};
/** The functions with the most self time in a CDP CPU profile, one line each. */ const topSelfTime = (profile, count = 12)=>{
    const perSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples?.length ?? 1);
    const self = new Map();
    for (const node of profile.nodes){
        const { functionName, url, lineNumber } = node.callFrame;
        const name = `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}` : ''}`.trim();
        self.set(name, (self.get(name) ?? 0) + (node.hitCount ?? 0) * perSample);
    }
    return [
        ...self.entries()
    ].sort((a, b)=>b[1] - a[1]).slice(0, count).map(([name, ms])=>`    ${ms.toFixed(0).padStart(6)} ms  ${name}`);
};
const measureBuild = async (build, browser)=>{
    const server = await startServer(build);
    const results = new Map();
    try {
        const call = async (path, body, token)=>{
            const res = await fetch(`${server.url}${path}`, {
                method: 'POST',
                headers: {
                    'content-type': 'application/json',
                    ...token ? {
                        authorization: `Bearer ${token}`
                    } : {}
                },
                body: JSON.stringify(body)
            });
            if (!res.ok) throw new Error(`${build.label}: ${path}: ${res.status} ${await res.text()}`);
            return await res.json();
        };
        const admin = (await call('/api/auth/login', ADMIN)).accessToken;
        const fan = async (name)=>{
            const email = `${name}-${Math.random().toString(36).slice(2, 10)}@bench.test`;
            await call('/api/auth/register', {
                email,
                password: PASSWORD,
                displayName: name
            });
            return {
                email,
                token: (await call('/api/auth/login', {
                    email,
                    password: PASSWORD
                })).accessToken
            };
        };
        const watcher = await fan('watcher');
        const other = await fan('other');
        for (const size of SIZES){
            const created = await call('/api/shows', {
                name: `Bench ${size.seats}`,
                venue: 'Bench Arena',
                startsAt: new Date(Date.now() + 90 * 24 * 3600_000).toISOString(),
                currency: 'EUR',
                holdMinutes: 10,
                maxSeatsPerBooking: 8,
                categories: [
                    {
                        id: 'std',
                        name: 'Standard',
                        price: 4500
                    }
                ],
                sections: [
                    {
                        id: 'A',
                        name: 'Floor',
                        categoryId: 'std',
                        rows: Array.from({
                            length: size.rows
                        }, (_, r)=>({
                                label: String(r + 1),
                                seats: size.perRow
                            }))
                    }
                ]
            }, admin);
            const showId = created.showId;
            await call(`/api/shows/${showId}/publish`, {}, admin);
            const figures = {
                interactive: [],
                render: [],
                selection: [],
                live: [],
                liveDom: []
            };
            for(let run = 0; run < RUNS; run++){
                const context = await browser.newContext({
                    viewport: {
                        width: 1280,
                        height: 900
                    }
                });
                await context.addInitScript(LIVE_PROBE);
                const page = await context.newPage();
                page.on('crash', ()=>console.error(`${build.label}: the page crashed`));
                page.on('pageerror', (error)=>console.error(`${build.label}: page error: ${error.message}`));
                await page.goto(`${server.url}/signin?next=${encodeURIComponent('/tickets')}`);
                await page.getByLabel('E-mail').fill(watcher.email);
                await page.getByLabel('Password').fill(PASSWORD);
                await page.getByRole('button', {
                    name: 'Sign in'
                }).click();
                await page.waitForURL((u)=>u.pathname === '/tickets');
                const profiling = PROFILE_DIR && run === 0 && size.seats === 60_000;
                let cdp;
                if (profiling) {
                    cdp = await context.newCDPSession(page);
                    await cdp.send('Profiler.enable');
                    await cdp.send('Profiler.start');
                }
                // A full load (the session comes back by the refresh cookie), timed from its navigation start.
                await page.goto(`${server.url}/shows/${showId}?category=std&section=A`);
                await page.waitForFunction(()=>performance.getEntriesByName('seat-map:interactive').length > 0, undefined, {
                    timeout: 60_000
                });
                const timing = await page.evaluate(`(() => {
          const mark = performance.getEntriesByName('seat-map:interactive')[0].startTime;
          const seats = performance.getEntriesByType('resource').find((e) => e.name.includes('/seats'));
          return { mark, seatsEnd: seats ? seats.responseEnd : 0 };
        })()`);
                figures.interactive.push(timing.mark);
                figures.render.push(timing.mark - timing.seatsEnd);
                figures.selection.push(await page.evaluate(`new Promise((resolve) => {
            const seat = document.querySelector('rect[data-seat]:not([aria-disabled="true"])');
            const started = performance.now();
            seat.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, clientX: 1, clientY: 1 }));
            seat.dispatchEvent(new PointerEvent('pointerup', { bubbles: true, clientX: 1, clientY: 1 }));
            requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now() - started)));
          })`));
                await page.getByRole('status').filter({
                    hasText: 'Live'
                }).waitFor({
                    timeout: 30_000
                });
                // Free seats spread over the section, none the selected one.
                const targets = await page.evaluate(`(() => {
          const free = [...document.querySelectorAll('rect[data-seat]:not([aria-disabled="true"]):not([aria-checked="true"])')];
          return Array.from({ length: ${LIVE_UPDATES} }, (_, i) => free[Math.floor(((i + 0.5) * free.length) / ${LIVE_UPDATES})].getAttribute('data-seat'));
        })()`);
                for (const seatId of targets){
                    await page.evaluate(`window.__repaint = new Promise((resolve) => {
            const rect = document.querySelector('rect[data-seat="${seatId}"]');
            const observer = new MutationObserver(() => {
              if (rect.getAttribute('aria-disabled') !== 'true') return;
              observer.disconnect();
              const changed = performance.now();
              requestAnimationFrame(() => setTimeout(() => resolve({ changed, painted: performance.now() }), 0));
            });
            observer.observe(rect, { attributes: true });
          }); undefined`); // (the promise stays in the page: returned, evaluate would wait for it)
                    await call('/api/bookings', {
                        showId,
                        seats: [
                            seatId
                        ]
                    }, other.token);
                    const seen = await page.evaluate(`Promise.race([
              window.__repaint.then(({ changed, painted }) => ({ arrived: window.__liveArrivals.get('${seatId}'), changed, painted })),
              new Promise((resolve) => setTimeout(() => resolve('no repaint within 20 s: message ' + (window.__liveArrivals.has('${seatId}') ? 'received' : 'not received') +
                ', seat ' + document.querySelector('rect[data-seat="${seatId}"]')?.outerHTML), 20000)),
            ])`);
                    if (typeof seen === 'string') throw new Error(`${build.label}, ${seatId}: ${seen}`);
                    figures.live.push(seen.painted - seen.arrived);
                    figures.liveDom.push(seen.changed - seen.arrived);
                }
                if (cdp && PROFILE_DIR) {
                    const { profile } = await cdp.send('Profiler.stop');
                    (0, _nodefs.mkdirSync)(PROFILE_DIR, {
                        recursive: true
                    });
                    const file = (0, _nodepath.join)(PROFILE_DIR, `${build.label.replace(/[^\w.-]+/g, '-')}-${size.seats}.cpuprofile`);
                    (0, _nodefs.writeFileSync)(file, JSON.stringify(profile));
                    console.log(`  ${build.label}, ${size.seats.toLocaleString('en')} seats, load and ${LIVE_UPDATES} live updates: CPU profile ${file}; most self time:`);
                    console.log(topSelfTime(profile).join('\n'));
                }
                await context.close();
            }
            results.set(size.seats, figures);
        }
    } finally{
        await server.stop();
    }
    return results;
};
const main = async ()=>{
    const builds = [
        ...process.env.WEB_BENCH_BASELINE ? [
            {
                label: process.env.WEB_BENCH_BASELINE_LABEL ?? 'baseline',
                root: (0, _nodepath.resolve)(process.env.WEB_BENCH_BASELINE)
            }
        ] : [],
        {
            label: 'this checkout',
            root: ROOT
        }
    ];
    const browser = await _playwrightcore.chromium.launch({
        executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
        headless: true,
        args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking'
        ]
    });
    const measured = [];
    try {
        console.log(`bench:web — Chromium ${browser.version()}, ${RUNS} loads per size and build, ${LIVE_UPDATES} live updates per load, medians; ${new Date().toISOString()}`);
        for (const build of builds)measured.push({
            build,
            results: await measureBuild(build, browser)
        });
    } finally{
        await browser.close();
    }
    const ms = (n)=>`${Math.round(n).toLocaleString('en')} ms`;
    console.log('');
    console.log('| Build | Seats | interactive (budget) | render after the data | selection repaint | live update repaint (budget 50 ms): median, max | live update to the DOM |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const { build, results } of measured)for (const size of SIZES){
        const f = results.get(size.seats);
        const i = median(f.interactive);
        const live = median(f.live);
        console.log(`| ${build.label} | ${size.seats.toLocaleString('en')} | ${ms(i)} (${ms(size.budgetMs)}: ${i <= size.budgetMs ? 'met' : '**missed**'}) | ${ms(median(f.render))} | ${ms(median(f.selection))} | ` + `${ms(live)}, ${ms(Math.max(...f.live))} (${live <= LIVE_BUDGET_MS ? 'met' : '**missed**'}) | ${ms(median(f.liveDom))} |`);
    }
    console.log(`\nload average when the run ended: ${(0, _nodeos.loadavg)().map((n)=>n.toFixed(2)).join(', ')}`);
};
void main().catch((error)=>{
    console.error(error);
    process.exit(1);
});

//# sourceMappingURL=web.bench.js.map
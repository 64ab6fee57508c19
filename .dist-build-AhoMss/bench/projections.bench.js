/**
 * bench:projections — the read side: rebuild throughput over 1,000,000 events made by the real
 * deciders (all projections in one pass), GET /api/shows/{id}/seats p99 for a 60,000-seat show,
 * GET /api/shows p99 with 1,000 shows (each against a bare route of the same server, as a ratio),
 * and projection lag p99 (append → visible) while holds are appended. Writes the section
 * "bench:projections" of bench/RESULTS.md.
 *   npm run bench:projections   (node --expose-gc --require ./tools/swc-register.js bench/projections.bench.ts)
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "fillLog", {
    enumerable: true,
    get: function() {
        return fillLog;
    }
});
const _nodecrypto = require("node:crypto");
const _nodefs = require("node:fs");
const _nodeos = require("node:os");
const _nodepath = require("node:path");
const _nodeperf_hooks = require("node:perf_hooks");
const _promises = require("node:fs/promises");
const _contracts = require("../libs/contracts/src");
const _domain = require("../libs/domain/src");
const _eventsourcing = require("../libs/platform/src/commands/event-sourcing");
const _embedded = require("../libs/platform/src/event-store/embedded");
const _eventstoreport = require("../libs/platform/src/event-store/event-store.port");
const _embedded1 = require("../libs/platform/src/read-store/embedded");
const _projectionengine = require("../apps/projector/src/projection-engine");
const _projector = require("../apps/projector/src/projector");
const _readmodels = require("../apps/projector/src/read-models");
const _testapp = require("../test/support/test-app");
const _boxofficedriver = require("../test/read-side/box-office-driver");
/** BENCH_EVENTS shortens a trial run; the recorded figures use the default. */ const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const SEATS_PER_SHOW = 2_000;
const REQUESTS = 300;
const ctx = ()=>({
        actorId: 'bench',
        correlationId: (0, _nodecrypto.randomUUID)(),
        causationId: (0, _nodecrypto.randomUUID)(),
        now: new Date('2027-04-01T10:00:00.000Z')
    });
const percentile = (samples, p)=>{
    const sorted = [
        ...samples
    ].sort((a, b)=>a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
};
const appendsOf = (showId, bookingId, decision, bookingRevision, seatRevision)=>{
    const context = ctx();
    const appends = [
        {
            stream: (0, _contracts.bookingStream)(bookingId),
            expectedRevision: bookingRevision,
            events: (0, _eventsourcing.toAppend)((0, _contracts.bookingStream)(bookingId), decision.booking, context)
        }
    ];
    for (const [seatId, events] of Object.entries(decision.seats))appends.push({
        stream: (0, _contracts.seatStream)(showId, seatId),
        expectedRevision: seatRevision,
        events: (0, _eventsourcing.toAppend)((0, _contracts.seatStream)(showId, seatId), events, context)
    });
    for (const [ticketId, events] of Object.entries(decision.tickets))appends.push({
        stream: (0, _contracts.ticketStream)(ticketId),
        expectedRevision: 'no_stream',
        events: (0, _eventsourcing.toAppend)((0, _contracts.ticketStream)(ticketId), events, context)
    });
    return appends;
};
const fillLog = async (events)=>{
    const now = '2027-04-01T10:00:00.000Z';
    let showNo = 0;
    while(await events.headPosition() < TARGET_EVENTS){
        const showId = `bench${++showNo}`;
        const data = (0, _boxofficedriver.showOf)(showId, {
            sections: 4,
            rows: 10,
            seatsPerRow: SEATS_PER_SHOW / 40
        });
        const created = _domain.Show.decide({
            type: 'CreateShow',
            data,
            metadata: {
                now
            }
        }, _domain.Show.initialState);
        let show = created.reduce(_domain.Show.evolve, _domain.Show.initialState);
        const published = _domain.Show.decide({
            type: 'PublishShow',
            data: {
                showId
            },
            metadata: {
                now
            }
        }, show);
        show = published.reduce(_domain.Show.evolve, show);
        await events.append((0, _contracts.showStream)(showId), (0, _eventsourcing.toAppend)((0, _contracts.showStream)(showId), [
            ...created,
            ...published
        ], ctx()), {
            expectedRevision: 'no_stream'
        });
        const seatIds = data.sections.flatMap((s)=>s.rows.flatMap((r)=>Array.from({
                    length: r.seats
                }, (_, i)=>`${s.id}-${r.label}-${i + 1}`)));
        const places = [];
        const pays = [];
        for(let i = 0; i + 1 < seatIds.length; i += 2){
            const bookingId = (0, _nodecrypto.randomUUID)();
            const pair = [
                seatIds[i],
                seatIds[i + 1]
            ];
            const placed = (0, _domain.decidePlaceBooking)({
                show,
                seats: {},
                command: {
                    type: 'PlaceBooking',
                    data: {
                        bookingId,
                        userId: `user${i % 500}`,
                        showId,
                        seatIds: pair
                    },
                    metadata: {
                        now
                    }
                }
            });
            places.push(appendsOf(showId, bookingId, {
                ...placed,
                tickets: {}
            }, 'no_stream', 'no_stream'));
            if (i / 2 % 5 === 4) continue;
            const booking = placed.booking.reduce(_domain.Booking.evolve, _domain.Booking.initialState);
            const seats = Object.fromEntries(Object.entries(placed.seats).map(([id, e])=>[
                    id,
                    e.reduce(_domain.Seat.evolve, _domain.Seat.initialState)
                ]));
            const paid = (0, _domain.decidePayBooking)({
                booking,
                seats,
                command: {
                    type: 'ConfirmBooking',
                    data: {
                        bookingId,
                        paymentId: (0, _nodecrypto.randomUUID)(),
                        tickets: pair.map((seatId)=>({
                                ticketId: (0, _nodecrypto.randomUUID)(),
                                seatId
                            }))
                    },
                    metadata: {
                        now
                    }
                }
            });
            pays.push(appendsOf(showId, bookingId, paid, 0, 0));
        }
        for (const group of [
            places,
            pays
        ]){
            const inFlight = [];
            for(let i = 0; i < group.length; i += 100)inFlight.push(events.appendMulti(group.slice(i, i + 100).flat()));
            await Promise.all(inFlight);
        }
    }
    return events.headPosition();
};
const timeRequests = async (url, headers = {})=>{
    const samples = [];
    let bytes = 0;
    for(let i = 0; i < REQUESTS + 20; i++){
        const started = _nodeperf_hooks.performance.now();
        const response = await fetch(url, {
            headers
        });
        const body = await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
        if (i >= 20) samples.push(_nodeperf_hooks.performance.now() - started);
        bytes = body.byteLength;
    }
    return {
        p50: percentile(samples, 50),
        p99: percentile(samples, 99),
        bytes
    };
};
/**
 * Each timed phase starts from a collected heap (`--expose-gc`, as bench:store does), so that it
 * does not pay for the garbage of the phase before it (the fill, another rebuild's store).
 */ const collectGarbage = ()=>globalThis.gc?.();
/** A rebuild of `projections` from the whole log into a fresh store, in 20,000-event batches like `rebuild.ts`. */ const timeRebuild = async (events, projections, head)=>{
    collectGarbage();
    const reads = new _embedded1.EmbeddedReadStore();
    const engine = new _projectionengine.ProjectionEngine(reads, projections, '__bench');
    const started = _nodeperf_hooks.performance.now();
    let batch = [];
    let projected = 0;
    for await (const event of events.readAll({
        filter: (0, _projectionengine.filterOf)(projections)
    })){
        batch.push(event);
        if (batch.length >= 20_000) {
            await engine.apply(batch);
            projected += batch.length;
            batch = [];
        }
    }
    await engine.apply(batch, head);
    projected += batch.length;
    return {
        events: projected,
        seconds: (_nodeperf_hooks.performance.now() - started) / 1000
    };
};
const main = async ()=>{
    const dir = await (0, _promises.mkdtemp)((0, _nodepath.join)((0, _nodeos.tmpdir)(), 'tessera-bench-projections-'));
    try {
        // 1. Rebuild throughput.
        const events = await _embedded.EmbeddedEventStore.open({
            dataDir: (0, _nodepath.join)(dir, 'rebuild')
        });
        const fillStarted = _nodeperf_hooks.performance.now();
        const head = await fillLog(events);
        const fillSeconds = (_nodeperf_hooks.performance.now() - fillStarted) / 1000;
        process.stderr.write(`log filled: ${head} events in ${fillSeconds.toFixed(1)} s\n`);
        const { events: projected, seconds: rebuildSeconds } = await timeRebuild(events, _readmodels.PROJECTIONS, head);
        const rebuildRate = projected / rebuildSeconds;
        process.stderr.write(`rebuild: ${projected} events in ${rebuildSeconds.toFixed(1)} s\n`);
        // Where the time goes: reading and decoding the log alone, then each projection alone.
        collectGarbage();
        const readStarted = _nodeperf_hooks.performance.now();
        let read = 0;
        for await (const _event of events.readAll({
            filter: (0, _projectionengine.filterOf)(_readmodels.PROJECTIONS)
        }))read++;
        const readSeconds = (_nodeperf_hooks.performance.now() - readStarted) / 1000;
        const readRate = read / readSeconds;
        const alone = [];
        for (const projection of _readmodels.PROJECTIONS){
            const run = await timeRebuild(events, [
                projection
            ], head);
            alone.push({
                name: projection.name,
                events: run.events,
                rate: run.events / run.seconds
            });
        }
        await events.close();
        // 2–4. HTTP reads and lag on the standalone server.
        collectGarbage();
        const server = await (0, _testapp.startTestApp)({
            dataDir: (0, _nodepath.join)(dir, 'server')
        });
        const store = server.app.get(_eventstoreport.EventStore);
        const driver = new _boxofficedriver.BoxOfficeDriver(store);
        await driver.createShow((0, _boxofficedriver.showOf)('big', {
            sections: 60,
            rows: 20,
            seatsPerRow: 50
        }));
        for(let i = 0; i < 1000; i++)await driver.createShow((0, _boxofficedriver.showOf)(`s${i}`, {
            startsAt: new Date(Date.UTC(2027, 5, 1) + i * 3600_000).toISOString()
        }));
        for(let i = 1; i <= 200; i++)await driver.placeBooking('big', `fan${i}`, [
            `S${1 + i % 60}-${1 + i % 20}-${i % 50 || 50}`
        ]);
        const projector = server.app.get(_projector.Projector);
        const position = await store.headPosition();
        if (!await projector.waitFor(position, 60_000)) throw new Error('projector did not catch up');
        const bare = await timeRequests(`${server.url}/health/live`);
        const seats = await timeRequests(`${server.url}/api/shows/big/seats`);
        const list = await timeRequests(`${server.url}/api/shows`);
        const lags = [];
        const loops = Array.from({
            length: 8
        }, async (_, loop)=>{
            for(let i = 0; i < 150; i++){
                const seat = `S${1 + (loop * 7 + i) % 60}-${1 + i % 20}-${1 + (loop * 150 + i) % 50}`;
                try {
                    const { position: at } = await driver.placeBooking('big', `lag${loop}`, [
                        seat
                    ]);
                    const appended = _nodeperf_hooks.performance.now();
                    await projector.waitFor(at, 10_000);
                    lags.push(_nodeperf_hooks.performance.now() - appended);
                } catch  {
                // a seat already held by another loop: not a sample
                }
            }
        });
        await Promise.all(loops);
        await server.close();
        const lagP50 = percentile(lags, 50);
        const lagP99 = percentile(lags, 99);
        const met = (ok)=>ok ? 'met' : 'MISSED';
        const date = new Date().toISOString();
        const section = [
            '## bench:projections',
            '',
            `Read side (\`apps/projector\`, \`apps/query-api\`). Run on ${date.slice(0, 10)} (${date}).`,
            '',
            '- Command: `npm run bench:projections` (`node --expose-gc --require ./tools/swc-register.js bench/projections.bench.ts`); each timed phase starts after a full garbage collection',
            `- CPU: ${(0, _nodeos.cpus)()[0]?.model ?? 'unknown'} (\`nproc\` = ${(0, _nodeos.cpus)().length}); Node ${process.version}`,
            `- Load average when the run ended: ${(0, _nodeos.loadavg)().map((n)=>n.toFixed(2)).join(', ')} (the machine is shared; other work moves the figures)`,
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
            ...whatBoundsTheRebuild({
                rebuildRate,
                rebuildSeconds,
                readRate,
                readSeconds,
                alone
            }),
            ''
        ].join('\n');
        const resultsPath = (0, _nodepath.resolve)(__dirname, '..', 'bench', 'RESULTS.md');
        const results = (0, _nodefs.readFileSync)(resultsPath, 'utf8');
        const start = results.indexOf('## bench:projections');
        let next = start < 0 ? -1 : results.indexOf('\n## ', start + 1);
        if (next >= 0) next += 1;
        const updated = start < 0 ? `${results.trimEnd()}\n\n${section}` : `${results.slice(0, start)}${section}${next >= 0 ? `\n${results.slice(next)}` : ''}`;
        (0, _nodefs.writeFileSync)(resultsPath, updated);
        process.stdout.write(`${section}\n`);
    } finally{
        await (0, _promises.rm)(dir, {
            recursive: true,
            force: true
        });
    }
};
const perSecond = (rate)=>Math.round(rate).toLocaleString('en');
/**
 * The analysis under the table, from this run's figures. The dated sentences say what a profile
 * showed when the read side was last tuned; everything else is measured by this run.
 */ const whatBoundsTheRebuild = (run)=>{
    const readShare = Math.min(1, run.readSeconds / run.rebuildSeconds);
    return [
        `What bounds the rebuild: reading and decoding the log alone runs at ${perSecond(run.readRate)} events/s, ${run.readSeconds.toFixed(1)} s of the`,
        `${run.rebuildSeconds.toFixed(1)} s rebuild (${Math.round(readShare * 100)} %); the other ${(run.rebuildSeconds - run.readSeconds).toFixed(1)} s are the four projections' document work in the`,
        'embedded read store. Each projection alone over the same log, reading included (own events/s):',
        `${run.alone.map((p)=>`${p.name} ${perSecond(p.rate)} (${p.events.toLocaleString('en')} events)`).join(', ')}.`,
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
        'the same in-process fill and rebuild of both versions, run back to back on 2026-11-21, took 26.4 s before and 16.1 s after (1.6×).'
    ];
};
if (require.main === module) main().catch((error)=>{
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exitCode = 1;
});

//# sourceMappingURL=projections.bench.js.map
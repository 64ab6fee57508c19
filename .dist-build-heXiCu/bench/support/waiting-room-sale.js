"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "waitingRoomSale", {
    enumerable: true,
    get: function() {
        return waitingRoomSale;
    }
});
const _nodeperf_hooks = require("node:perf_hooks");
const _embedded = require("../../libs/platform/src/event-store/embedded");
const call = async (method, url, token, body, headers = {})=>{
    try {
        const res = await fetch(url, {
            method,
            headers: {
                authorization: `Bearer ${token}`,
                ...body === undefined ? {} : {
                    'content-type': 'application/json'
                },
                ...headers
            },
            body: body === undefined ? undefined : JSON.stringify(body)
        });
        const text = await res.text();
        return {
            status: res.status,
            body: text ? JSON.parse(text) : {}
        };
    } catch (error) {
        return {
            status: 0,
            body: {
                code: String(error.cause?.code ?? error.message)
            }
        };
    }
};
const quantile = (sorted, q)=>sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
/** Runs `work` for every item, `concurrency` at a time. */ const pooled = async (items, concurrency, work)=>{
    let next = 0;
    await Promise.all(Array.from({
        length: concurrency
    }, async ()=>{
        while(next < items.length){
            const index = next++;
            await work(items[index], index);
        }
    }));
};
const waitingRoomSale = async (options)=>{
    const { url, adminToken, fans: FANS, seats: SEATS, admitPerMinute, concurrency } = options;
    const errors = new Map();
    const failed = (what, answer)=>errors.set(`${what} ${answer.status} ${String(answer.body.code ?? '')}`, (errors.get(`${what} ${answer.status} ${String(answer.body.code ?? '')}`) ?? 0) + 1);
    // A row takes at most 1,000 seats: seat k (from 1) is row ceil(k / 1000).
    const perRow = Math.min(SEATS, 1000);
    const seatName = (k)=>`A-${Math.ceil(k / perRow)}-${(k - 1) % perRow + 1}`;
    const showId = await options.createShow(Math.ceil(SEATS / perRow), perRow);
    const room = (opensAt)=>({
            enabled: true,
            opensAt: opensAt.toISOString(),
            admitPerMinute,
            tokenMinutes: 10
        });
    const configured = await call('PUT', `${url}/api/shows/${showId}/waiting-room`, adminToken, room(new Date(Date.now() + 3_600_000)));
    if (configured.status !== 200) throw new Error(`waiting room: ${configured.status} ${JSON.stringify(configured.body)}`);
    const tokens = await Promise.all(Array.from({
        length: FANS
    }, (_, i)=>options.tokenFor(`room-fan-${i}`)));
    // 2. Everyone joins before the opening.
    const queueIds = new Array(FANS);
    const joinStarted = _nodeperf_hooks.performance.now();
    await pooled(tokens, concurrency, async (token, i)=>{
        const joined = await call('POST', `${url}/api/shows/${showId}/queue`, token);
        if (joined.status === 201) queueIds[i] = joined.body.queueId;
        else failed('join', joined);
    });
    const joinSeconds = (_nodeperf_hooks.performance.now() - joinStarted) / 1000;
    // The reference: the bare route, with the same client and concurrency, as many requests.
    const bareLatencies = [];
    const bareStarted = _nodeperf_hooks.performance.now();
    await pooled(tokens, concurrency, async (token)=>{
        const started = _nodeperf_hooks.performance.now();
        const answer = await call('GET', `${url}/health/live`, token);
        bareLatencies.push(_nodeperf_hooks.performance.now() - started);
        if (answer.status !== 200) failed('bare', answer);
    });
    const bareSeconds = (_nodeperf_hooks.performance.now() - bareStarted) / 1000;
    bareLatencies.sort((a, b)=>a - b);
    // 3. Everyone reads their place once.
    const positions = new Array(FANS).fill(Number.POSITIVE_INFINITY);
    const readLatencies = [];
    await pooled(tokens, concurrency, async (token, i)=>{
        if (!queueIds[i]) return;
        const started = _nodeperf_hooks.performance.now();
        const place = await call('GET', `${url}/api/shows/${showId}/queue/${queueIds[i]}`, token);
        readLatencies.push(_nodeperf_hooks.performance.now() - started);
        if (place.status === 200) positions[i] = place.body.position;
        else failed('read', place);
    });
    readLatencies.sort((a, b)=>a - b);
    // 4. The opening, now: the head of the queue watches, the admitted buy, others try without a token.
    const order = positions.map((position, fan)=>({
            position,
            fan
        })).filter((p)=>Number.isFinite(p.position)).sort((a, b)=>a.position - b.position).map((p)=>p.fan);
    const opened = await call('PUT', `${url}/api/shows/${showId}/waiting-room`, adminToken, room(new Date()));
    if (opened.status !== 200) throw new Error(`opening: ${opened.status} ${JSON.stringify(opened.body)}`);
    const openedAt = _nodeperf_hooks.performance.now();
    let confirmed = 0;
    let nextSeat = 1;
    let head = 0;
    let soldOutAt = 0;
    let unadmittedAttempts = 0;
    let unadmittedSucceeded = 0;
    const saleReads = [];
    const admittedTokens = [];
    const soldOut = ()=>confirmed >= SEATS || head >= order.length;
    const buy = async (fan, admission)=>{
        const seat = nextSeat++;
        if (seat > SEATS) return;
        const held = await call('POST', `${url}/api/bookings`, tokens[fan], {
            showId,
            seats: [
                seatName(seat)
            ]
        }, {
            'x-admission-token': admission
        });
        if (held.status !== 201) return void failed('hold', held);
        const paid = await call('POST', `${url}/api/bookings/${held.body.bookingId}/payment`, tokens[fan], {
            card: {
                number: '4242424242424242',
                expMonth: 12,
                expYear: 2030,
                cvc: '123'
            }
        });
        if (paid.status !== 200) return void failed('payment', paid);
        confirmed++;
        if (confirmed === SEATS) soldOutAt = _nodeperf_hooks.performance.now();
    };
    const purchases = [];
    const watch = async ()=>{
        while(!soldOut()){
            const fan = order[head];
            const started = _nodeperf_hooks.performance.now();
            const place = await call('GET', `${url}/api/shows/${showId}/queue/${queueIds[fan]}`, tokens[fan]);
            saleReads.push(_nodeperf_hooks.performance.now() - started);
            if (place.status !== 200) {
                failed('read', place);
                continue;
            }
            if (place.body.admitted === true && order[head] === fan) {
                head++;
                admittedTokens.push(place.body.admissionToken);
                purchases.push(buy(fan, place.body.admissionToken));
            } else {
                await new Promise((done)=>setTimeout(done, 20));
            }
        }
    };
    // Fans still waiting try their luck: no token, a forged one, and the token of someone admitted.
    const cheat = async ()=>{
        for(let attempt = 0; !soldOut(); attempt++){
            const fan = order[order.length - 1 - attempt % 1000];
            const stolen = admittedTokens[attempt % Math.max(1, admittedTokens.length)];
            const token = attempt % 3 === 0 ? undefined : attempt % 3 === 1 ? 'A1.forgedkid.x.y.z.9999999999.' + 'A'.repeat(43) : stolen;
            unadmittedAttempts++;
            const tried = await call('POST', `${url}/api/bookings`, tokens[fan], {
                showId,
                seats: [
                    seatName(SEATS - attempt % 50)
                ]
            }, token ? {
                'x-admission-token': token
            } : {});
            if (tried.status === 201) unadmittedSucceeded++;
            else if (tried.status !== 403) failed('unadmitted hold', tried);
            await new Promise((done)=>setTimeout(done, 50));
        }
    };
    await Promise.all([
        ...Array.from({
            length: options.watchers
        }, watch),
        cheat()
    ]);
    await Promise.all(purchases);
    const sellOutSeconds = ((soldOutAt || _nodeperf_hooks.performance.now()) - openedAt) / 1000;
    saleReads.sort((a, b)=>a - b);
    await options.stop();
    // 5. The log: admissions over time, and seats sold.
    const log = await _embedded.EmbeddedEventStore.open({
        dataDir: options.dataDir
    });
    const admissions = (await log.readStream(`queue-${showId}`)).filter((e)=>e.type === 'waiting_room.admitted.v1');
    const configuredEvents = (await log.readStream(`queue-${showId}`)).filter((e)=>e.type === 'waiting_room.configured.v1');
    const opensAt = Date.parse(configuredEvents[configuredEvents.length - 1].data.opensAt);
    const last = admissions[admissions.length - 1];
    const admitted = last ? last.data.through : 0;
    const admissionSeconds = last ? (Date.parse(last.metadata.occurredAt) - opensAt) / 1000 : 0;
    const soldBy = new Map();
    for await (const event of log.readAll({
        filter: {
            eventTypes: [
                'seat.sold.v1',
                'seat.released.v1'
            ]
        }
    })){
        soldBy.set(event.stream, (soldBy.get(event.stream) ?? 0) + (event.type === 'seat.sold.v1' ? 1 : -1));
    }
    await log.close();
    const soldInLog = [
        ...soldBy.values()
    ].reduce((sum, n)=>sum + Math.max(0, n), 0);
    const oversold = [
        ...soldBy.values()
    ].reduce((sum, n)=>sum + Math.max(0, n - 1), 0);
    return {
        fans: FANS,
        seats: SEATS,
        admitPerMinute,
        joinSeconds,
        joinsPerSecond: queueIds.filter(Boolean).length / joinSeconds,
        readP50: quantile(readLatencies, 0.5),
        readP99: quantile(readLatencies, 0.99),
        bareP50: quantile(bareLatencies, 0.5),
        bareP99: quantile(bareLatencies, 0.99),
        barePerSecond: FANS / bareSeconds,
        readsDuringSale: saleReads.length,
        readDuringSaleP99: quantile(saleReads, 0.99),
        admitted,
        admissionSeconds,
        // The rate allows one place per 60/admitPerMinute s from the opening on.
        admissionAccuracy: admissionSeconds > 0 ? admitted / Math.floor(admissionSeconds * admitPerMinute / 60) : 0,
        sellOutSeconds,
        confirmed,
        unadmittedAttempts,
        unadmittedSucceeded,
        errors: Object.fromEntries(errors),
        soldInLog,
        oversold
    };
};

//# sourceMappingURL=waiting-room-sale.js.map
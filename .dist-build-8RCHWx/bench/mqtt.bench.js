/**
 * bench:mqtt — events/s from the MQTT channel to one QoS 1 subscriber, through the embedded broker
 * and through the machine's Mosquitto (issue 12, "MQTT: events/s to one QoS 1 subscriber"). The
 * channel delivers booking events as the notifier does (each delivery resolves on PUBACK), one at
 * a time (a consumer in order) and 32 at a time; the clock stops when the subscriber has received
 * every one. Writes the section "bench:mqtt" of bench/RESULTS.md.
 *   npm run bench:mqtt   (node --require ./tools/swc-register.js bench/mqtt.bench.ts)
 */ "use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
const _common = require("@nestjs/common");
const _nodecrypto = require("node:crypto");
const _nodefs = require("node:fs");
const _nodeos = require("node:os");
const _nodepath = require("node:path");
const _nodeperf_hooks = require("node:perf_hooks");
const _mqtt = require("mqtt");
const _embeddedbroker = require("../libs/platform/src/mqtt/embedded-broker");
const _mqttconnection = require("../libs/platform/src/mqtt/mqtt-connection");
const _mqttcredentials = require("../libs/platform/src/mqtt/mqtt-credentials");
const _metrics = require("../libs/platform/src/observability/metrics");
const _notificationchannel = require("../apps/notifier/src/channels/notification-channel");
const _mqttchannel = require("../apps/notifier/src/mqtt/mqtt.channel");
/** BENCH_MQTT_EVENTS shortens a trial run; the recorded figures use the default. */ const EVENTS = Number(process.env.BENCH_MQTT_EVENTS ?? 5000);
const MOSQUITTO = process.env.BENCH_MOSQUITTO_URL ?? 'mqtt://127.0.0.1:1883';
const INTEGRATION = {
    username: 'bench',
    password: 'bench-integration-password'
};
const quiet = ()=>{
    const logger = new _common.Logger('bench');
    logger.log = logger.warn = ()=>undefined;
    return logger;
};
const bookingPlaced = (run, i)=>({
        id: (0, _nodecrypto.randomUUID)(),
        stream: `booking-${run}-${i}`,
        type: 'booking.placed.v1',
        revision: 0,
        position: i + 1,
        data: {
            bookingId: `${run}-${i}`,
            userId: 'u',
            showId: 'show-1',
            seats: [],
            amount: 0,
            currency: 'EUR',
            expiresAt: '2027-01-01T00:10:00.000Z'
        },
        metadata: {
            actorId: 'u',
            correlationId: 'c',
            causationId: 'c',
            occurredAt: '2027-01-01T00:00:00.000Z',
            schemaVersion: 1
        },
        recordedAt: '2027-01-01T00:00:00.000Z'
    });
const measure = async (target, inFlight)=>{
    const run = (0, _nodecrypto.randomUUID)().slice(0, 8);
    const publisher = target.publisher();
    await publisher.connected();
    const channel = new _mqttchannel.MqttChannel(new _notificationchannel.NotificationChannels(), publisher, undefined);
    const { url, ...auth } = target.subscriber;
    const subscriber = await (0, _mqtt.connectAsync)(url, {
        ...auth,
        clientId: `${auth.username ?? 'bench'}-${run}`,
        clean: true
    });
    const seen = new Set();
    let done = ()=>undefined;
    const all = new Promise((resolve)=>done = resolve);
    subscriber.on('message', (_topic, payload)=>{
        seen.add(JSON.parse(payload.toString()).id);
        if (seen.size === EVENTS) done();
    });
    await subscriber.subscribeAsync(`tessera/bookings/+/status`, {
        qos: 1
    });
    const events = Array.from({
        length: EVENTS
    }, (_, i)=>bookingPlaced(run, i));
    const started = _nodeperf_hooks.performance.now();
    let next = 0;
    await Promise.all(Array.from({
        length: inFlight
    }, async ()=>{
        while(next < events.length)await channel.deliver(events[next++]);
    }));
    await all;
    const seconds = (_nodeperf_hooks.performance.now() - started) / 1000;
    await subscriber.endAsync();
    await publisher.close();
    return EVENTS / seconds;
};
const main = async ()=>{
    const broker = new _embeddedbroker.EmbeddedMqttBroker({
        host: '127.0.0.1',
        port: 0,
        credentials: new _mqttcredentials.MqttCredentials(),
        integration: INTEGRATION,
        metrics: new _metrics.Metrics(),
        logger: quiet()
    });
    await broker.start();
    const connection = (target)=>()=>new _mqttconnection.MqttConnection({
                target,
                app: 'bench',
                publishTimeoutMs: 30_000,
                metrics: new _metrics.Metrics(),
                logger: quiet()
            });
    const targets = [
        {
            name: 'embedded broker (aedes; Tessera in-process, subscriber over TCP)',
            publisher: connection({
                stream: ()=>broker.connectInProcess(),
                ...broker.internal
            }),
            subscriber: {
                url: `mqtt://127.0.0.1:${broker.state().port}`,
                ...INTEGRATION
            }
        },
        {
            name: `Mosquitto (${MOSQUITTO}; both over TCP)`,
            publisher: connection({
                url: MOSQUITTO
            }),
            subscriber: {
                url: MOSQUITTO
            }
        }
    ];
    const rows = [];
    for (const target of targets){
        // A short warm-up, then the measured runs.
        await measure(target, 32);
        const inOrder = await measure(target, 1);
        const concurrent = await measure(target, 32);
        rows.push(`| ${target.name} | ${Math.round(inOrder).toLocaleString('en')} | ${Math.round(concurrent).toLocaleString('en')} |`);
        process.stdout.write(`${target.name}: ${Math.round(inOrder)} events/s one at a time, ${Math.round(concurrent)} events/s 32 at a time\n`);
    }
    await broker.stop();
    const section = [
        '## bench:mqtt',
        '',
        `MQTT channel → one QoS 1 subscriber. Run on ${new Date().toISOString().slice(0, 10)}.`,
        '',
        `- Command: \`npm run bench:mqtt\` (\`node --require ./tools/swc-register.js bench/mqtt.bench.ts\`), ${EVENTS.toLocaleString('en')} booking events per run after a warm-up run`,
        `- CPU: ${(0, _nodeos.cpus)()[0]?.model.trim() ?? 'unknown'} (\`nproc\` = ${(0, _nodeos.cpus)().length}); Node ${process.version}`,
        `- Load average when the run ended: ${(0, _nodeos.loadavg)().map((load)=>load.toFixed(2)).join(', ')} (the machine is shared; other work moves the figures)`,
        '',
        '| Broker | events/s, one delivery at a time | events/s, 32 deliveries in flight |',
        '|---|---:|---:|',
        ...rows,
        '',
        'Each delivery resolves on the broker\'s PUBACK; the clock stops when the subscriber has received every event id. One at a',
        'time is a consumer that waits for each acknowledgement before the next event; 32 in flight is what the round trip allows.',
        ''
    ].join('\n');
    const file = (0, _nodepath.resolve)(__dirname, 'RESULTS.md');
    const current = (0, _nodefs.readFileSync)(file, 'utf8');
    const start = current.indexOf('## bench:mqtt\n');
    const next = start < 0 ? -1 : current.indexOf('\n## ', start + 1);
    const updated = start < 0 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${next < 0 ? '' : current.slice(next + 1)}`;
    (0, _nodefs.writeFileSync)(file, updated);
};
void main().then(()=>process.exit(0), (error)=>{
    process.stderr.write(`bench:mqtt failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
});

//# sourceMappingURL=mqtt.bench.js.map
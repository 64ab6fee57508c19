/**
 * bench:mqtt — events/s from the MQTT channel to one QoS 1 subscriber, through the embedded broker
 * and through the machine's Mosquitto (issue 12, "MQTT: events/s to one QoS 1 subscriber"). The
 * channel delivers booking events as the notifier does (each delivery resolves on PUBACK), one at
 * a time (a consumer in order) and 32 at a time; the clock stops when the subscriber has received
 * every one. Writes the section "bench:mqtt" of bench/RESULTS.md.
 *   npm run bench:mqtt   (node --require ./tools/swc-register.js bench/mqtt.bench.ts)
 */
import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { connectAsync } from 'mqtt';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { EmbeddedMqttBroker } from '@tessera/platform/mqtt/embedded-broker';
import { MqttConnection } from '@tessera/platform/mqtt/mqtt-connection';
import { MqttCredentials } from '@tessera/platform/mqtt/mqtt-credentials';
import { Metrics } from '@tessera/platform/observability/metrics';
import { NotificationChannels } from '../apps/notifier/src/channels/notification-channel';
import { MqttChannel } from '../apps/notifier/src/mqtt/mqtt.channel';
import type { ShowAvailabilityFeed } from '../apps/notifier/src/mqtt/show-availability.feed';

/** BENCH_MQTT_EVENTS shortens a trial run; the recorded figures use the default. */
const EVENTS = Number(process.env.BENCH_MQTT_EVENTS ?? 5000);
const MOSQUITTO = process.env.BENCH_MOSQUITTO_URL ?? 'mqtt://127.0.0.1:1883';
const INTEGRATION = { username: 'bench', password: 'bench-integration-password' };

const quiet = (): Logger => {
  const logger = new Logger('bench');
  logger.log = logger.warn = () => undefined;
  return logger;
};

const bookingPlaced = (run: string, i: number): RecordedEvent => ({
  id: randomUUID(),
  stream: `booking-${run}-${i}`,
  type: 'booking.placed.v1',
  revision: 0,
  position: i + 1,
  data: { bookingId: `${run}-${i}`, userId: 'u', showId: 'show-1', seats: [], amount: 0, currency: 'EUR', expiresAt: '2027-01-01T00:10:00.000Z' },
  metadata: { actorId: 'u', correlationId: 'c', causationId: 'c', occurredAt: '2027-01-01T00:00:00.000Z', schemaVersion: 1 },
  recordedAt: '2027-01-01T00:00:00.000Z',
});

interface Target {
  name: string;
  publisher: () => MqttConnection;
  subscriber: { url: string; username?: string; password?: string };
}

const measure = async (target: Target, inFlight: number): Promise<number> => {
  const run = randomUUID().slice(0, 8);
  const publisher = target.publisher();
  await publisher.connected();
  const channel = new MqttChannel(new NotificationChannels(), publisher, undefined as unknown as ShowAvailabilityFeed);
  const { url, ...auth } = target.subscriber;
  const subscriber = await connectAsync(url, { ...auth, clientId: `${auth.username ?? 'bench'}-${run}`, clean: true });
  const seen = new Set<string>();
  let done: () => void = () => undefined;
  const all = new Promise<void>((resolve) => (done = resolve));
  subscriber.on('message', (_topic, payload) => {
    seen.add((JSON.parse(payload.toString()) as { id: string }).id);
    if (seen.size === EVENTS) done();
  });
  await subscriber.subscribeAsync(`tessera/bookings/+/status`, { qos: 1 });
  const events = Array.from({ length: EVENTS }, (_, i) => bookingPlaced(run, i));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < events.length) await channel.deliver(events[next++]);
    }),
  );
  await all;
  const seconds = (performance.now() - started) / 1000;
  await subscriber.endAsync();
  await publisher.close();
  return EVENTS / seconds;
};

const main = async (): Promise<void> => {
  const broker = new EmbeddedMqttBroker({ host: '127.0.0.1', port: 0, credentials: new MqttCredentials(), integration: INTEGRATION, metrics: new Metrics(), logger: quiet() });
  await broker.start();
  const connection = (target: ConstructorParameters<typeof MqttConnection>[0]['target']) => () =>
    new MqttConnection({ target, app: 'bench', publishTimeoutMs: 30_000, metrics: new Metrics(), logger: quiet() });
  const targets: Target[] = [
    { name: 'embedded broker (aedes; Tessera in-process, subscriber over TCP)', publisher: connection(broker.inProcessTarget()), subscriber: { url: `mqtt://127.0.0.1:${broker.state().port}`, ...INTEGRATION } },
    { name: `Mosquitto (${MOSQUITTO}; both over TCP)`, publisher: connection({ url: MOSQUITTO }), subscriber: { url: MOSQUITTO } },
  ];
  const rows: string[] = [];
  for (const target of targets) {
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
    `- CPU: ${cpus()[0]?.model.trim() ?? 'unknown'} (\`nproc\` = ${cpus().length}); Node ${process.version}`,
    `- Load average when the run ended: ${loadavg().map((load) => load.toFixed(2)).join(', ')} (the machine is shared; other work moves the figures)`,
    '',
    '| Broker | events/s, one delivery at a time | events/s, 32 deliveries in flight |',
    '|---|---:|---:|',
    ...rows,
    '',
    'Each delivery resolves on the broker\'s PUBACK; the clock stops when the subscriber has received every event id. One at a',
    'time is a consumer that waits for each acknowledgement before the next event; 32 in flight is what the round trip allows.',
    '',
  ].join('\n');
  const file = resolve(__dirname, 'RESULTS.md');
  const current = readFileSync(file, 'utf8');
  const start = current.indexOf('## bench:mqtt\n');
  const next = start < 0 ? -1 : current.indexOf('\n## ', start + 1);
  const updated = start < 0 ? `${current.trimEnd()}\n\n${section}` : `${current.slice(0, start)}${section}${next < 0 ? '' : current.slice(next + 1)}`;
  writeFileSync(file, updated);
};

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:mqtt failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);

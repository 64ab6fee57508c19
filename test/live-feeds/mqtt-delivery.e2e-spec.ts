import { Logger } from '@nestjs/common';
import { DEVICE_STATUS_CHANGED, INCIDENT_REPORTED, INCIDENT_STATUS_CHANGED, mqttTopics, type MqttPayload, type ShowAvailabilityData } from '@tessera/contracts';
import { EventStore, type RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { EmbeddedMqttBroker } from '@tessera/platform/mqtt/embedded-broker';
import { MqttConnection } from '@tessera/platform/mqtt/mqtt-connection';
import { MqttCredentials } from '@tessera/platform/mqtt/mqtt-credentials';
import { EMBEDDED_MQTT_BROKER } from '@tessera/platform/mqtt/mqtt.module';
import { Metrics } from '@tessera/platform/observability/metrics';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { SeatLocks } from '@tessera/platform/seat-locks/seat-locks.port';
import { describeWithBinary, describeWithService } from '@tessera/platform/testing/services';
import { connectAsync, type IClientOptions, type MqttClient } from 'mqtt';
import { randomUUID } from 'node:crypto';
import { NotificationChannels, RetryableDeliveryError } from '../../apps/notifier/src/channels/notification-channel';
import { MqttChannel } from '../../apps/notifier/src/mqtt/mqtt.channel';
import { ShowAvailabilityFeed } from '../../apps/notifier/src/mqtt/show-availability.feed';
import { createShow, post } from '../box-office/box-office-client';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';
import { asyncApiErrors } from './asyncapi-payloads';
import { startPrivateMosquitto, type PrivateMosquitto } from './mosquitto-process';

/**
 * The MQTT channel against real brokers (API.md, Live feeds; issue 12): the embedded broker, a
 * private Mosquitto this test may restart, and the machine's Mosquitto. The notifier's consumer
 * group (the n12-core branch) is not on this branch yet: `deliverUntilDone` plays its part, as
 * at-least-once delivery does, handing an event over again until its delivery succeeds.
 * Every message the channel publishes here is checked against its schema in GET /asyncapi.json.
 */

const INTEGRATION = { MQTT_INTEGRATION_USERNAME: 'integrator', MQTT_INTEGRATION_PASSWORD: 'integration-password-of-the-test' };
const PUBLISH_TIMEOUT_MS = 1000;

interface Broker {
  /** Tessera's side: a client as the notifier has it. */
  publisher(): MqttConnection;
  /** How an outside subscriber connects. */
  subscriberOptions: IClientOptions & { url: string };
  restart?(): Promise<void>;
  stop(): Promise<void>;
}

interface Leg {
  title: string;
  broker(): Promise<Broker>;
  /** The environment of a server that publishes through this kind of broker. */
  serverEnv: Record<string, string>;
  /** Tessera's side and an outside subscriber, for a started server. */
  ofServer(server: TestApp): { publisher(): MqttConnection; subscriberOptions: IClientOptions & { url: string } };
  /** Removes a retained message the test left on a broker that outlives it. */
  clearRetained?(topic: string): Promise<void>;
}

const quiet = (): Logger => {
  const logger = new Logger('test');
  logger.log = logger.warn = () => undefined;
  return logger;
};

const connectionTo = (target: ConstructorParameters<typeof MqttConnection>[0]['target']): MqttConnection =>
  new MqttConnection({ target, app: 'test', publishTimeoutMs: PUBLISH_TIMEOUT_MS, metrics: new Metrics(), reconnectPeriodMs: 100, logger: quiet() });

const embeddedLeg: Leg = {
  title: 'the embedded broker',
  broker: async () => {
    const broker = new EmbeddedMqttBroker({
      host: '127.0.0.1',
      port: 0,
      credentials: new MqttCredentials(),
      integration: { username: INTEGRATION.MQTT_INTEGRATION_USERNAME, password: INTEGRATION.MQTT_INTEGRATION_PASSWORD },
      metrics: new Metrics(),
      logger: quiet(),
    });
    await broker.start();
    return {
      publisher: () => connectionTo(broker.inProcessTarget()),
      subscriberOptions: { url: `mqtt://127.0.0.1:${broker.state().port}`, username: INTEGRATION.MQTT_INTEGRATION_USERNAME, password: INTEGRATION.MQTT_INTEGRATION_PASSWORD },
      restart: () => broker.restart(),
      stop: () => broker.stop(),
    };
  },
  serverEnv: INTEGRATION,
  ofServer: (server) => {
    const broker = server.app.get<symbol, EmbeddedMqttBroker>(EMBEDDED_MQTT_BROKER);
    return {
      publisher: () => connectionTo(broker.inProcessTarget()),
      subscriberOptions: { url: `mqtt://127.0.0.1:${broker.state().port}`, username: INTEGRATION.MQTT_INTEGRATION_USERNAME, password: INTEGRATION.MQTT_INTEGRATION_PASSWORD },
    };
  },
};

/** A Mosquitto the enclosing suite runs (`url` read once it has started). */
const mosquittoLeg = (title: string, url: () => string, restart?: () => Promise<void>): Leg => ({
  title,
  broker: async () => ({ publisher: () => connectionTo({ url: url() }), subscriberOptions: { url: url() }, restart, stop: async () => undefined }),
  get serverEnv() {
    return { MQTT_URL: url() };
  },
  ofServer: () => ({ publisher: () => connectionTo({ url: url() }), subscriberOptions: { url: url() } }),
  clearRetained: async (topic) => {
    const client = await connectAsync(url(), { reconnectPeriod: 0 });
    await client.publishAsync(topic, '', { qos: 1, retain: true });
    await client.endAsync();
  },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const waitUntil = async (condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
};

/** At-least-once, as the consumer group will do it: hand the event over again until it is delivered. */
const deliverUntilDone = async (channel: MqttChannel, event: RecordedEvent): Promise<number> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await channel.deliver(event);
      return attempt;
    } catch (error) {
      if (!(error instanceof RetryableDeliveryError) || attempt >= 200) throw error;
      await sleep(50);
    }
  }
};

interface Received {
  topic: string;
  retain: boolean;
  payload: MqttPayload;
}

/** An outside subscriber (QoS 1, a persistent session) that records what arrives and checks it against the AsyncAPI schemas. */
const subscribe = async (
  options: IClientOptions & { url: string },
  filter: string,
): Promise<{ client: MqttClient; received: Received[]; schemaErrors: string[]; reconnects: () => number }> => {
  const { url, ...rest } = options;
  const client = await connectAsync(url, { clientId: `${rest.username ?? 'test'}-sub-${randomUUID().slice(0, 8)}`, clean: false, reconnectPeriod: 100, ...rest });
  const received: Received[] = [];
  const schemaErrors: string[] = [];
  client.on('message', (topic, payload, packet) => {
    if (payload.length === 0) return; // a cleared retained message
    const parsed = JSON.parse(payload.toString()) as MqttPayload;
    received.push({ topic, retain: packet.retain, payload: parsed });
    schemaErrors.push(...asyncApiErrors(topic, parsed));
  });
  let connects = 0;
  client.on('connect', () => connects++);
  await client.subscribeAsync(filter, { qos: 1 });
  return { client, received, schemaErrors, reconnects: () => connects };
};

const bookingPlaced = (run: string, i: number): RecordedEvent => ({
  id: randomUUID(),
  stream: `booking-${run}-${i}`,
  type: 'booking.placed.v1',
  revision: 0,
  position: i + 1,
  data: { bookingId: `${run}-${i}`, userId: 'u1', showId: 'show-1', seats: [], amount: 0, currency: 'EUR', expiresAt: '2027-01-01T00:10:00.000Z' },
  metadata: { actorId: 'u1', correlationId: 'c', causationId: 'c', occurredAt: '2027-01-01T00:00:00.000Z', schemaVersion: 1 },
  recordedAt: '2027-01-01T00:00:00.000Z',
});

/** A channel as a notifier instance has it: its own connection, the server's read store and locks. */
const channelOn = (server: TestApp, connection: MqttConnection): MqttChannel =>
  new MqttChannel(new NotificationChannels(), connection, new ShowAvailabilityFeed(server.app.get(ReadStore), connection, server.app.get(SeatLocks), PUBLISH_TIMEOUT_MS));

const deliveryBehaviour = (leg: Leg, options: { restartable: boolean }) => {
  describe(`a QoS 1 subscriber on ${leg.title}`, () => {
    let broker: Broker;
    let publisher: MqttConnection;
    let channel: MqttChannel;

    beforeAll(async () => {
      broker = await leg.broker();
      publisher = broker.publisher();
      await publisher.connected();
      // Booking events need no read model: the availability feed is never asked.
      channel = new MqttChannel(new NotificationChannels(), publisher, undefined as unknown as ShowAvailabilityFeed);
    });

    afterAll(async () => {
      await publisher.close();
      await broker.stop();
    });

    it(`receives every event${options.restartable ? ', also after the broker restarts mid-stream' : ''}; a duplicate carries the same event id`, async () => {
      const run = randomUUID().slice(0, 8);
      const subscriber = await subscribe(broker.subscriberOptions, 'tessera/bookings/+/status');
      try {
        const events = Array.from({ length: 40 }, (_, i) => bookingPlaced(run, i));
        let restarted: Promise<void> | undefined;
        for (const [i, event] of events.entries()) {
          if (i === 20 && options.restartable) restarted = broker.restart!();
          await deliverUntilDone(channel, event);
        }
        await restarted;
        // At-least-once hands an event over twice now and then: the same message again.
        await deliverUntilDone(channel, events[7]);

        const ours = () => subscriber.received.filter((message) => message.topic.startsWith(`tessera/bookings/${run}-`));
        await waitUntil(() => new Set(ours().map((message) => message.payload.id)).size === events.length && ours().filter((m) => m.payload.id === events[7].id).length >= 2, 'every event');
        const byId = new Map<string, Received[]>();
        for (const message of ours()) byId.set(message.payload.id, [...(byId.get(message.payload.id) ?? []), message]);
        expect([...byId.keys()].sort()).toEqual(events.map((event) => event.id).sort());
        for (const event of events) {
          const copies = byId.get(event.id)!;
          // Every copy of one event is the same message, on the same topic.
          for (const copy of copies) expect(copy).toEqual({ topic: mqttTopics.bookingStatus(`${run}-${events.indexOf(event)}`), retain: false, payload: copies[0].payload });
          expect(copies[0].payload).toEqual({ id: event.id, type: 'booking.placed.v1', occurredAt: event.metadata.occurredAt, data: { bookingId: (event.data as { bookingId: string }).bookingId, showId: 'show-1', status: 'held' } });
        }
        expect(byId.get(events[7].id)!.length).toBeGreaterThanOrEqual(2);
        // The broker did go away under both the subscriber and the publisher.
        if (options.restartable) expect(subscriber.reconnects()).toBeGreaterThan(0);
        expect(subscriber.schemaErrors).toEqual([]);
      } finally {
        await subscriber.client.endAsync(true);
      }
    });
  });

  describe(`venue operations over HTTP on ${leg.title}`, () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ env: leg.serverEnv });
    });

    afterAll(() => server.close());

    it('publishes the incidents and device status the API causes, as their AsyncAPI schemas say, with no user ids', async () => {
      const run = randomUUID().slice(0, 8);
      const fanId = `fan-${run}`;
      const staffId = `staff-${run}`;
      const [fan, staff, admin] = await Promise.all([accessTokenFor(server, fanId), accessTokenFor(server, staffId, ['staff']), accessTokenFor(server, `admin-${run}`, ['admin'])]);
      const subscriber = await subscribe(leg.ofServer(server).subscriberOptions, 'tessera/#');
      const deviceId = `gate-${run}`;
      try {
        const reported = await post<{ incidentId: string }>(`${server.url}/api/incidents`, fan, {
          title: 'Seat 12 broken',
          description: 'Call me on +41 79 000 00 00',
          location: { seatId: 'A-1-12', area: 'Stalls' },
          category: 'seat',
          urgency: 'high',
        });
        expect(reported.status).toBe(201);
        const { incidentId } = reported.body;
        const moved = await fetch(`${server.url}/api/incidents/${incidentId}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...bearer(staff) }, body: JSON.stringify({ status: 'acknowledged' }) });
        expect(moved.status).toBe(200);
        const registered = await post<{ deviceKey: string }>(`${server.url}/api/devices`, admin, { deviceId, venueId: `arena-${run}`, type: 'gate_scanner', name: 'North gate 1' });
        expect(registered.status).toBe(201);
        const reading = await fetch(`${server.url}/api/devices/${deviceId}/telemetry`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-device-key': registered.body.deviceKey },
          body: JSON.stringify({ status: 'online', temperature: 31, battery: 90, at: new Date().toISOString() }),
        });
        expect(reading.status).toBe(202);

        const about = (message: Received) => JSON.stringify(message.payload.data).includes(incidentId) || message.topic === mqttTopics.deviceStatus(deviceId);
        const ours = () => subscriber.received.filter(about);
        await waitUntil(() => ours().length >= 3, 'the incident and device messages');
        const created = ours().find((message) => message.topic === 'tessera/incidents/created')!;
        expect(created).toEqual({
          topic: 'tessera/incidents/created',
          retain: false,
          payload: {
            id: expect.any(String),
            type: INCIDENT_REPORTED,
            occurredAt: expect.any(String),
            data: expect.objectContaining({ incidentId, source: 'report', title: 'Seat 12 broken', category: 'seat', urgency: 'high', priority: 'P2', status: 'new', location: { seatId: 'A-1-12', area: 'Stalls' } }),
          },
        });
        const updated = ours().find((message) => message.topic === 'tessera/incidents/status_updated')!;
        expect(updated.payload).toEqual(expect.objectContaining({ type: INCIDENT_STATUS_CHANGED, data: expect.objectContaining({ incidentId, from: 'new', to: 'acknowledged', status: 'acknowledged' }) }));
        const device = ours().find((message) => message.topic === mqttTopics.deviceStatus(deviceId))!;
        expect(device.payload).toEqual(expect.objectContaining({ type: DEVICE_STATUS_CHANGED, data: { deviceId, venueId: `arena-${run}`, type: 'gate_scanner', from: 'offline', to: 'online', status: 'online', at: expect.any(String) } }));
        // Retained: a subscriber that comes later gets the device's current status at once.
        const late = await subscribe(leg.ofServer(server).subscriberOptions, mqttTopics.deviceStatus(deviceId));
        try {
          await waitUntil(() => late.received.length > 0, 'the retained device status');
          expect(late.received[0]).toEqual({ ...device, retain: true });
          expect(late.schemaErrors).toEqual([]);
        } finally {
          await late.client.endAsync(true);
        }
        // No user id, e-mail or free text a fan typed reaches the integrations.
        const published = JSON.stringify(ours());
        for (const secret of [fanId, staffId, 'reporterId', '+41 79', '@']) expect(published).not.toContain(secret);
        // Ours only: on the machine's broker, `tessera/#` also brings what other runs left retained.
        expect(ours().flatMap((message) => asyncApiErrors(message.topic, message.payload))).toEqual([]);
      } finally {
        await subscriber.client.endAsync(true);
        await leg.clearRetained?.(mqttTopics.deviceStatus(deviceId));
      }
    }, 60_000);
  });

  describe(`the retained availability on ${leg.title}`, () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ env: leg.serverEnv });
    });

    afterAll(() => server.close());

    it('is right after a flash sale, delivered live, concurrently, out of order and by two notifier instances', async () => {
      const admin = await accessTokenFor(server, 'admin', ['admin']);
      const showId = await createShow(server.url, admin, { rows: 10, seatsPerRow: 20 });
      const seats = Array.from({ length: 200 }, (_, i) => `A-${Math.floor(i / 20) + 1}-${(i % 20) + 1}`);
      let seed = 7;
      const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      const fans = await Promise.all(Array.from({ length: 60 }, (_, i) => accessTokenFor(server, `fan-${i}`)));

      const { subscriberOptions, publisher } = leg.ofServer(server);
      const collector = await subscribe(subscriberOptions, `tessera/shows/${showId}/availability`);
      const second = publisher();
      const log = server.app.get(EventStore);
      const first = server.app.get(MqttChannel);
      const other = channelOn(server, second);
      // The consumer group's part, live while the sale runs: up to 16 deliveries at once, each
      // after a random pause (so they finish out of order), alternating between two instances.
      const subscription = log.subscribeToAll({ from: 'start', filter: first.filter });
      const inFlight = new Set<Promise<unknown>>();
      let dispatched = 0;
      let handedOver = 0;
      const pump = (async () => {
        for await (const event of subscription) {
          while (inFlight.size >= 16) await Promise.race(inFlight);
          const channel = handedOver++ % 2 === 0 ? first : other;
          const delivery: Promise<unknown> = sleep(Math.floor(random() * 6))
            .then(() => deliverUntilDone(channel, event))
            .finally(() => inFlight.delete(delivery));
          inFlight.add(delivery);
          dispatched = event.position;
        }
      })();
      try {
        // 300 holds at once for 200 seats, many of them after the same seats.
        const holds = await Promise.all(
          Array.from({ length: 300 }, async (_, i) => {
            const wanted = new Set<string>();
            const count = 1 + Math.floor(random() * 4);
            while (wanted.size < count) wanted.add(seats[Math.floor(random() * seats.length)]);
            return post<{ bookingId: string }>(`${server.url}/api/bookings`, fans[i % fans.length], { showId, seats: [...wanted] });
          }),
        );
        const held = holds.filter((answer) => answer.status === 201);
        expect(held.length).toBeGreaterThan(20);
        expect(holds.every((answer) => answer.status === 201 || answer.status === 409)).toBe(true);
        // Some fans change their mind: seats come back, so counts go down and up again.
        const cancels = await Promise.all(held.slice(0, 15).map((answer) => post(`${server.url}/api/bookings/${answer.body.bookingId}/cancel`, fans[holds.indexOf(answer) % fans.length])));
        expect(cancels.map((answer) => answer.status)).toEqual(cancels.map(() => 200));

        let last = 0;
        for await (const event of log.readAll({ filter: first.filter })) last = event.position;
        await waitUntil(() => dispatched >= last, 'every event handed over');
        await Promise.all(inFlight);
        expect(handedOver).toBeGreaterThan(held.length);

        const head = await log.headPosition();
        const detail = (await (await fetch(`${server.url}/api/shows/${showId}`, { headers: { 'x-min-position': String(head), ...bearer(admin) } })).json()) as {
          categories: { id: string; capacity: number; available: number }[];
        };
        const available = detail.categories.reduce((sum, category) => sum + category.available, 0);
        expect(available).toBeLessThan(200);

        // A subscriber that arrives now gets the retained message: the counts of the read model.
        const late = await subscribe(subscriberOptions, `tessera/shows/${showId}/availability`);
        try {
          await waitUntil(() => late.received.length > 0, 'the retained availability');
          const [retained] = late.received;
          expect(retained.retain).toBe(true);
          expect(retained.payload.data).toEqual<ShowAvailabilityData>({
            showId,
            status: 'on_sale',
            capacity: 200,
            available,
            byCategory: detail.categories.map((category) => ({ categoryId: category.id, capacity: category.capacity, available: category.available })),
          });
          expect(late.schemaErrors).toEqual([]);
        } finally {
          await late.client.endAsync(true);
        }
        // What went out live conforms too, and its last message is the retained one.
        await waitUntil(() => (collector.received.at(-1)?.payload.data as ShowAvailabilityData | undefined)?.available === available, 'the last live message to carry the final counts');
        expect(collector.received.length).toBeGreaterThan(1);
        expect(collector.schemaErrors).toEqual([]);

        // Metrics count by topic pattern, never by topic: ids would explode the series.
        const metrics = await (await fetch(`${server.url}/metrics`)).text();
        expect(metrics).toMatch(/^tessera_mqtt_messages_published_total\{topic="tessera\/shows\/\{showId\}\/availability"\} [1-9]\d*$/m);
        expect(metrics).toMatch(/^tessera_mqtt_connected 1$/m);
        expect(metrics).not.toContain(showId);
      } finally {
        await subscription.close();
        await pump;
        await Promise.all(inFlight);
        await collector.client.endAsync(true);
        await second.close();
        // The machine's broker keeps retained messages: leave nothing behind.
        await leg.clearRetained?.(mqttTopics.showAvailability(showId));
      }
    }, 90_000);
  });
};

deliveryBehaviour(embeddedLeg, { restartable: true });

describeWithBinary('mosquitto', 'apt-get install mosquitto', 'the MQTT channel on a private Mosquitto', (binary) => {
  let mosquitto: PrivateMosquitto;
  beforeAll(async () => {
    mosquitto = await startPrivateMosquitto(binary);
  });
  afterAll(() => mosquitto.stop());
  deliveryBehaviour(
    mosquittoLeg('a private Mosquitto', () => mosquitto.url, () => mosquitto.restart()),
    { restartable: true },
  );
});

describeWithService('mosquitto', "the MQTT channel on the machine's Mosquitto", () => {
  deliveryBehaviour(mosquittoLeg("the machine's Mosquitto", () => 'mqtt://127.0.0.1:1883'), { restartable: false });
});

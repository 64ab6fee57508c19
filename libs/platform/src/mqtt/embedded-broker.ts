import { Logger } from '@nestjs/common';
import { Aedes, type AedesOptions, type AuthenticateError, type Client, type PublishPacket } from 'aedes';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { Duplex } from 'node:stream';
import { mqttTopics, TESSERA_TOPIC_ROOT } from '@tessera/contracts';
import type { Metrics } from '../observability/metrics';
import type { MqttCredentials, MqttPrincipal } from './mqtt-credentials';
import { topicMatches, type InProcessPublish } from './mqtt-connection';
import { Gauge } from 'prom-client';

/**
 * The MQTT broker of the standalone process (aedes), run where MQTT_URL is unset so that devices
 * and integrations connect with nothing installed. It listens on MQTT_PORT and lets in only whom
 * MqttCredentials knows: a device (username = client id = deviceId, password = deviceKey)
 * publishes only to its own telemetry topic; the integration user (client ids named after it)
 * subscribes under `tessera/` and never publishes;
 * Tessera's own client, with a credential made afresh in each process, reaches the broker through
 * an in-process stream, not the port, and what Tessera publishes the broker publishes itself
 * (`publishInProcess`, through the connection's `inProcessTarget()`). So a port already in use
 * (another broker on it) costs the outside world its access, one warning line says so and
 * /health shows it, but the process starts, and its own client never talks to whatever holds the
 * port.
 *
 * Sessions and retained messages live in memory: they survive `restart()` (the same persistence
 * goes to the new broker) but not a restart of the process.
 *
 * In-process consumers (`consume`: the telemetry ingest) get a device's publishes straight from
 * the broker's publish step, without its routing (see `consume`).
 */

export interface EmbeddedBrokerOptions {
  host: string;
  /** 0: any free port (tests). */
  port: number;
  credentials: MqttCredentials;
  integration?: { username: string; password: string };
  metrics: Metrics;
  logger?: Logger;
  /**
   * How long the broker keeps queueing for a persistent session (clean = false) of a device or the
   * integration user once it is offline; then its subscriptions end and its queue stops growing.
   * Default one hour.
   */
  offlineSessionExpiryMs?: number;
}

export interface EmbeddedBrokerState {
  listening: boolean;
  host: string;
  port: number;
  clients: number;
  /** Why it does not listen. */
  error?: string;
  /**
   * Device publishes handed to in-process consumers straight from the publish step, and those that
   * went through the broker's routing (because a client subscribed where devices publish).
   */
  deliveries: { direct: number; routed: number };
}

/**
 * An in-process consumer of messages (`EmbeddedMqttBroker.consume`). Returning nothing means the
 * message is done with; a promise, that it is being worked on until it settles.
 */
export type BrokerMessageConsumer = (topic: string, payload: Buffer) => void | Promise<void>;

type Delivery = (packet: { topic: string; payload: Buffer | string }, callback: () => void) => void;
type PublishDone = (error?: Error) => void;
/** What the broker knows of a connected client; a device's own telemetry topic is worked out once, at CONNECT. */
type Principal = Exclude<MqttPrincipal, { kind: 'device' }> | (Extract<MqttPrincipal, { kind: 'device' }> & { topic: string });

/**
 * aedes with one step more in `publish` (what its handlers call for every PUBLISH, after
 * `authorizePublish` and, for QoS 1, after the PUBACK is written): `direct` may take the packet and
 * finish it, and the broker's own routing (a topic match in the persistence for offline sessions,
 * the emitter's topic match and queue, the `publish` event) is skipped.
 */
class DirectDeliveryAedes extends Aedes {
  constructor(
    options: AedesOptions,
    private readonly direct: (packet: PublishPacket, client: Client, done: PublishDone) => boolean,
  ) {
    super(options);
  }

  override publish(packet: PublishPacket, clientOrDone: Client | null | PublishDone, done?: PublishDone): void {
    if (clientOrDone && typeof clientOrDone !== 'function' && done && this.direct(packet, clientOrDone, done)) return;
    // aedes's own publish takes (packet, client, done) from its handlers; its typings name only (packet, done).
    const publish = super.publish as unknown as (this: Aedes, packet: PublishPacket, client: Client | null | PublishDone, done?: PublishDone) => void;
    publish.call(this, packet, clientOrDone, done);
  }
}

/** Whether a subscription to `filter` could receive what devices publish (`venues/...`); shared subscriptions counted as if they could. */
const mayMatchDeviceTopics = (filter: string): boolean => {
  const first = filter.split('/', 1)[0];
  return first === '#' || first === '+' || first === 'venues' || first.startsWith('$share');
};

/** The prefix of client ids only Tessera's own clients may use (a device taking one would log Tessera's client out). */
const INTERNAL_CLIENT_PREFIX = 'tessera-';

const refusal = (message: string, returnCode: number): AuthenticateError => Object.assign(new Error(message), { returnCode }) as AuthenticateError;
// MQTT 3.1.1 CONNACK return codes (aedes's AuthErrorCode is a const enum, which swc cannot inline).
const IDENTIFIER_REJECTED = 2;
const SERVER_UNAVAILABLE = 3;
const BAD_USERNAME_OR_PASSWORD = 4;

const noop = (): void => undefined;

const digest = (value: Buffer | string): Buffer => createHash('sha256').update(value).digest();

/** Compares digests of equal length, so that neither the content nor the length of the secret leaks through timing. */
const sameSecret = (given: Buffer | undefined, expected: string): boolean => given !== undefined && timingSafeEqual(digest(given), digest(expected));

/**
 * The largest MQTT packet a connection may send: a telemetry batch of 500 readings is some 50 KB.
 * aedes itself buffers a packet of any declared size (up to MQTT's 256 MB), before any
 * authentication: without this limit one connection could make the process hold that much.
 */
export const MAX_PACKET_BYTES = 256 * 1024;

/**
 * Follows the packet boundaries of what a connection sends (each fixed header declares how many
 * bytes follow) and says when a packet declares more than `limit`, or a malformed length.
 */
export const packetSizeGuard = (limit: number): ((chunk: Buffer) => boolean) => {
  let toSkip = 0;
  let header: number[] = [];
  return (chunk) => {
    let i = 0;
    while (i < chunk.length) {
      if (toSkip > 0) {
        const skipped = Math.min(toSkip, chunk.length - i);
        i += skipped;
        toSkip -= skipped;
        continue;
      }
      header.push(chunk[i++]);
      if (header.length === 1) continue;
      if (header[header.length - 1] & 0x80) {
        if (header.length === 5) return false; // a remaining length is four bytes at most
        continue;
      }
      let remaining = 0;
      for (let k = header.length - 1; k >= 1; k--) remaining = remaining * 128 + (header[k] & 0x7f);
      header = [];
      if (remaining > limit) return false;
      toSkip = remaining;
    }
    return true;
  };
};

/** Two connected in-memory duplex streams: what one writes, the other reads. */
const streamPair = (): [Duplex, Duplex] => {
  const ends: Duplex[] = [];
  const end = (other: () => Duplex) =>
    new Duplex({
      read() {},
      write(chunk, _encoding, callback) {
        other().push(chunk);
        callback();
      },
      final(callback) {
        other().push(null);
        callback();
      },
      destroy(error, callback) {
        const peer = other();
        if (!peer.destroyed) peer.destroy();
        callback(error);
      },
    });
  ends.push(end(() => ends[1]), end(() => ends[0]));
  return [ends[0], ends[1]];
};

export class EmbeddedMqttBroker {
  /** The credential of this process's own client; never leaves the process. */
  readonly internal = { username: `${INTERNAL_CLIENT_PREFIX}internal-${randomUUID()}`, password: randomBytes(32).toString('base64url') };
  private readonly logger: Logger;
  private readonly principals = new WeakMap<Client, Principal>();
  private readonly id = randomUUID();
  private aedes: Aedes | undefined;
  private persistence: unknown;
  private server: Server | undefined;
  private listeningOn: AddressInfo | undefined;
  private error: string | undefined;
  private readonly expiring = new Map<string, NodeJS.Timeout>();
  /** In-process consumers (`consume`), subscribed again on every `start()`. */
  private readonly consumers = new Set<{ filter: string; deliver: Delivery }>();
  private consuming = 0;
  private readonly awaitingRoom: (() => void)[] = [];
  /**
   * Set (for good) once a client was let subscribe to a filter that may match a device's topic:
   * from then on device publishes go through the broker's routing, so that client gets them too.
   * Only Tessera's own clients may (the integration user's filters are under `tessera/`).
   */
  private othersReadDeviceTopics = false;
  /** Per device topic, the consumers it goes to; emptied when consumers come or go. */
  private readonly directRoutes = new Map<string, Delivery[]>();
  private readonly deliveries = { direct: 0, routed: 0 };

  constructor(private readonly options: EmbeddedBrokerOptions) {
    this.logger = options.logger ?? new Logger('MqttBroker');
    if (!options.metrics.registry.getSingleMetric('tessera_mqtt_broker_clients')) {
      const broker = () => this.aedes;
      new Gauge({
        name: 'tessera_mqtt_broker_clients',
        help: 'Clients connected to the embedded MQTT broker',
        registers: [options.metrics.registry],
        collect() {
          this.set(broker()?.connectedClients ?? 0);
        },
      });
    }
  }

  /**
   * Starts the broker and tries to listen. A port in use (or any listen failure) is logged in
   * one line and shown by `state()`: it never throws, so start-up goes on.
   */
  async start(): Promise<void> {
    const aedes = new DirectDeliveryAedes(this.aedesOptions(), (packet, client, done) => this.deliverDirect(packet, client, done));
    await aedes.listen();
    this.persistence = (aedes as unknown as { persistence: unknown }).persistence;
    this.aedes = aedes;
    // aedes keeps queueing QoS 1 messages for an offline persistent session for ever, in memory:
    // a subscriber that went away for good would grow the process without bound.
    aedes.on('clientDisconnect', (client) => {
      if (client.clean || this.principals.get(client)?.kind === 'internal') return;
      this.cancelExpiry(client.id);
      const timer = setTimeout(() => {
        this.expiring.delete(client.id);
        void (this.persistence as { cleanSubscriptions(client: { id: string }): Promise<void> }).cleanSubscriptions({ id: client.id });
      }, this.options.offlineSessionExpiryMs ?? 3_600_000);
      timer.unref();
      this.expiring.set(client.id, timer);
    });
    aedes.on('client', (client) => this.cancelExpiry(client.id));
    for (const { filter, deliver } of this.consumers) aedes.subscribe(filter, deliver, noop);
    const server = createServer((socket) => {
      const withinLimit = packetSizeGuard(MAX_PACKET_BYTES);
      // aedes reads with read(), which emits 'data' too: this sees every byte it gets, without
      // changing how it reads.
      socket.on('data', (chunk: Buffer) => {
        if (!withinLimit(chunk)) socket.destroy();
      });
      aedes.handle(socket);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ host: this.options.host, port: this.options.port }, () => (server.off('error', reject), resolve()));
      });
      server.on('error', (error) => this.logger.error(`MQTT broker: ${error.message}`));
      this.server = server;
      this.listeningOn = server.address() as AddressInfo;
      this.error = undefined;
      this.logger.log(`embedded MQTT broker listening on ${this.options.host}:${this.listeningOn.port}`);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.error =
        code === 'EADDRINUSE'
          ? `cannot listen on ${this.options.host}:${this.options.port}: the port is already in use (EADDRINUSE); devices and integrations cannot connect until MQTT_PORT names a free port`
          : `cannot listen on ${this.options.host}:${this.options.port}: ${(error as Error).message}`;
      this.logger.warn(`embedded MQTT broker ${this.error}`);
    }
  }

  private cancelExpiry(clientId: string): void {
    clearTimeout(this.expiring.get(clientId));
    this.expiring.delete(clientId);
  }

  /** Stops listening and disconnects every client; what is retained or queued for sessions stays for `start()`. */
  async stop(): Promise<void> {
    const { aedes, server } = this;
    this.aedes = undefined;
    this.server = undefined;
    this.listeningOn = undefined;
    const closing = server ? new Promise<void>((resolve) => server.close(() => resolve())) : Promise.resolve();
    if (aedes) await new Promise<void>((resolve) => aedes.close(() => resolve()));
    await closing;
  }

  /** `stop()` then `start()` on the same port, keeping sessions and retained messages: a broker restart. */
  async restart(): Promise<void> {
    const port = this.listeningOn?.port;
    await this.stop();
    if (port !== undefined) this.options.port = port;
    await this.start();
  }

  state(): EmbeddedBrokerState {
    return {
      listening: this.listeningOn !== undefined,
      host: this.options.host,
      port: this.listeningOn?.port ?? this.options.port,
      clients: this.aedes?.connectedClients ?? 0,
      ...(this.error ? { error: this.error } : {}),
      deliveries: { ...this.deliveries },
    };
  }

  /**
   * Delivers every message published on `filter` to `consumer` inside the broker, without a client:
   * no second MQTT hop (encode, an in-process stream, decode, PUBACK) per message, which the
   * profile of bench:telemetry showed costing more than the telemetry rules. A device's publish
   * goes to it straight from the broker's publish step (no topic match in the session store or
   * the emitter, no emitter queue) while no client may subscribe where devices publish; else, and
   * for any other publisher, through the broker's routing. Either way a device's QoS 1 PUBACK has
   * been written before (aedes acknowledges, then publishes).
   *
   * Backpressure as in MqttConnection.consume: a consumer that returns nothing is done with the
   * message there and then; one that returns a promise holds it until it settles, and while
   * `inFlight` are held, the publish completes (and its connection is read again) only when one
   * settles. Survives `restart()`.
   */
  consume(filter: string, consumer: BrokerMessageConsumer, inFlight = 1000): { close(): Promise<void> } {
    const failed = (error: unknown): void => this.logger.error(`consumer of ${filter} failed: ${error instanceof Error ? error.message : String(error)}`);
    const settled = (): void => {
      this.consuming -= 1;
      if (this.consuming < inFlight) this.awaitingRoom.shift()?.();
    };
    const deliver: Delivery = (packet, callback) => {
      let working: void | Promise<void> = undefined;
      try {
        working = consumer(packet.topic, Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload));
      } catch (error) {
        failed(error);
      }
      if (!working) return callback();
      this.consuming += 1;
      working.then(settled, (error: unknown) => (failed(error), settled()));
      if (this.consuming < inFlight) callback();
      else this.awaitingRoom.push(callback);
    };
    const entry = { filter, deliver };
    this.consumers.add(entry);
    this.directRoutes.clear();
    this.aedes?.subscribe(filter, deliver, noop);
    return {
      close: async () => {
        this.consumers.delete(entry);
        this.directRoutes.clear();
        const aedes = this.aedes;
        if (aedes) await new Promise<void>((resolve) => aedes.unsubscribe(filter, deliver, () => resolve()));
      },
    };
  }

  /**
   * The publish step's shortcut (DirectDeliveryAedes): a device's publish to its own topic (the
   * only one `authorizePublish` lets through; never retained) goes to the consumers whose filter
   * matches it, and nowhere else, since nothing else can have subscribed to it. False: the broker
   * routes it.
   */
  private deliverDirect(packet: PublishPacket, client: Client, done: PublishDone): boolean {
    const principal = this.principals.get(client);
    if (principal?.kind !== 'device' || packet.topic !== principal.topic) return false;
    if (this.othersReadDeviceTopics || this.consumers.size === 0) {
      this.deliveries.routed += 1;
      return false;
    }
    let route = this.directRoutes.get(packet.topic);
    if (!route) {
      route = [...this.consumers].filter(({ filter }) => topicMatches(filter, packet.topic)).map(({ deliver }) => deliver);
      if (this.directRoutes.size >= 100_000) this.directRoutes.clear();
      this.directRoutes.set(packet.topic, route);
    }
    this.deliveries.direct += 1;
    if (route.length === 0) {
      done();
    } else if (route.length === 1) {
      route[0](packet, done);
    } else {
      let waiting = route.length;
      for (const deliver of route) deliver(packet, () => --waiting === 0 && done());
    }
    return true;
  }

  /**
   * Publishes as the broker itself, at QoS 1: this process's own messages (the notifier's events
   * and states), without a client, so no packet is written, parsed or acknowledged (with the
   * in-process client that was 5–9% of the server's time under saturated holds). Resolves once a
   * retained message is stored and the message is routed to every subscriber's session, QoS 1
   * subscribers getting it at QoS 1 with the broker's retries; rejects while the broker is stopped.
   */
  publishInProcess(topic: string, payload: Buffer, retain: boolean): Promise<void> {
    const aedes = this.aedes;
    if (!aedes) return Promise.reject(new Error('the embedded MQTT broker is not running'));
    const packet = { cmd: 'publish', topic, payload, qos: 1, retain, dup: false } as PublishPacket;
    return new Promise((resolve, reject) => aedes.publish(packet, (error?: Error) => (error ? reject(error) : resolve())));
  }

  /** Where this process's own MqttConnection goes: the in-process stream, its credential and the broker's own publish. */
  inProcessTarget(): { stream: () => Duplex; username: string; password: string; publish: InProcessPublish } {
    return { stream: () => this.connectInProcess(), ...this.internal, publish: (topic, payload, retain) => this.publishInProcess(topic, payload, retain) };
  }

  /** A connection to the broker inside this process (for this process's own client). */
  connectInProcess(): Duplex {
    const [client, broker] = streamPair();
    if (this.aedes) this.aedes.handle(broker);
    else process.nextTick(() => client.destroy(new Error('the embedded MQTT broker is not running')));
    return client;
  }

  private aedesOptions(): AedesOptions {
    return {
      id: this.id,
      ...(this.persistence ? { persistence: this.persistence } : {}),
      // A subscriber that stops reading is cut off after 30 s rather than stalling every other.
      drainTimeout: 30_000,
      authenticate: (client, username, password, done) => {
        this.authenticate(client, username, password).then(
          (principal) => (this.principals.set(client, principal), done(null, true)),
          (error: AuthenticateError) => done(error, false),
        );
      },
      authorizePublish: (client, packet, done) => {
        // No client: aedes publishing the will of a connection it no longer knows (one from before
        // a restart). Whose it was cannot be checked, so it goes nowhere.
        const principal = client ? this.principals.get(client) : undefined;
        if (!principal || !this.mayPublish(principal, packet.topic)) return done(new Error(`not allowed to publish to ${packet.topic}`));
        // A reading is a happening, not a state: a retained one would reach the ingest again as new.
        if (principal.kind === 'device') packet.retain = false;
        done(null);
      },
      authorizeSubscribe: (client, subscription, done) => {
        const principal = this.principals.get(client);
        const allowed = principal !== undefined && this.maySubscribe(principal, subscription.topic);
        if (allowed && mayMatchDeviceTopics(subscription.topic)) this.othersReadDeviceTopics = true;
        done(null, allowed ? subscription : null);
      },
    };
  }

  private async authenticate(client: Client, username: string | undefined, password: Buffer | undefined): Promise<Principal> {
    if (!username) throw refusal('a username and password are required', BAD_USERNAME_OR_PASSWORD);
    if (username === this.internal.username) {
      if (!sameSecret(password, this.internal.password)) throw refusal('bad username or password', BAD_USERNAME_OR_PASSWORD);
      return { kind: 'internal' };
    }
    if (client.id.startsWith(INTERNAL_CLIENT_PREFIX)) throw refusal(`client ids starting with ${INTERNAL_CLIENT_PREFIX} are Tessera's own`, IDENTIFIER_REJECTED);
    const { integration } = this.options;
    if (integration && username === integration.username) {
      if (!sameSecret(password, integration.password)) throw refusal('bad username or password', BAD_USERNAME_OR_PASSWORD);
      // Its client ids carry its name, so that it cannot take (and log out) a device's session.
      if (client.id !== username && !client.id.startsWith(`${username}-`)) {
        throw refusal(`the integration user's client ids are "${username}" or start with "${username}-"`, IDENTIFIER_REJECTED);
      }
      return { kind: 'integration', username };
    }
    let device: Awaited<ReturnType<MqttCredentials['verifyDevice']>>;
    try {
      device = await this.options.credentials.verifyDevice(username, password?.toString('utf8') ?? '');
    } catch (error) {
      this.logger.error(`device key check failed: ${error instanceof Error ? error.message : String(error)}`);
      throw refusal('device keys cannot be checked now', SERVER_UNAVAILABLE);
    }
    if (!device) throw refusal('bad username or password', BAD_USERNAME_OR_PASSWORD);
    // A device may not take another client's id, and with it the other's connection: its id is
    // its own (a prefix would not do: device `gate` could take `gate-1`).
    if (client.id !== device.deviceId) throw refusal(`a device's client id is its device id`, IDENTIFIER_REJECTED);
    return { kind: 'device', ...device, topic: mqttTopics.deviceTelemetry(device) };
  }

  private mayPublish(principal: Principal, topic: string): boolean {
    switch (principal.kind) {
      case 'internal':
        return true;
      case 'integration':
        return false;
      case 'device':
        return topic === principal.topic;
    }
  }

  private maySubscribe(principal: Principal, filter: string): boolean {
    switch (principal.kind) {
      case 'internal':
        return true;
      case 'integration':
        return filter === `${TESSERA_TOPIC_ROOT}/#` || filter.startsWith(`${TESSERA_TOPIC_ROOT}/`);
      case 'device':
        return false;
    }
  }
}

import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { connect, MqttClient, type IClientOptions, type IStream } from 'mqtt';
import type { MqttMessage } from '@tessera/contracts';
import { Counter, Gauge } from 'prom-client';
import type { Metrics } from '../observability/metrics';

/**
 * The process's one MQTT client (mqtt.js): to MQTT_URL when it is set, else to the embedded
 * broker in this process. Publishes at QoS 1 and resolves once the broker has answered PUBACK;
 * while the broker is away it reconnects by itself, and mqtt.js keeps the unacknowledged
 * messages and sends them again once it is back (a duplicate for a subscriber that had one:
 * payloads carry the event id). Subscribing goes through `subscribe`, which survives reconnects.
 */

/** A message that reached this process on a topic it subscribed to. */
export type MqttMessageHandler = (topic: string, payload: Buffer) => void;

/**
 * A consumer that works on each message (the telemetry ingest), see `consume`: done with it on
 * return when it returns nothing, else once the promise settles.
 */
export type MqttMessageConsumer = (topic: string, payload: Buffer) => void | Promise<void>;

export interface MqttSubscription {
  close(): Promise<void>;
}

export interface MqttConnectionState {
  connected: boolean;
  /** Where the client connects: the broker's address without credentials, or `embedded`. */
  broker: string;
  /** Why the last connection attempt or connection failed. */
  lastError?: string;
}

/**
 * An in-process broker's publish at QoS 1: resolves once the broker has taken the message (stored
 * it if retained and routed it to every subscriber's session), what its PUBACK to a client means.
 */
export type InProcessPublish = (topic: string, payload: Buffer, retain: boolean) => Promise<void>;

export class MqttPublishTimeoutError extends Error {
  constructor(topic: string, ms: number) {
    super(`no PUBACK for ${topic} within ${ms} ms`);
    this.name = 'MqttPublishTimeoutError';
  }
}

export interface MqttConnectionOptions {
  /**
   * An mqtt:// URL (credentials in it, as Mosquitto wants them), or a stream to an in-process
   * broker, with the broker's own publish (`InProcessPublish`) for this process's messages.
   */
  target: { url: string } | { stream: () => IStream; username: string; password: string; publish: InProcessPublish };
  /** Names the client at the broker: `tessera-{app}-…`. */
  app: string;
  publishTimeoutMs: number;
  metrics: Metrics;
  reconnectPeriodMs?: number;
  logger?: Logger;
  /** Messages being worked on by `consume` consumers at once before the next one is read (default 1000). */
  consumeInFlight?: number;
}

/** `mqtt://user:secret@host:1883` → `mqtt://host:1883`: addresses go to /health and logs, passwords never. */
export const withoutCredentials = (url: string): string => {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(unparseable URL)';
  }
};

const gaugeOf = (metrics: Metrics, name: string, help: string): Gauge<string> =>
  (metrics.registry.getSingleMetric(name) as Gauge<string> | undefined) ?? new Gauge({ name, help, registers: [metrics.registry] });

export class MqttConnection {
  private readonly client: MqttClient;
  private readonly logger: Logger;
  private readonly published: Counter<string>;
  private readonly failed: Counter<string>;
  private readonly handlers = new Map<string, Set<MqttMessageHandler>>();
  private readonly consumers = new Map<string, Set<MqttMessageConsumer>>();
  /** Messages handed to consumers and not yet through them, and the acknowledgements waiting for room. */
  private consuming = 0;
  private readonly awaitingRoom: (() => void)[] = [];
  private readonly consumeLimit: number;
  private lastError: string | undefined;
  private closed = false;
  readonly broker: string;
  /** The embedded broker's own publish, which skips the client: no packet written, parsed or acknowledged. */
  private readonly inProcessPublish: InProcessPublish | undefined;

  constructor(private readonly options: MqttConnectionOptions) {
    this.logger = options.logger ?? new Logger('Mqtt');
    const { metrics } = options;
    this.published = metrics.counter('tessera_mqtt_messages_published_total', 'MQTT messages the broker acknowledged (PUBACK; the embedded broker: took and routed), by topic pattern', ['topic']);
    this.failed = metrics.counter('tessera_mqtt_publish_failures_total', 'MQTT publishes that failed or timed out, by topic pattern', ['topic']);
    const connected = gaugeOf(metrics, 'tessera_mqtt_connected', '1 while the MQTT client is connected to its broker');
    const common: IClientOptions = {
      clientId: `tessera-${options.app}-${randomUUID().slice(0, 8)}`,
      protocolVersion: 4,
      // This client only publishes state and events and re-subscribes on reconnect: no session to keep.
      clean: true,
      reconnectPeriod: options.reconnectPeriodMs ?? 1000,
      connectTimeout: 10_000,
      keepalive: 30,
      resubscribe: true,
    };
    const { target } = options;
    if ('url' in target) {
      this.broker = withoutCredentials(target.url);
      this.client = connect(target.url, common);
    } else {
      this.broker = 'embedded';
      this.client = new MqttClient(target.stream, { ...common, username: target.username, password: target.password });
      this.inProcessPublish = target.publish;
    }
    this.client.on('connect', () => {
      connected.set(1);
      if (this.lastError) this.logger.log(`connected to the MQTT broker ${this.broker} again`);
      this.lastError = undefined;
    });
    this.client.on('close', () => connected.set(0));
    this.client.on('error', (error) => {
      // mqtt.js retries on its own; log a failure once, not at every reconnect attempt.
      if (this.lastError !== error.message) this.logger.warn(`MQTT broker ${this.broker}: ${error.message}`);
      this.lastError = error.message;
    });
    this.client.on('offline', () => {
      if (!this.closed && !this.lastError) this.lastError = 'connection lost';
    });
    this.consumeLimit = options.consumeInFlight ?? 1000;
    // mqtt.js reads the next message only once handleMessage calls back (then it sends the PUBACK):
    // this is where consumers get their backpressure, after the 'message' handlers have run.
    this.client.handleMessage = (packet, done) => this.handOver(packet.topic, packet.payload, () => done());
    this.client.on('message', (topic, payload) => {
      for (const [filter, handlers] of this.handlers) {
        if (!topicMatches(filter, topic)) continue;
        for (const handler of handlers) {
          try {
            handler(topic, payload);
          } catch (error) {
            this.logger.error(`handler of ${filter} failed: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }
    });
  }

  state(): MqttConnectionState {
    return { connected: this.client.connected, broker: this.broker, ...(this.lastError ? { lastError: this.lastError } : {}) };
  }

  /** Resolves once the client is connected (or rejects after `timeoutMs`). */
  async connected(timeoutMs = 10_000): Promise<void> {
    if (this.client.connected) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => (this.client.off('connect', onConnect), reject(new Error(`not connected to ${this.broker} within ${timeoutMs} ms`))), timeoutMs);
      const onConnect = () => (clearTimeout(timer), resolve());
      this.client.once('connect', onConnect);
    });
  }

  /**
   * Publishes at QoS 1, resolving on the broker's PUBACK; rejects with MqttPublishTimeoutError
   * after MQTT_PUBLISH_TIMEOUT_MS (the message stays queued in the client and may still go out).
   * To the embedded broker, the broker's own publish (subscribers get it at QoS 1 all the same);
   * it rejects while the broker is stopped, and the caller retries as after a timeout.
   */
  async publish(message: MqttMessage): Promise<void> {
    const body = JSON.stringify(message.payload);
    const pattern = message.pattern;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.inProcessPublish
          ? this.inProcessPublish(message.topic, Buffer.from(body), message.retain ?? false)
          : this.client.publishAsync(message.topic, body, { qos: 1, retain: message.retain }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new MqttPublishTimeoutError(message.topic, this.options.publishTimeoutMs)), this.options.publishTimeoutMs);
        }),
      ]);
      this.published.inc({ topic: pattern });
    } catch (error) {
      this.failed.inc({ topic: pattern });
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Subscribes `handler` to `filter` (wildcards allowed: `venues/+/devices/+/+/telemetry`) at
   * QoS 1; the subscription is renewed on every reconnect. Resolves once the broker granted it;
   * rejects when the broker refuses it. The handler is called synchronously for each message,
   * which is acknowledged once the handlers have returned: work it starts asynchronously is not
   * redelivered if it fails. The session is clean: what is published while this process is not
   * connected does not reach it (devices can post the same readings over HTTP).
   */
  async subscribe(filter: string, handler: MqttMessageHandler): Promise<MqttSubscription> {
    const handlers = this.handlers.get(filter) ?? new Set<MqttMessageHandler>();
    handlers.add(handler);
    this.handlers.set(filter, handlers);
    if (handlers.size === 1) {
      try {
        await this.client.subscribeAsync(filter, { qos: 1 });
      } catch (error) {
        this.handlers.delete(filter);
        throw new Error(`the MQTT broker ${this.broker} refused the subscription to ${filter}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return {
      close: async () => {
        handlers.delete(handler);
        if (handlers.size === 0 && this.handlers.get(filter) === handlers) {
          this.handlers.delete(filter);
          if (!this.closed) await this.client.unsubscribeAsync(filter).catch(() => undefined);
        }
      },
    };
  }

  /**
   * Subscribes `consumer` to `filter` at QoS 1, as `subscribe` does, for work that takes time (the
   * telemetry ingest runs each reading through the rules). Waiting for each message to be done
   * before reading the next would handle one at a time, about a thousand a second; instead a
   * message is acknowledged as soon as it is handed over while fewer than `consumeInFlight` are
   * being worked on; beyond that the acknowledgement, and so the next message of this connection,
   * waits until one finishes. The broker's flow control then slows the publishers, and memory does
   * not fill up. The price: a crash loses the messages handed over and not yet done (at most
   * `consumeInFlight`). A consumer's failure is logged, and the message is not redelivered.
   */
  async consume(filter: string, consumer: MqttMessageConsumer): Promise<MqttSubscription> {
    const consumers = this.consumers.get(filter) ?? new Set<MqttMessageConsumer>();
    consumers.add(consumer);
    this.consumers.set(filter, consumers);
    // The broker delivers through one subscription per filter, whether to handlers or consumers.
    const subscription = await this.subscribe(filter, noop).catch((error: unknown) => {
      consumers.delete(consumer);
      if (consumers.size === 0) this.consumers.delete(filter);
      throw error;
    });
    return {
      close: async () => {
        consumers.delete(consumer);
        if (consumers.size === 0 && this.consumers.get(filter) === consumers) this.consumers.delete(filter);
        await subscription.close();
      },
    };
  }

  private handOver(topic: string, payload: Buffer | string, acknowledge: () => void): void {
    let handed = false;
    for (const [filter, consumers] of this.consumers) {
      if (!topicMatches(filter, topic)) continue;
      const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
      for (const consumer of consumers) {
        let working: void | Promise<void> = undefined;
        try {
          working = consumer(topic, body);
        } catch (error) {
          this.logger.error(`consumer of ${filter} failed: ${error instanceof Error ? error.message : String(error)}`);
        }
        // Done on return: nothing to wait for.
        if (!working) continue;
        handed = true;
        this.consuming += 1;
        working
          .catch((error: unknown) => this.logger.error(`consumer of ${filter} failed: ${error instanceof Error ? error.message : String(error)}`))
          .finally(() => {
            this.consuming -= 1;
            if (this.consuming < this.consumeLimit) this.awaitingRoom.shift()?.();
          });
      }
    }
    if (!handed || this.consuming < this.consumeLimit) acknowledge();
    else this.awaitingRoom.push(acknowledge);
  }

  /** Sends what is queued if the broker is there, then disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.endAsync(!this.client.connected);
  }
}

const noop = (): void => undefined;

/** MQTT topic filter matching (`+` one level, `#` the rest), for dispatching messages to handlers. */
export const topicMatches = (filter: string, topic: string): boolean => {
  const filterLevels = filter.split('/');
  const topicLevels = topic.split('/');
  for (let i = 0; i < filterLevels.length; i++) {
    if (filterLevels[i] === '#') return i > 0 || !topic.startsWith('$');
    if (i >= topicLevels.length) return false;
    if (filterLevels[i] === '+') {
      if (i === 0 && topicLevels[0].startsWith('$')) return false;
      continue;
    }
    if (filterLevels[i] !== topicLevels[i]) return false;
  }
  return filterLevels.length === topicLevels.length;
};

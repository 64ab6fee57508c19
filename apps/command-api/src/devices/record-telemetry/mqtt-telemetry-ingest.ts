import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import { parseTelemetry, parseTelemetryTopic, TELEMETRY_TOPIC_FILTER } from '@tessera/contracts';
import { Metrics } from '@tessera/platform/observability/metrics';
import { Clock } from '@tessera/platform/time/clock';
import { DeviceDirectory } from '../rule-engine/device-directory';
import { DeviceRuleEngine } from '../rule-engine/device-rule-engine';
import { TELEMETRY_SOURCE, type TelemetryMessage, type TelemetrySource } from './telemetry-source';

/**
 * Telemetry over MQTT (API.md: `venues/{venueId}/devices/{type}/{deviceId}/telemetry`, QoS 1,
 * the HTTP body). The broker has authenticated the publisher (the embedded one through
 * MqttCredentials, Mosquitto by its own configuration); here the topic must name a registered
 * device with its own venue and type. A message that fails is dropped and counted in
 * `tessera_device_telemetry_invalid_total{reason}`, and logged at most once per device per
 * minute (with how many were dropped meanwhile), never once per message: a broken device
 * sending ten messages a second must not flood the logs.
 */

export type InvalidReason = 'topic' | 'unknown_device' | 'topic_mismatch' | 'json' | 'reading';

const LOG_EVERY_MS = 60_000;
const MAX_PAYLOAD_BYTES = 256 * 1024;

@Injectable()
export class MqttTelemetryIngest implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('MqttTelemetry');
  private readonly invalid;
  private readonly lastLogged = new Map<string, { at: number; suppressed: number }>();
  private unsubscribe: (() => Promise<void>) | undefined;

  constructor(
    private readonly directory: DeviceDirectory,
    private readonly engine: DeviceRuleEngine,
    private readonly clock: Clock,
    metrics: Metrics,
    @Optional() @Inject(TELEMETRY_SOURCE) private readonly source?: TelemetrySource,
  ) {
    this.invalid = metrics.counter('tessera_device_telemetry_invalid_total', 'Telemetry messages refused, by transport and reason', ['transport', 'reason']);
  }

  private stopped = false;
  /** Resolves once subscribed to the process's source (never, while its broker is away). */
  subscribed: Promise<void> = Promise.resolve();

  /**
   * Subscribes without holding up start-up: with MQTT_URL naming a broker that is not there, the
   * subscription completes once the client connects, and the HTTP API (HTTP ingest included)
   * serves meanwhile.
   */
  onApplicationBootstrap(): void {
    const { source } = this;
    if (!source) return;
    this.subscribed = this.start(source).then(
      () => (this.stopped ? this.beforeApplicationShutdown() : undefined),
      (error: unknown) => this.logger.error(`subscribing to MQTT telemetry failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    const unsubscribe = this.unsubscribe;
    this.unsubscribe = undefined;
    await unsubscribe?.();
  }

  /** Subscribes to the telemetry topics of `source` (tests pass their own). */
  async start(source: TelemetrySource): Promise<void> {
    this.unsubscribe = await source.subscribe(TELEMETRY_TOPIC_FILTER, (message) => this.handle(message));
  }

  /**
   * One message. Done on return (nothing returned) for a refused message and for a reading the
   * rules decide on the spot (a device already loaded, nothing to append): no promise per message
   * on the common path. A promise while the directory catches up, or for readings whose device is
   * loading or whose transitions are being appended.
   */
  handle(message: TelemetryMessage): void | Promise<void> {
    if (!this.directory.isCaughtUp) return this.directory.caughtUp.then(() => this.handle(message));
    const { topic, payload } = message;
    const named = parseTelemetryTopic(topic);
    if (!named) return this.refuse('topic', topic, 'the topic is not a telemetry topic');
    const device = this.directory.device(named.deviceId);
    if (!device) return this.refuse('unknown_device', named.deviceId, 'no device is registered under this id');
    if (device.venueId !== named.venueId || device.deviceType !== named.type) {
      return this.refuse('topic_mismatch', named.deviceId, `the topic names venue ${named.venueId} and type ${named.type}, the device is ${device.venueId}/${device.deviceType}`);
    }
    let body: unknown;
    try {
      if (payload.length > MAX_PAYLOAD_BYTES) throw new Error('too large');
      body = JSON.parse(payload.toString('utf8'));
    } catch {
      return this.refuse('json', named.deviceId, 'the payload is not JSON (or over 256 KB)');
    }
    const parsed = parseTelemetry(body, this.clock.now().getTime());
    if ('errors' in parsed) {
      return this.refuse('reading', named.deviceId, parsed.errors.slice(0, 3).map((error) => `${error.field} ${error.message}`).join('; '));
    }
    // No correlation id made per message: the engine makes one only for a reading that appends transitions.
    return this.engine.record(named.deviceId, parsed.readings, 'mqtt', {});
  }

  private refuse(reason: InvalidReason, deviceId: string, why: string): void {
    this.invalid.inc({ transport: 'mqtt', reason });
    const now = this.clock.now().getTime();
    const logged = this.lastLogged.get(deviceId);
    if (logged && now - logged.at < LOG_EVERY_MS) {
      logged.suppressed += 1;
      return;
    }
    const suppressed = logged?.suppressed ?? 0;
    this.lastLogged.set(deviceId, { at: now, suppressed: 0 });
    if (this.lastLogged.size > 10_000) this.forgetOlderThan(now - LOG_EVERY_MS);
    const also = suppressed > 0 ? ` (and ${suppressed} more since the last report)` : '';
    this.logger.warn(`telemetry from ${JSON.stringify(deviceId.slice(0, 100))} refused (${reason}): ${why}${also}; reported at most once a minute per device`);
  }

  private forgetOlderThan(cutoff: number): void {
    for (const [deviceId, { at }] of this.lastLogged) if (at < cutoff) this.lastLogged.delete(deviceId);
  }
}

import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { deviceStream, type DeviceEvent, type DeviceRule, type Reading } from '@tessera/contracts';
import { Device, DeviceRules, fold, type DeviceRuleTimers, type Observation, type RegisteredDevice } from '@tessera/domain';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { loadStream, toAppend, type CommandContext } from '@tessera/platform/commands/event-sourcing';
import { EventStore, WrongExpectedRevisionError } from '@tessera/platform/event-store/event-store.port';
import { InjectConfig } from '@tessera/platform/platform.module';
import { Metrics } from '@tessera/platform/observability/metrics';
import { ReadStore, type WriteOperation } from '@tessera/platform/read-store/read-store.port';
import { Clock, IdGenerator } from '@tessera/platform/time/clock';
import { DEVICE_TELEMETRY, type DeviceTelemetryDoc } from '@tessera/read-models';
import { DeviceDirectory } from './device-directory';

/**
 * The device rule engine (ARCHITECTURE §6): readings go through the rules as they arrive, the
 * device's latest state goes to the `device_telemetry` read model, and only transitions become
 * events on `device-{id}`.
 *
 * - Per device, in memory: the device as its stream tells it (status, open raises) with the
 *   revision it was read at, the rules' timers, and the last reading. Work on one device is
 *   serialised; devices run side by side.
 * - Transitions are appended at the revision the engine read. That revision is the fence that
 *   makes duplicates impossible however readings are routed: when two engines (two instances,
 *   or one after a partition moved) decide on the same device, one append lands and the other
 *   fails, re-reads the stream and decides again — on a device whose rule is open already, which
 *   decides nothing. Two instances never raise the same incident twice.
 * - Timers and last values are written behind, at most once per DEVICE_STATE_FLUSH_MS per
 *   device, in one bulk write: at 10,000 readings a second for 5,000 devices that is one bulk of
 *   at most 5,000 updates a second, and nothing per reading. A restart reloads a device's stream
 *   and its persisted timers, so its rules resume where they were (less at most one flush
 *   interval of timer movement after a crash; a clean stop flushes everything).
 * - Staleness: `sweepSilence` looks for devices heard last longer ago than the smallest
 *   staleness threshold, in memory and in the read model (devices this instance never loaded),
 *   and runs the staleness rule for them. Safe on several instances: the same fence applies.
 *
 * Readings for one device should reach one instance (the gateway hashes telemetry by device id;
 * MQTT ingest subscribes per partition): then its timers are exact. Where they do not, nothing is
 * duplicated; only the hysteresis runs on each instance's share of the readings.
 */

interface DeviceEntry {
  device: RegisteredDevice;
  revision: number;
  timers: DeviceRuleTimers;
  lastSeenAt?: string;
  last?: DeviceTelemetryDoc['last'];
  dirty: boolean;
}

interface Observed {
  observations: Observation[];
  seen?: Reading;
}

interface Outcome {
  device: RegisteredDevice;
  timers: DeviceRuleTimers;
  decided: DeviceEvent[];
  now: Date;
}

/** A decision taken on the spot by `record`, to be appended. */
interface TakenDecision {
  entry: DeviceEntry;
  observed: Observed;
  outcome: Outcome;
}

export interface RecordOptions {
  /** The correlation id of the transitions the readings cause; absent, a new one for each append (made only when something is appended). */
  correlationId?: string;
}

const ATTEMPTS = 5;
const TRANSPORTS = ['http', 'mqtt'] as const;

@Injectable()
export class DeviceRuleEngine implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly logger = new Logger('DeviceRules');
  private readonly entries = new Map<string, DeviceEntry>();
  private readonly loading = new Map<string, Promise<DeviceEntry | null>>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();
  private readonly transitions;
  private readonly readings;
  private readonly conflicts;

  constructor(
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    private readonly directory: DeviceDirectory,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    metrics: Metrics,
    @InjectConfig() private readonly config: Pick<TesseraConfig, 'DEVICE_STATE_FLUSH_MS'>,
  ) {
    this.transitions = metrics.counter('tessera_device_transitions_total', 'Device events the rule engine appended, by type', ['type']);
    // Counted per reading: a tally (no label hashing per increment), handed to prom-client at scrape time.
    this.readings = metrics.tally('tessera_device_readings_total', 'Telemetry readings through the rules, by transport', 'transport');
    // Both transports from the start, so rate() and the dashboards see the first readings.
    for (const transport of TRANSPORTS) this.readings.add(transport, 0);
    this.conflicts = metrics.counter('tessera_device_rule_conflicts_total', 'Rule decisions re-taken because another engine appended to the device first');
  }

  async onApplicationBootstrap(): Promise<void> {
    // The staleness sweep's query, on every instance every DEVICE_SILENCE_SWEEP_MS.
    await this.reads.collection<DeviceTelemetryDoc>(DEVICE_TELEMETRY).createIndex({ silenceSettled: 1, lastSeenAt: 1 }, { name: 'silence-sweep' });
    this.flushTimer = setInterval(() => void this.flush(), this.config.DEVICE_STATE_FLUSH_MS);
    this.flushTimer.unref();
  }

  /**
   * The first shutdown hook: the timers reach the read store before anything saves it (the
   * embedded store's snapshot is written in the projector's `beforeApplicationShutdown`).
   */
  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([...this.queues.values()]);
    await this.flush();
  }

  /** Again, for readings that arrived since (the HTTP server closes after this hook). */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.flushTimer) clearInterval(this.flushTimer);
    this.flushTimer = undefined;
    await Promise.allSettled([...this.queues.values()]);
    await this.flush();
  }

  /**
   * Runs readings of one registered device through the rules, oldest first. Returns nothing when
   * they were decided on the spot: the device is loaded, nothing of its is queued, and they
   * append nothing (the common case: a reading that changes timers and the latest state only). Else
   * a promise that resolves once their transitions are in the log. Either way the timers and the
   * latest state follow at the next flush.
   */
  record(deviceId: string, readings: readonly Reading[], transport: (typeof TRANSPORTS)[number], options: RecordOptions): void | Promise<void> {
    const sorted = readings.length === 1 ? readings : [...readings].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    this.readings.add(transport, readings.length);
    const observe = (): Observed => ({ observations: sorted.map((reading): Observation => ({ kind: 'reading', reading })), seen: sorted.at(-1) });
    const entry = this.entries.get(deviceId);
    // Nothing queued for the device: nothing can come between this decision and its effect.
    if (entry && !this.queues.has(deviceId)) {
      const observed = observe();
      const outcome = this.evaluateOn(entry, observed.observations, this.clock.now());
      if (outcome.decided.length === 0) return this.settle(entry, outcome, observed);
      // Transitions: appended in turn, with this decision (its incident ids) unless another engine appended first.
      return this.serialised(deviceId, () => this.decide(deviceId, options.correlationId, observe, { entry, observed, outcome }));
    }
    return this.serialised(deviceId, () => this.decide(deviceId, options.correlationId, observe));
  }

  /** The staleness rule for every device heard last before the smallest threshold. Returns how many it checked. */
  async sweepSilence(): Promise<number> {
    await this.directory.caughtUp;
    const now = this.clock.now();
    const thresholds = this.directory.rules.filter((rule) => rule.when.field === 'silentSeconds' && typeof rule.when.value === 'number');
    if (thresholds.length === 0) return 0;
    const smallest = Math.min(...thresholds.map((rule) => rule.when.value as number));
    const cutoff = new Date(now.getTime() - smallest * 1000).toISOString();
    const candidates = new Set<string>();
    for (const [deviceId, entry] of this.entries) {
      if (entry.lastSeenAt !== undefined && entry.lastSeenAt <= cutoff && !this.silenceSettled(entry, thresholds)) candidates.add(deviceId);
    }
    const stored = await this.reads
      .collection<DeviceTelemetryDoc>(DEVICE_TELEMETRY)
      .find({ lastSeenAt: { $lte: cutoff }, silenceSettled: { $ne: true } }, { projection: { _id: 1 } });
    for (const { _id } of stored) if (!this.entries.has(_id)) candidates.add(_id);
    const correlationId = `silence-sweep:${now.toISOString()}`;
    const telemetry = this.reads.collection<DeviceTelemetryDoc>(DEVICE_TELEMETRY);
    for (const deviceId of candidates) {
      await this.serialised(deviceId, async () => {
        // Another instance may have heard the device since this one did: the latest of both counts.
        const flushed = await telemetry.findOne({ _id: deviceId }, { projection: { lastSeenAt: 1 }, readOnly: true });
        return this.decide(deviceId, correlationId, (entry) => {
          const lastSeenAt = [entry.lastSeenAt, flushed?.lastSeenAt].filter((at): at is string => at !== undefined).sort().at(-1);
          return lastSeenAt === undefined ? { observations: [] } : { observations: [{ kind: 'silence', lastSeenAt }] };
        });
      }).catch((error: unknown) => this.logger.warn(`staleness check of device ${deviceId} failed: ${String(error)}`));
    }
    return candidates.size;
  }

  /** Writes the latest state of every device changed since the last flush. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.writeDirty()).catch((error: unknown) => this.logger.warn(`device state flush failed; retried at the next: ${String(error)}`));
    return this.flushing;
  }

  /** The engine's view of a device (tests, diagnostics). */
  async stateOf(deviceId: string): Promise<{ device: RegisteredDevice; timers: DeviceRuleTimers; lastSeenAt?: string } | null> {
    const entry = await this.entry(deviceId);
    return entry && { device: entry.device, timers: entry.timers, lastSeenAt: entry.lastSeenAt };
  }

  /** Nothing left for the sweep to do: no staleness rule watches the device, or it is silent with all of them raised. */
  private silenceSettled(entry: DeviceEntry, silentRules: readonly DeviceRule[]): boolean {
    const watching = silentRules.filter((rule) => rule.deviceTypes.includes(entry.device.deviceType));
    return watching.length === 0 || (entry.device.status === 'silent' && watching.every((rule) => entry.device.open[rule.ruleId] !== undefined));
  }

  private async decide(deviceId: string, correlationId: string | undefined, observe: (entry: DeviceEntry) => Observed, taken?: TakenDecision): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const entry = await this.entry(deviceId);
      if (!entry) return;
      let observed: Observed;
      let outcome: Outcome;
      if (attempt === 1 && taken?.entry === entry) ({ observed, outcome } = taken);
      else {
        observed = observe(entry);
        outcome = this.evaluateOn(entry, observed.observations, this.clock.now());
      }
      const { decided, now } = outcome;
      if (decided.length > 0) {
        const context: CommandContext = { actorId: `device:${deviceId}`, correlationId: correlationId ?? this.ids.newId(), causationId: this.ids.newId(), now };
        try {
          const appended = await this.events.append(deviceStream(deviceId), toAppend(deviceStream(deviceId), decided, context), { expectedRevision: entry.revision });
          entry.revision = appended.nextRevision;
          for (const event of decided) this.transitions.inc({ type: event.type });
        } catch (error) {
          if (!(error instanceof WrongExpectedRevisionError) || attempt >= ATTEMPTS) throw error;
          this.conflicts.inc();
          await this.refresh(deviceId, entry);
          continue;
        }
      }
      this.settle(entry, outcome, observed);
      return;
    }
  }

  /** The rules over `observations` of the device as `entry` holds it; changes nothing. */
  private evaluateOn(entry: DeviceEntry, observations: readonly Observation[], now: Date): Outcome {
    let { device, timers } = entry;
    const nowIso = now.toISOString();
    let decided: DeviceEvent[] = [];
    for (const observation of observations) {
      const evaluated = DeviceRules.evaluate({ rules: this.directory.rules, device, timers, observation, now: nowIso, newIncidentId: () => this.ids.newId() });
      if (evaluated.events.length > 0) {
        decided = decided.length === 0 ? evaluated.events : [...decided, ...evaluated.events];
        device = fold(Device.evolve, device, evaluated.events) as RegisteredDevice;
      }
      timers = evaluated.timers;
    }
    return { device, timers, decided, now };
  }

  /** Takes on what was decided (its transitions in the log by now) and the latest reading. */
  private settle(entry: DeviceEntry, { device, timers, decided, now }: Outcome, { observations, seen }: Observed): void {
    entry.device = device;
    entry.timers = timers;
    if (seen) {
      // Times compared as instants: `…:00Z` and `…:00.500Z` do not sort as strings.
      const seenAt = Math.min(Date.parse(seen.at), now.getTime());
      if (entry.lastSeenAt === undefined || seenAt >= Date.parse(entry.lastSeenAt)) {
        const { status, temperature, battery, errorRate } = seen;
        // The rules' own time of the reading, when it is this one (it is, unless an older reading came late).
        entry.lastSeenAt = timers.lastAt !== undefined && Date.parse(timers.lastAt) === seenAt ? timers.lastAt : new Date(seenAt).toISOString();
        const last: NonNullable<DeviceEntry['last']> = { status };
        if (temperature !== undefined) last.temperature = temperature;
        if (battery !== undefined) last.battery = battery;
        if (errorRate !== undefined) last.errorRate = errorRate;
        entry.last = last;
      }
    }
    if (decided.length > 0 || seen || observations.length > 0) entry.dirty = true;
  }

  /** Another engine appended to the device: fold what it appended onto what this one holds. */
  private async refresh(deviceId: string, entry: DeviceEntry): Promise<void> {
    const newer = await this.events.readStream(deviceStream(deviceId), { fromRevision: entry.revision + 1 });
    entry.device = fold(Device.evolve, entry.device, newer.map((event) => ({ type: event.type, data: event.data }) as DeviceEvent)) as RegisteredDevice;
    if (newer.length > 0) entry.revision = newer[newer.length - 1].revision;
  }

  private entry(deviceId: string): Promise<DeviceEntry | null> {
    const held = this.entries.get(deviceId);
    if (held) return Promise.resolve(held);
    let loading = this.loading.get(deviceId);
    if (!loading) {
      loading = this.load(deviceId).finally(() => this.loading.delete(deviceId));
      this.loading.set(deviceId, loading);
    }
    return loading;
  }

  private async load(deviceId: string): Promise<DeviceEntry | null> {
    const [stream, stored] = await Promise.all([
      loadStream(this.events, deviceStream(deviceId), Device.evolve, Device.initialState),
      this.reads.collection<DeviceTelemetryDoc>(DEVICE_TELEMETRY).findOne({ _id: deviceId }),
    ]);
    if (!Device.isRegistered(stream.state) || stream.revision === 'no_stream') return null;
    const entry: DeviceEntry = {
      device: stream.state,
      revision: stream.revision,
      timers: stored?.timers ?? DeviceRules.noTimers,
      lastSeenAt: stored?.lastSeenAt,
      last: stored?.last,
      dirty: false,
    };
    this.entries.set(deviceId, entry);
    return entry;
  }

  private serialised<T>(deviceId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(deviceId) ?? Promise.resolve();
    const next = previous.then(work, work);
    // Registered on `next` before anyone awaits it: whoever awaits a device's last work finds the device's queue gone.
    const release = (): void => {
      if (this.queues.get(deviceId) === settled) this.queues.delete(deviceId);
    };
    const settled: Promise<void> = next.then(release, release);
    this.queues.set(deviceId, settled);
    return next;
  }

  private async writeDirty(): Promise<void> {
    const silentRules = this.directory.rules.filter((rule) => rule.when.field === 'silentSeconds');
    const operations: WriteOperation<DeviceTelemetryDoc>[] = [];
    for (const [deviceId, entry] of this.entries) {
      if (!entry.dirty || entry.lastSeenAt === undefined || entry.last === undefined) continue;
      entry.dirty = false;
      operations.push({
        updateOne: {
          filter: { _id: deviceId },
          update: {
            $set: {
              lastSeenAt: entry.lastSeenAt,
              last: entry.last,
              timers: entry.timers,
              revision: entry.revision,
              status: entry.device.status,
              silenceSettled: this.silenceSettled(entry, silentRules),
            },
          },
          upsert: true,
        },
      });
    }
    if (operations.length > 0) await this.reads.collection<DeviceTelemetryDoc>(DEVICE_TELEMETRY).bulkWrite(operations);
  }
}

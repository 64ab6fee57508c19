import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  PersistentSubscriptionDoesNotExistError,
  PersistentSubscriptionExistsError,
  START,
  StreamNotFoundError,
  excludeSystemEvents,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type PersistentSubscriptionToAll,
  type PersistentSubscriptionToAllResolvedEvent,
  type PersistentSubscriptionToAllSettings,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  EventStore,
  groupChanges,
  matchesFilter,
  WrongExpectedRevisionError,
  type AllSubscription,
  type AppendOptions,
  type AppendResult,
  type ConsumerGroupEnsured,
  type ConsumerGroupOptions,
  type ConsumerGroupSettings,
  type EventFilter,
  type EventToAppend,
  type ExpectedRevision,
  type GroupMessage,
  type GroupSubscription,
  type MultiAppendResult,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type StreamAppend,
  type SubscribeToAllOptions,
  type SubscriptionStart,
} from '../event-store.port';
import {
  KurrentDbVersionError,
  UNKNOWN_POSITION,
  fromGroupSettings,
  fromRecordedEvent,
  groupDefinitionStreamName,
  isUnsupported,
  matchesNothing,
  parkedStreamName,
  positionNumber,
  toEventData,
  toGroupSettings,
  toLogPosition,
  toPersistentAction,
  toReadPosition,
  toSafeNumber,
  toServerFilter,
  toStreamState,
  translateAppendError,
} from './kurrentdb-mapping';

/**
 * The EventStore port on KurrentDB (≥ 25.1) through `@kurrent/kurrentdb-client`. Our global
 * position is the event's commit position; atomic multi-stream appends use the server's
 * `multiStreamAppend`; consumer groups are persistent subscriptions to `$all`.
 */

const isGroupExists = (error: unknown): boolean =>
  error instanceof PersistentSubscriptionExistsError || (error as { code?: unknown } | null)?.code === 6; // gRPC ALREADY_EXISTS

/** Client-side part of a filter: what the server could not filter, plus the exclusive start. */
const accepts = (event: RecordedEvent, filter: EventFilter | undefined, after: number | undefined): boolean =>
  matchesFilter(event, filter) && (after === undefined || event.position > after);

const afterOf = (from: SubscriptionStart | undefined): number | undefined =>
  typeof from === 'object' ? from.after : undefined;

export class KurrentDbEventStore extends EventStore {
  /** Filters of the groups this process ensured: the part the server cannot apply is ours. */
  private readonly groupFilters = new Map<string, { filter?: EventFilter; after?: number }>();
  private readonly subscriptions = new Set<{ close(): Promise<void> }>();

  constructor(private readonly client: KurrentDBClient) {
    super();
  }

  static fromConnectionString(connectionString: string): KurrentDbEventStore {
    return new KurrentDbEventStore(KurrentDBClient.connectionString(connectionString));
  }

  async append(stream: string, events: EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    const expected = options.expectedRevision ?? 'any';
    if (options.expectedEventId !== undefined) await this.checkExpectedEvent(stream, expected, options.expectedEventId);
    let result;
    try {
      result = await this.client.appendToStream(stream, events.map(toEventData), { streamState: toStreamState(expected) });
    } catch (error) {
      throw translateAppendError(error, () => expected);
    }
    const nextRevision = toSafeNumber(result.nextExpectedRevision, 'revision');
    // An idempotent re-append may come back without a position: take the stream's last event's.
    const position = result.position ? positionNumber(result.position) : await this.positionOfRevision(stream, nextRevision);
    return { stream, nextRevision, position };
  }

  /**
   * `expectedEventId`, checked by reading the event at the expected revision before appending
   * there: an event never changes once written, so the append at that exact revision still counts
   * on it. Not pipelined (pipelinesAppends is false): the event must have been written already.
   */
  private async checkExpectedEvent(stream: string, expected: ExpectedRevision, eventId: string): Promise<void> {
    if (typeof expected !== 'number') throw new TypeError(`expectedEventId needs an exact expected revision (append to ${stream})`);
    const [event] = await this.readStream(stream, { fromRevision: expected, maxCount: 1 });
    if (event?.revision === expected && event.id === eventId) return;
    const [last] = await this.readStream(stream, { direction: 'backwards', maxCount: 1 });
    throw new WrongExpectedRevisionError([{ stream, expected, actual: last ? last.revision : 'no_stream' }]);
  }

  async appendMulti(appends: StreamAppend[]): Promise<MultiAppendResult> {
    const expectedByStream = new Map(appends.map((a) => [a.stream, a.expectedRevision] as const));
    let result;
    try {
      result = await this.client.multiStreamAppend(
        appends.map((a) => ({ streamName: a.stream, expectedState: toStreamState(a.expectedRevision), events: a.events.map(toEventData) })),
      );
    } catch (error) {
      if (isUnsupported(error)) throw new KurrentDbVersionError('atomic multi-stream append (multiStreamAppend)', error);
      throw translateAppendError(error, (stream) => expectedByStream.get(stream) ?? 'any');
    }
    const position = toSafeNumber(result.position, 'position');
    return {
      position,
      streams: result.responses.map((response) => ({
        stream: response.streamName,
        nextRevision: toSafeNumber(response.revision, 'revision'),
        position,
      })),
    };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    if (options.maxCount === 0) return [];
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      })) {
        if (resolved.event) events.push(fromRecordedEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const { after, maxCount, filter } = options;
    if (matchesNothing(filter) || maxCount === 0) return;
    let yielded = 0;
    // The server reads from a position inclusively; ours is exclusive, hence `accepts`.
    const reading = this.client.readAll({
      direction: FORWARDS,
      fromPosition: after === undefined ? START : toLogPosition(after),
      filter: toServerFilter(filter),
    });
    for await (const resolved of reading) {
      if (!resolved.event) continue;
      const event = fromRecordedEvent(resolved.event);
      if (!accepts(event, filter, after)) continue;
      yield event;
      yielded += 1;
      if (maxCount !== undefined && yielded >= maxCount) return;
    }
  }

  async headPosition(): Promise<number> {
    for await (const resolved of this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      filter: excludeSystemEvents(),
    })) {
      if (resolved.event) return positionNumber(resolved.event.position);
    }
    return 0;
  }

  subscribeToAll(options: SubscribeToAllOptions): AllSubscription {
    const after = afterOf(options.from);
    const subscription = new KurrentAllSubscription(
      matchesNothing(options.filter)
        ? null
        : this.client.subscribeToAll({ fromPosition: toReadPosition(options.from), filter: toServerFilter(options.filter) }),
      (event) => accepts(event, options.filter, after),
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * Creates the group, or brings it in line. Settings are updated in place. A changed filter
   * cannot be (KurrentDB updates no `$all` group's filter, kurrent-io/KurrentDB#3673, nor reports
   * it), so the filter each group was made with is recorded in a stream's metadata, and a group
   * whose filter differs, or has none recorded (made before this was recorded), is deleted and
   * made again from its last checkpoint: the events after it are delivered again (at least once,
   * as after any restart), those before it are not read again under the new filter.
   */
  async ensureConsumerGroup(group: string, options: ConsumerGroupOptions = {}): Promise<ConsumerGroupEnsured> {
    this.groupFilters.set(group, { filter: options.filter, after: afterOf(options.from) });
    const settings = toGroupSettings(options);
    const wanted: ConsumerGroupSettings = { filter: options.filter, ...fromGroupSettings(settings) };
    const info = await this.client.getPersistentSubscriptionToAllInfo(group).catch((error: unknown) => {
      if (error instanceof PersistentSubscriptionDoesNotExistError) return undefined;
      throw error;
    });
    if (!info) {
      const created = await this.createGroup(group, settings, options.filter);
      // Another instance made it first: bring that one in line.
      return created ? { outcome: 'created', changes: [] } : this.ensureConsumerGroup(group, options);
    }
    const recorded = await this.recordedGroupFilter(group);
    const changes = groupChanges({ filter: recorded?.filter, ...fromGroupSettings(info.settings) }, wanted);
    if (!recorded && !changes.includes('filter')) changes.unshift('filter');
    if (changes.includes('filter')) {
      const checkpoint = info.stats.lastCheckpointedEventPosition;
      await this.client.deletePersistentSubscriptionToAll(group).catch((error: unknown) => {
        if (!(error instanceof PersistentSubscriptionDoesNotExistError)) throw error;
      });
      await this.createGroup(group, checkpoint ? { ...settings, startFrom: checkpoint } : settings, options.filter);
      return { outcome: 'recreated', changes };
    }
    if (changes.length === 0) return { outcome: 'unchanged', changes };
    // startFrom as it is: it only ever applied to the group's first read.
    await this.client.updatePersistentSubscriptionToAll(group, { ...settings, startFrom: info.settings.startFrom });
    return { outcome: 'updated', changes };
  }

  /** False when the group already exists. The filter is recorded first: a group never exists without it. */
  private async createGroup(group: string, settings: PersistentSubscriptionToAllSettings, filter: EventFilter | undefined): Promise<boolean> {
    await this.client.setStreamMetadata(groupDefinitionStreamName(group), { tesseraGroupFilter: filter ?? null });
    try {
      await this.client.createPersistentSubscriptionToAll(group, settings, { filter: toServerFilter(filter) });
      return true;
    } catch (error) {
      if (isGroupExists(error)) return false;
      throw error;
    }
  }

  /** The filter recorded for a group, or undefined when none was. */
  private async recordedGroupFilter(group: string): Promise<{ filter: EventFilter | undefined } | undefined> {
    const { metadata } = await this.client.getStreamMetadata<{ tesseraGroupFilter?: EventFilter | null }>(groupDefinitionStreamName(group));
    if (!metadata || !('tesseraGroupFilter' in metadata)) return undefined;
    return { filter: metadata.tesseraGroupFilter ?? undefined };
  }

  subscribeToGroup(group: string): GroupSubscription {
    const { filter, after } = this.groupFilters.get(group) ?? {};
    const subscription = new KurrentGroupSubscription(
      this.client.subscribeToPersistentSubscriptionToAll(group),
      (event) => accepts(event, filter, after),
      () => this.subscriptions.delete(subscription),
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async readParked(group: string): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(parkedStreamName(group), { direction: FORWARDS, fromRevision: START, resolveLinkTos: true })) {
        if (resolved.event) events.push(await this.withKnownPosition(fromRecordedEvent(resolved.event)));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  private async positionOfRevision(stream: string, revision: number): Promise<number> {
    const [event] = await this.readStream(stream, { direction: 'backwards', fromRevision: revision, maxCount: 1 });
    return event?.position ?? UNKNOWN_POSITION;
  }

  /** Links resolved from a stream read may lack the original's position: look it up. */
  private async withKnownPosition(event: RecordedEvent): Promise<RecordedEvent> {
    if (event.position !== UNKNOWN_POSITION) return event;
    const [original] = await this.readStream(event.stream, { fromRevision: event.revision, maxCount: 1 });
    return original ?? event;
  }
}

/**
 * A catch-up subscription over `$all`. `caughtUp` resolves only once every event the stream had
 * buffered when the server said "caught up" has been handed to the consumer, so a projector that
 * awaits it has really applied the history.
 */
export class KurrentAllSubscription implements AllSubscription {
  readonly caughtUp: Promise<void>;
  private resolveCaughtUp!: () => void;
  private rejectCaughtUp!: (error: unknown) => void;
  private closed = false;
  private taken = 0;
  private finished = 0;
  private caughtUpAt: number | null = null;
  private readonly events: AsyncGenerator<RecordedEvent>;
  private markClosed!: () => void;
  private readonly closedSignal = new Promise<void>((resolve) => (this.markClosed = resolve));

  constructor(
    private readonly source: AllStreamSubscription | null,
    private readonly accept: (event: RecordedEvent) => boolean,
    private readonly onClose: () => void,
  ) {
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.resolveCaughtUp = resolve;
      this.rejectCaughtUp = reject;
    });
    this.caughtUp.catch(() => undefined);
    if (!source) {
      this.resolveCaughtUp();
    } else {
      source.on('caughtUp', () => {
        if (this.caughtUpAt !== null) return;
        this.caughtUpAt = this.taken + source.readableLength;
        this.settleIfDone();
      });
    }
    this.events = this.iterate();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.markClosed();
    this.onClose();
    await this.source?.unsubscribe().catch(() => undefined);
    this.rejectCaughtUp(new Error('subscription closed before it caught up'));
  }

  private settleIfDone(): void {
    if (this.caughtUpAt !== null && this.finished >= this.caughtUpAt) this.resolveCaughtUp();
  }

  private async *iterate(): AsyncGenerator<RecordedEvent> {
    if (!this.source) {
      // A filter that matches nothing: stay open and silent until closed.
      await this.closedSignal;
      return;
    }
    try {
      for await (const resolved of this.source as AsyncIterable<AllStreamResolvedEvent>) {
        if (this.closed) return;
        this.taken += 1;
        if (resolved.event) {
          const event = fromRecordedEvent(resolved.event);
          if (this.accept(event)) yield event;
        }
        this.finished += 1;
        this.settleIfDone();
      }
    } catch (error) {
      if (this.closed) return;
      this.rejectCaughtUp(error);
      throw error;
    }
  }
}

/** Competing consumers on a persistent subscription to `$all`. */
class KurrentGroupSubscription implements GroupSubscription {
  private closed = false;
  private readonly messages: AsyncGenerator<GroupMessage>;

  constructor(
    private readonly source: PersistentSubscriptionToAll,
    private readonly accept: (event: RecordedEvent) => boolean,
    private readonly onClose: () => void,
  ) {
    this.messages = this.iterate();
  }

  [Symbol.asyncIterator](): AsyncIterator<GroupMessage> {
    return this.messages;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClose();
    await this.source.unsubscribe().catch(() => undefined);
  }

  private async *iterate(): AsyncGenerator<GroupMessage> {
    try {
      for await (const resolved of this.source as AsyncIterable<PersistentSubscriptionToAllResolvedEvent>) {
        if (this.closed) return;
        if (!resolved.event) {
          await this.source.ack(resolved as ResolvedEvent);
          continue;
        }
        const event = fromRecordedEvent(resolved.event);
        if (!this.accept(event)) {
          // The server filters on one criterion; what the other rules out is acknowledged unseen.
          await this.source.ack(resolved as ResolvedEvent);
          continue;
        }
        yield {
          event,
          retryCount: resolved.retryCount,
          ack: () => this.source.ack(resolved as ResolvedEvent),
          nack: (action, reason) => this.source.nack(toPersistentAction(action), reason, resolved as ResolvedEvent),
        };
      }
    } catch (error) {
      if (this.closed) return;
      throw error;
    }
  }
}

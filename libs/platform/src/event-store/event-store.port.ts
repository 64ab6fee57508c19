import type { EventMetadata } from '@tessera/contracts';

/**
 * EventStore port: the append-only log every Tessera fact lives in.
 * Two adapters implement it (the embedded durable log and KurrentDB); both pass
 * `event-store.contract.ts`. Revisions are 0-based per stream; positions are global, strictly
 * increasing, safe integers, comparable only within one store.
 */

/** What the caller believes the stream's last revision is. A number is an exact revision. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface EventToAppend {
  /** A UUID (KurrentDB requires one). Re-appending the same ids at the same place is idempotent. */
  id: string;
  type: string;
  /** JSON-serialisable payload. */
  data: unknown;
  metadata: EventMetadata;
}

export interface RecordedEvent<TData = unknown> {
  id: string;
  stream: string;
  type: string;
  /** 0-based revision within its stream. */
  revision: number;
  /** Global position in the log. */
  position: number;
  data: TData;
  metadata: EventMetadata;
  /** When the store recorded it, ISO 8601 UTC. */
  recordedAt: string;
}

export interface StreamAppend {
  stream: string;
  expectedRevision: ExpectedRevision;
  events: EventToAppend[];
}

export interface AppendResult {
  stream: string;
  /** Revision of the last event now in the stream. */
  nextRevision: number;
  /** Position of the last event written (or found, for an idempotent re-append). */
  position: number;
}

export interface MultiAppendResult {
  /** Position of the last event written by the whole atomic append. */
  position: number;
  streams: AppendResult[];
}

/** Events match when every given criterion matches; `$`-prefixed system streams never match. */
export interface EventFilter {
  /** Exact event type names. */
  eventTypes?: readonly string[];
  /** Stream name prefixes such as `seat-` or `booking-`. */
  streamPrefixes?: readonly string[];
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; defaults to the first (forwards) or the last (backwards) event. */
  fromRevision?: number;
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events strictly after this position. Omitted = from the start of the log. */
  after?: number;
  maxCount?: number;
  filter?: EventFilter;
}

export type SubscriptionStart = 'start' | 'end' | { after: number };

export interface SubscribeToAllOptions {
  from: SubscriptionStart;
  filter?: EventFilter;
}

/**
 * A catch-up subscription: yields history from `from`, then turns live and keeps yielding new
 * events until closed. Iterate it with `for await`; backpressure is the consumer's pace.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  /** Resolves when everything that existed at subscribe time has been yielded. */
  readonly caughtUp: Promise<void>;
  close(): Promise<void>;
}

export interface ConsumerGroupOptions {
  filter?: EventFilter;
  /** Where a newly created group starts; an existing group keeps its checkpoint. */
  from?: SubscriptionStart;
  /** Deliveries of one event before it is parked. Default 5. */
  maxRetries?: number;
  /** An unacknowledged message is redelivered after this long. Default 30 000 ms. */
  messageTimeoutMs?: number;
  /**
   * How members share the events. `round-robin` (the default): any member, the least busy first.
   * `pinned-by-stream`: every event of one stream goes to the same member while the membership
   * stays the same (KurrentDB's `Pinned`), so a member sees a stream's events in order.
   */
  strategy?: 'round-robin' | 'pinned-by-stream';
}

/**
 * What ensureConsumerGroup did. A group keeps its checkpoint through `updated` and `recreated`;
 * `changes` names what differed (filter, maxRetries, messageTimeoutMs, strategy).
 */
export interface ConsumerGroupEnsured {
  outcome: 'created' | 'unchanged' | 'updated' | 'recreated';
  changes: string[];
}

/** What ensureConsumerGroup keeps in line on an existing group. */
export interface ConsumerGroupSettings {
  filter?: EventFilter;
  maxRetries: number;
  messageTimeoutMs: number;
  strategy: 'round-robin' | 'pinned-by-stream';
}

const filterKey = (filter: EventFilter | undefined): string =>
  JSON.stringify({ eventTypes: filter?.eventTypes && [...filter.eventTypes].sort(), streamPrefixes: filter?.streamPrefixes && [...filter.streamPrefixes].sort() });

/** The names of the settings that differ between a group as it is and as it is wanted. */
export const groupChanges = (current: ConsumerGroupSettings, wanted: ConsumerGroupSettings): string[] => [
  ...(filterKey(current.filter) === filterKey(wanted.filter) ? [] : ['filter']),
  ...(['maxRetries', 'messageTimeoutMs', 'strategy'] as const).filter((setting) => current[setting] !== wanted[setting]),
];

export interface GroupMessage {
  event: RecordedEvent;
  /** 0 on the first delivery. */
  retryCount: number;
  ack(): Promise<void>;
  /** retry: deliver again later; park: move aside for an operator; skip: drop it. */
  nack(action: 'retry' | 'park' | 'skip', reason: string): Promise<void>;
}

/** Competing consumers: members of one group share the events, each delivered to one member. */
export interface GroupSubscription extends AsyncIterable<GroupMessage> {
  close(): Promise<void>;
}

/** What an adapter reports about its own writing, for /metrics (the embedded log's group commits). */
export interface EventLogObserver {
  /** One write + fdatasync round: the appends it made durable, their bytes, and how long it took. */
  synced?(sync: { appends: number; bytes: number; seconds: number }): void;
}

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
  /**
   * With an exact `expectedRevision`: the id of the event the caller expects at that revision,
   * typically the last event of its own previous append. The append is refused
   * (WrongExpectedRevisionError) unless the stream's event at `expectedRevision` has this id, so
   * an append built on another that was refused or lost is refused too, even when other writers
   * have brought the stream to the same revision meanwhile.
   */
  expectedEventId?: string;
}

export abstract class EventStore {
  /**
   * Whether an append with `expectedEventId` may be sent while the append it counts on is still
   * in flight: the store checks it against what is queued, in the order the appends are called,
   * and when a queued append fails, every append queued after it fails too (the embedded log,
   * whose group commit then writes them together). Where false (a remote server), an append is
   * checked against what the store has answered, so a writer waits for the previous answer.
   */
  get pipelinesAppends(): boolean {
    return false;
  }

  /** Append to one stream. Throws WrongExpectedRevisionError on a revision conflict. */
  abstract append(stream: string, events: EventToAppend[], options?: AppendOptions): Promise<AppendResult>;

  /** Append to several streams atomically: all or nothing, each at its expected revision. */
  abstract appendMulti(appends: StreamAppend[]): Promise<MultiAppendResult>;

  /** Read one stream; a stream that does not exist reads as empty. */
  abstract readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Read the whole log in position order. */
  abstract readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;

  /** Position of the newest event in the log (0 when the log is empty). */
  abstract headPosition(): Promise<number>;

  abstract subscribeToAll(options: SubscribeToAllOptions): AllSubscription;

  /**
   * Create the group if it is missing; bring an existing one in line with `options` (its filter
   * and settings; `from` applies to a new group only), keeping its checkpoint.
   */
  abstract ensureConsumerGroup(group: string, options?: ConsumerGroupOptions): Promise<ConsumerGroupEnsured>;

  abstract subscribeToGroup(group: string): GroupSubscription;

  /** Events a group has parked, oldest first. */
  abstract readParked(group: string): Promise<RecordedEvent[]>;

  /** Flush and release resources. Appends in flight finish first. */
  abstract close(): Promise<void>;

  /**
   * Throws StorageUnavailableError while the store cannot write (disk full, I/O error); reads go
   * on meanwhile. A store that cannot tell (a remote server) never throws here.
   */
  assertWritable(): void {}

  /**
   * Whether a reader's checkpoint counts only events this log holds: false past the head, and
   * (embedded log) inside positions a `log repair` removed. A reader at such a checkpoint must
   * rebuild, or be moved back.
   */
  async holdsCheckpoint(position: number): Promise<boolean> {
    return position <= (await this.headPosition());
  }
}

export interface RevisionConflict {
  stream: string;
  expected: ExpectedRevision;
  actual: number | 'no_stream';
}

/** A stream was not at the expected revision. Nothing of the append was written. */
export class WrongExpectedRevisionError extends Error {
  readonly conflicts: RevisionConflict[];

  constructor(conflicts: RevisionConflict[]) {
    const first = conflicts[0];
    super(
      `wrong expected revision on ${first.stream}: expected ${String(first.expected)}, actual ${String(first.actual)}`,
    );
    this.name = 'WrongExpectedRevisionError';
    this.conflicts = conflicts;
  }

  get stream(): string {
    return this.conflicts[0].stream;
  }

  get actualRevision(): number | 'no_stream' {
    return this.conflicts[0].actual;
  }
}

/**
 * The log cannot write right now (disk full, I/O error). Nothing of the append was written; the
 * store retries by itself, and `retryAfterSeconds` says when it will next try.
 */
export class StorageUnavailableError extends Error {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageUnavailableError';
  }
}

export const matchesFilter = (
  event: Pick<RecordedEvent, 'stream' | 'type'>,
  filter: EventFilter | undefined,
): boolean => {
  if (event.stream.startsWith('$')) return false;
  if (!filter) return true;
  if (filter.eventTypes && !filter.eventTypes.includes(event.type)) return false;
  if (filter.streamPrefixes && !filter.streamPrefixes.some((p) => event.stream.startsWith(p))) return false;
  return true;
};

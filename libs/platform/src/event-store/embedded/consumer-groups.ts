import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
  StorageUnavailableError,
  groupChanges,
  type ConsumerGroupEnsured,
  type ConsumerGroupOptions,
  type EventFilter,
  type GroupMessage,
  type GroupSubscription,
  type RecordedEvent,
} from '../event-store.port';
import type { CommittedLog } from './committed-log';

/**
 * Consumer groups (persistent subscriptions) of the embedded log. A group's definition and its
 * checkpoint — the last position below which every event was acked, skipped or parked — live in
 * one JSON file under `groups/`. Members of a group compete: each outstanding event is delivered
 * to one member at a time. Delivery is at least once: acks not yet checkpointed when the process
 * dies are delivered again.
 */

export const DEFAULT_MAX_RETRIES = 5;
export const DEFAULT_MESSAGE_TIMEOUT_MS = 30_000;
/** Events read ahead of the checkpoint and not yet settled. */
const OUTSTANDING_LIMIT = 256;
/** Unacked messages one member holds at a time, so the others get their share. */
const MEMBER_WINDOW = 16;
const CHECKPOINT_DELAY_MS = 50;

export class ConsumerGroupNotFoundError extends Error {
  constructor(group: string) {
    super(`consumer group "${group}" does not exist; create it with ensureConsumerGroup`);
    this.name = 'ConsumerGroupNotFoundError';
  }
}

interface GroupDefinition {
  group: string;
  filter?: EventFilter;
  maxRetries: number;
  messageTimeoutMs: number;
  /** Absent in groups created before strategies existed: round-robin. */
  strategy?: 'round-robin' | 'pinned-by-stream';
  checkpoint: number;
}

/** Moves an event aside for an operator, durably; see EmbeddedEventStore.readParked. */
export type ParkEvent = (group: string, event: RecordedEvent, reason: string) => Promise<void>;

export class ConsumerGroups {
  private readonly definitions = new Map<string, GroupDefinition>();
  private readonly dispatchers = new Map<string, GroupDispatcher>();

  constructor(
    private readonly dir: string,
    private readonly log: CommittedLog,
    private readonly park: ParkEvent,
  ) {}

  async load(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const name of await readdir(this.dir)) {
      if (!name.endsWith('.json')) continue;
      const definition = JSON.parse(await readFile(join(this.dir, name), 'utf8')) as GroupDefinition;
      this.definitions.set(definition.group, definition);
    }
  }

  /**
   * Creates the group, or brings an existing one in line with `options`: the definition is
   * rewritten in place (this log can change a group's filter, unlike KurrentDB), keeping its
   * checkpoint, and a dispatcher already running here reads with the new definition from then on.
   */
  async ensure(group: string, options: ConsumerGroupOptions = {}): Promise<ConsumerGroupEnsured> {
    const wanted = {
      filter: options.filter,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      messageTimeoutMs: options.messageTimeoutMs ?? DEFAULT_MESSAGE_TIMEOUT_MS,
      strategy: options.strategy ?? 'round-robin',
    } satisfies Omit<GroupDefinition, 'group' | 'checkpoint'>;
    const existing = this.definitions.get(group);
    if (existing) {
      const changes = groupChanges({ ...existing, strategy: existing.strategy ?? 'round-robin' }, wanted);
      if (changes.length === 0) return { outcome: 'unchanged', changes };
      // The file holds the checkpoint a running dispatcher last saved; the object the one loaded.
      const saved = JSON.parse(await readFile(this.fileOf(group), 'utf8')) as GroupDefinition;
      Object.assign(existing, wanted, { checkpoint: Math.max(existing.checkpoint, saved.checkpoint) });
      await writeFileDurably(this.fileOf(group), JSON.stringify(existing));
      return { outcome: 'updated', changes };
    }
    const from = options.from ?? 'end';
    const definition: GroupDefinition = {
      group,
      ...wanted,
      checkpoint: from === 'start' ? 0 : from === 'end' ? this.log.headPosition() : from.after,
    };
    this.definitions.set(group, definition);
    await writeFileDurably(this.fileOf(group), JSON.stringify(definition));
    return { outcome: 'created', changes: [] };
  }

  subscribe(group: string): GroupSubscription {
    const definition = this.definitions.get(group);
    if (!definition) throw new ConsumerGroupNotFoundError(group);
    let dispatcher = this.dispatchers.get(group);
    if (!dispatcher) {
      dispatcher = new GroupDispatcher(definition, this.log, this.park, (checkpoint) =>
        writeFileDurably(this.fileOf(group), JSON.stringify({ ...definition, checkpoint })),
      );
      this.dispatchers.set(group, dispatcher);
    }
    return dispatcher.join();
  }

  async close(): Promise<void> {
    await Promise.all([...this.dispatchers.values()].map((dispatcher) => dispatcher.stop()));
    this.dispatchers.clear();
  }

  private fileOf(group: string): string {
    return join(this.dir, `${encodeURIComponent(group)}.json`);
  }
}

const writeFileDurably = async (path: string, text: string): Promise<void> => {
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
};

interface Outstanding {
  event: RecordedEvent;
  state: 'ready' | 'delivered' | 'parking';
  deliveries: number;
  member?: GroupMember;
  deadline: number;
}

/** Runs one group inside this process: reads ahead, hands events out, tracks acks and timeouts. */
class GroupDispatcher {
  /** Last position read from the log into `outstanding`. */
  private readPosition: number;
  /** Read but not yet settled, in position order (Map keeps insertion order). */
  private readonly outstanding = new Map<number, Outstanding>();
  private ready: Outstanding[] = [];
  private readonly members: GroupMember[] = [];
  private nextMember = 0;
  private reading = false;
  private stopped = false;
  private persistedCheckpoint: number;
  private persistTimer: NodeJS.Timeout | undefined;
  private persisting: Promise<void> = Promise.resolve();
  private readonly parks = new Set<Promise<void>>();
  private readonly parkRetries = new Set<NodeJS.Timeout>();
  private readonly timeoutTimer: NodeJS.Timeout;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly definition: GroupDefinition,
    private readonly log: CommittedLog,
    private readonly parkEvent: ParkEvent,
    private readonly persist: (checkpoint: number) => Promise<void>,
  ) {
    this.readPosition = definition.checkpoint;
    this.persistedCheckpoint = definition.checkpoint;
    const every = Math.max(10, Math.min(1000, Math.floor(definition.messageTimeoutMs / 4)));
    this.timeoutTimer = setInterval(() => this.expireTimedOut(), every);
    this.timeoutTimer.unref();
    this.unsubscribe = log.onCommit(() => this.pump());
  }

  /** Every event at or below this position is settled. */
  get checkpoint(): number {
    const first = this.outstanding.keys().next();
    return first.done ? this.readPosition : first.value - 1;
  }

  join(): GroupSubscription {
    const member = new GroupMember(this);
    this.members.push(member);
    this.pump();
    return member;
  }

  leave(member: GroupMember): void {
    const index = this.members.indexOf(member);
    if (index >= 0) this.members.splice(index, 1);
    // What the member held goes back to the others, first in line; it was not its failure.
    const returned: Outstanding[] = [];
    for (const entry of this.outstanding.values()) {
      if (entry.member !== member || entry.state !== 'delivered') continue;
      entry.state = 'ready';
      entry.member = undefined;
      entry.deliveries--;
      returned.push(entry);
    }
    this.ready = [...returned, ...this.ready];
    this.pump();
  }

  ack(entry: Outstanding, delivery: number): Promise<void> {
    if (this.outstanding.get(entry.event.position) !== entry || entry.state === 'parking') return Promise.resolve();
    void delivery;
    this.settle(entry);
    return Promise.resolve();
  }

  nack(entry: Outstanding, delivery: number, action: 'retry' | 'park' | 'skip', reason: string): Promise<void> {
    // A nack for an earlier delivery (the event was redelivered since) changes nothing.
    if (this.outstanding.get(entry.event.position) !== entry || entry.deliveries !== delivery) return Promise.resolve();
    if (entry.state !== 'delivered') return Promise.resolve();
    this.release(entry);
    if (action === 'skip') {
      this.settle(entry);
      return Promise.resolve();
    }
    if (action === 'park') return this.park(entry, reason);
    return this.retryOrPark(entry, reason);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timeoutTimer);
    this.unsubscribe();
    for (const member of [...this.members]) member.end();
    for (const timer of this.parkRetries) clearTimeout(timer);
    this.parkRetries.clear();
    await Promise.allSettled([...this.parks]);
    if (this.persistTimer) clearTimeout(this.persistTimer);
    await this.persisting;
    if (this.checkpoint !== this.persistedCheckpoint) await this.persist(this.checkpoint);
  }

  private pump(): void {
    if (this.stopped) return;
    if (this.definition.strategy === 'pinned-by-stream') this.deliverPinned();
    else this.deliverRoundRobin();
    if (
      !this.reading &&
      this.members.length > 0 &&
      this.outstanding.size < OUTSTANDING_LIMIT &&
      this.readPosition < this.log.headPosition()
    ) {
      void this.readAhead();
    }
  }

  /** Each ready event to the least busy member, taking turns. */
  private deliverRoundRobin(): void {
    while (this.ready.length > 0) {
      const member = this.pickMember();
      if (!member) break;
      const entry = this.ready.shift() as Outstanding;
      if (entry.state !== 'ready' || this.outstanding.get(entry.event.position) !== entry) continue;
      this.deliver(entry, member);
    }
  }

  /**
   * Each ready event to the member its stream hashes to; one whose member is full waits in line,
   * and so does every later event of its stream (same member), so a stream keeps its order.
   */
  private deliverPinned(): void {
    if (this.members.length === 0) return;
    const waiting: Outstanding[] = [];
    for (const entry of this.ready) {
      if (entry.state !== 'ready' || this.outstanding.get(entry.event.position) !== entry) continue;
      const member = this.members[streamHash(entry.event.stream) % this.members.length];
      if (member.inFlight >= MEMBER_WINDOW) waiting.push(entry);
      else this.deliver(entry, member);
    }
    this.ready = waiting;
  }

  private deliver(entry: Outstanding, member: GroupMember): void {
    entry.state = 'delivered';
    entry.member = member;
    entry.deliveries++;
    entry.deadline = Date.now() + this.definition.messageTimeoutMs;
    member.inFlight++;
    const delivery = entry.deliveries;
    member.deliver({
      event: entry.event,
      retryCount: delivery - 1,
      ack: () => this.ack(entry, delivery),
      nack: (action, reason) => this.nack(entry, delivery, action, reason),
    });
  }

  private pickMember(): GroupMember | undefined {
    let best: GroupMember | undefined;
    for (let i = 0; i < this.members.length; i++) {
      const member = this.members[(this.nextMember + i) % this.members.length];
      if (member.inFlight >= MEMBER_WINDOW) continue;
      if (!best || member.inFlight < best.inFlight) best = member;
    }
    if (best) this.nextMember = (this.members.indexOf(best) + 1) % this.members.length;
    return best;
  }

  private async readAhead(): Promise<void> {
    this.reading = true;
    try {
      const { events, last } = await this.log.readRange(
        this.readPosition,
        this.log.headPosition(),
        this.definition.filter,
        OUTSTANDING_LIMIT - this.outstanding.size,
      );
      if (this.stopped) return;
      for (const event of events) {
        const entry: Outstanding = { event, state: 'ready', deliveries: 0, deadline: 0 };
        this.outstanding.set(event.position, entry);
        this.ready.push(entry);
      }
      this.readPosition = last;
      this.checkpointMoved();
    } finally {
      this.reading = false;
      this.pump();
    }
  }

  private release(entry: Outstanding): void {
    if (entry.member) entry.member.inFlight--;
    entry.member = undefined;
  }

  private settle(entry: Outstanding): void {
    if (entry.state === 'delivered') this.release(entry);
    this.outstanding.delete(entry.event.position);
    this.checkpointMoved();
    this.pump();
  }

  private retryOrPark(entry: Outstanding, reason: string): Promise<void> {
    if (entry.deliveries >= this.definition.maxRetries) {
      return this.park(entry, `${reason} (delivered ${entry.deliveries} times)`);
    }
    entry.state = 'ready';
    this.ready.push(entry);
    this.pump();
    return Promise.resolve();
  }

  private park(entry: Outstanding, reason: string): Promise<void> {
    entry.state = 'parking';
    const parking = this.parkEvent(this.definition.group, entry.event, reason).then(
      () => this.settle(entry),
      // The log cannot write for now: park it once the log expects to write again. Closing or
      // failed for good: leave it unsettled, so it is delivered again after a restart.
      (error: unknown) => {
        if (error instanceof StorageUnavailableError && !this.stopped) this.parkLater(entry, reason, error.retryAfterSeconds * 1000);
      },
    );
    this.parks.add(parking);
    return parking.finally(() => this.parks.delete(parking));
  }

  private parkLater(entry: Outstanding, reason: string, delayMs: number): void {
    const timer = setTimeout(() => {
      this.parkRetries.delete(timer);
      if (!this.stopped && this.outstanding.get(entry.event.position) === entry) void this.park(entry, reason);
    }, delayMs);
    timer.unref();
    this.parkRetries.add(timer);
  }

  private expireTimedOut(): void {
    const now = Date.now();
    for (const entry of this.outstanding.values()) {
      if (entry.state !== 'delivered' || entry.deadline > now) continue;
      this.release(entry);
      void this.retryOrPark(entry, 'message timeout');
    }
  }

  private checkpointMoved(): void {
    if (this.persistTimer || this.checkpoint === this.persistedCheckpoint) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined;
      const checkpoint = this.checkpoint;
      this.persisting = this.persisting
        .then(() => this.persist(checkpoint))
        .then(() => {
          this.persistedCheckpoint = checkpoint;
          this.checkpointMoved();
        }, () => undefined);
    }, CHECKPOINT_DELAY_MS);
    this.persistTimer.unref();
  }
}

/** FNV-1a of a stream name: which member a pinned group gives the stream's events to. */
const streamHash = (stream: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < stream.length; i++) hash = Math.imul(hash ^ stream.charCodeAt(i), 0x01000193);
  return hash >>> 0;
};

/** One competing consumer: a queue of messages the dispatcher handed to it. */
class GroupMember implements GroupSubscription {
  inFlight = 0;
  private inbox: GroupMessage[] = [];
  private closed = false;
  private wake: (() => void) | undefined;

  constructor(private readonly dispatcher: GroupDispatcher) {}

  deliver(message: GroupMessage): void {
    this.inbox.push(message);
    this.wake?.();
  }

  [Symbol.asyncIterator](): AsyncIterator<GroupMessage> {
    return this.messages();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.end();
    this.dispatcher.leave(this);
  }

  /** Stops iteration without handing anything back (the whole group is stopping). */
  end(): void {
    this.closed = true;
    this.inbox = [];
    this.wake?.();
  }

  private async *messages(): AsyncGenerator<GroupMessage> {
    try {
      while (!this.closed) {
        const message = this.inbox.shift();
        if (message) {
          yield message;
          continue;
        }
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
    } finally {
      await this.close();
    }
  }
}

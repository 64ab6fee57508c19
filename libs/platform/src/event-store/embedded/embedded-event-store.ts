import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  EventStore,
  matchesFilter,
  WrongExpectedRevisionError,
  type AllSubscription,
  type AppendOptions,
  type AppendResult,
  type ConsumerGroupEnsured,
  type ConsumerGroupOptions,
  type EventFilter,
  type EventLogObserver,
  type EventToAppend,
  type ExpectedRevision,
  type GroupSubscription,
  type MultiAppendResult,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type RevisionConflict,
  type StreamAppend,
  type SubscribeToAllOptions,
} from '../event-store.port';
import { CatchUpSubscription } from './catch-up-subscription';
import type { CommittedLog } from './committed-log';
import { ConsumerGroups } from './consumer-groups';
import { DataDirLock } from './data-dir-lock';
import { GroupCommitWriter, type DurableFrame, type WriterRetryOptions, type WriterStats } from './group-commit-writer';
import { LogIndex, RecentEventIds } from './log-index';
import { DurableMark, readCleanEnd, readDurableMark, removeCleanEnd, writeCleanEnd } from './clean-end';
import { LogFile, type KnownEnd, type LogWriteOps, type TornTail } from './log-file';
import { RecentEvents } from './recent-events';
import { decodeEntry, ENTRY_HEADER_BYTES, encodeFrame, readEntryHeader, readEntryRouting, type PlacedEvent } from './record-codec';

/**
 * The embedded EventStore: one append-only, checksummed log file in `DATA_DIR/eventstore/`,
 * written with group commit and acknowledged after fdatasync. Expected revisions are checked when
 * an append is queued, against the revisions that queued appends will produce, so a batch never
 * holds a conflicting append. Readers see only durable events.
 */

export interface EmbeddedEventStoreOptions {
  dataDir: string;
  /** Recent event ids remembered for idempotent `any` re-appends. Default 100 000. */
  recentIdCapacity?: number;
  /** How the writer retries after a write or fsync failure (disk full, I/O error). */
  writeRetry?: WriterRetryOptions;
  /** Fault-injection seam for tests: the file operations appends go through. */
  writeOps?: LogWriteOps;
  /** Where a torn tail cut at open is reported (warn). */
  logger?: { warn(message: string): void };
  /** Told of every write + fdatasync round (for /metrics). */
  observer?: EventLogObserver;
}

export interface OpenReport {
  events: number;
  streams: number;
  /** Time to scan the log and rebuild the indexes. */
  openMs: number;
  /** Bytes cut off the end of the log because they were not a complete, valid frame. */
  tornTail?: TornTail;
}

/** The stream of the markers `log repair` writes: each holds the positions it removed. */
export const LOG_REPAIR_STREAM = '$log-repairs';
export const LOG_REPAIRED_EVENT_TYPE = 'tessera.log-repaired.v1';

/** A reader asked to continue from a position this log never held, or no longer holds. */
export class PositionNotInLogError extends Error {
  constructor(
    readonly position: number,
    readonly head: number,
    lost: boolean,
  ) {
    const what = lost ? 'counts events a log repair removed' : 'is past the event log head (from another log, or from before a repair)';
    super(
      `a reader's checkpoint ${position} ${what}, head ${head}; with the server stopped, ` +
        '"npm run cli -- log repair" rebuilds the read models and moves other checkpoints back',
    );
    this.name = 'PositionNotInLogError';
  }
}

export class EventStoreClosedError extends Error {
  constructor() {
    super('the event store is closed');
    this.name = 'EventStoreClosedError';
  }
}

const READ_CHUNK_BYTES = 1024 * 1024;
/** Gap between two events' bytes that a coalesced read will still span. */
const COALESCE_GAP_BYTES = 64 * 1024;
/** A stream read up to this size is read without leaving the event loop (see LogFile.readNow). */
const READ_NOW_BYTES = 64 * 1024;
/** Decoded events kept for the readers that follow the head and for re-read streams. */
const RECENT_EVENTS = 16_384;
const PARKED_EVENT_TYPE = 'tessera.event-parked.v1';
const SYSTEM_STREAM_MARK = 0x24; // '$'

type StreamDecision =
  | { kind: 'write'; append: StreamAppend; current: number }
  | { kind: 'done'; result: AppendResult }
  | { kind: 'verify'; append: StreamAppend; firstRevision: number; current: number }
  | { kind: 'conflict'; conflict: RevisionConflict };

export const parkedStreamOf = (group: string): string => `$parked-${group}`;

export class EmbeddedEventStore extends EventStore {
  private readonly dir: string;
  private readonly index = new LogIndex();
  private readonly recentIds: RecentEventIds;
  private readonly recentEvents = new RecentEvents(RECENT_EVENTS);
  /** Streams with queued appends: the revision and position their last queued event will get. */
  private readonly queuedHeads = new Map<string, { revision: number; position: number }>();
  private nextPosition = 0;
  private lock: DataDirLock | undefined;
  private file: LogFile | undefined;
  private durableMark: DurableMark | undefined;
  private writer: GroupCommitWriter | undefined;
  private groups: ConsumerGroups | undefined;
  private readonly subscriptions = new Set<CatchUpSubscription>();
  private readonly commitListeners = new Set<() => void>();
  private state: 'new' | 'open' | 'closing' | 'closed' = 'new';
  private report: OpenReport | undefined;
  /** The durable part of the log, as subscriptions and consumer groups see it. */
  private readonly committed: CommittedLog = {
    headPosition: () => this.index.headPosition,
    readRange: (after, until, filter, maxEvents) => this.readRange(after, until, filter, maxEvents),
    onCommit: (listener) => {
      this.commitListeners.add(listener);
      return () => this.commitListeners.delete(listener);
    },
  };

  constructor(private readonly options: EmbeddedEventStoreOptions) {
    super();
    this.dir = join(options.dataDir, 'eventstore');
    this.recentIds = new RecentEventIds(options.recentIdCapacity ?? 100_000);
  }

  static async open(options: EmbeddedEventStoreOptions): Promise<EmbeddedEventStore> {
    const store = new EmbeddedEventStore(options);
    await store.open();
    return store;
  }

  /** Takes the lock, scans the log (truncating a torn tail) and rebuilds the indexes. */
  async open(): Promise<OpenReport> {
    if (this.state !== 'new') throw new Error('EmbeddedEventStore.open() may be called once');
    const started = performance.now();
    await mkdir(this.dir, { recursive: true });
    this.lock = await DataDirLock.acquire(join(this.dir, 'LOCK'));
    try {
      const logPath = join(this.dir, 'events.log');
      const cleanEnd = await readCleanEnd(logPath);
      const durable = cleanEnd ? undefined : await readDurableMark(logPath);
      const known: KnownEnd | undefined = cleanEnd
        ? { ...cleanEnd, recordedBy: 'its last clean close' }
        : durable && { ...durable, recordedBy: 'its last acknowledged write' };
      const { file, tornTail } = await LogFile.open(
        logPath,
        (buf, at, base) => {
          const header = readEntryHeader(buf, at);
          // A repair marker follows the positions its repair removed: they are never reused.
          if (header.position > this.index.headPosition + 1 && header.stream === LOG_REPAIR_STREAM) {
            this.index.skipTo(header.position - 1, base + at);
          }
          this.index.add(header.stream, header.revision, header.position, base + at, header.length);
        },
        { known },
      );
      this.file = file;
      if (this.options.writeOps) file.writeOps = this.options.writeOps;
      // From here the log may grow past what the clean close recorded; the durable mark follows it.
      this.durableMark = await DurableMark.open(logPath, { size: file.size, head: this.index.headPosition });
      await removeCleanEnd(logPath);
      if (tornTail) {
        this.options.logger?.warn(
          `event log: cut a torn tail of ${tornTail.bytes} bytes at byte ${tornTail.offset} (${tornTail.reason}): ` +
            `the last appends of a process that stopped before they were durable, never acknowledged; the bytes are kept in ${tornTail.savedTo}`,
        );
      }
      this.nextPosition = this.index.headPosition;
      await this.rememberRecentIds();
      this.writer = new GroupCommitWriter(
        file,
        (frames) => this.applyDurable(frames),
        () => this.forgetUndurable(),
        this.options.writeRetry,
        (sync) => this.options.observer?.synced?.(sync),
      );
      this.groups = new ConsumerGroups(join(this.dir, 'groups'), this.committed, (group, event, reason) =>
        this.parkEvent(group, event, reason),
      );
      await this.groups.load();
      this.state = 'open';
      this.report = {
        events: this.index.headPosition,
        streams: this.index.streamCount,
        openMs: performance.now() - started,
        tornTail,
      };
      return this.report;
    } catch (error) {
      await this.durableMark?.close();
      await this.file?.close();
      await this.lock.release();
      throw error;
    }
  }

  get openReport(): OpenReport | undefined {
    return this.report;
  }

  /** Group-commit counters: compare `syncs` with `frames` to see how many appends shared a sync. */
  get writerStats(): WriterStats {
    return { ...this.requireWriter().stats };
  }

  /** Appends are checked when they are queued and a failed write refuses everything queued after it (GroupCommitWriter). */
  override get pipelinesAppends(): boolean {
    return true;
  }

  async append(stream: string, events: EventToAppend[], options: AppendOptions = {}): Promise<AppendResult> {
    const expectedRevision = options.expectedRevision ?? 'any';
    const checking = options.expectedEventId === undefined ? undefined : this.checkExpectedEvent(stream, expectedRevision, options.expectedEventId);
    if (checking) await checking;
    const result = await this.appendMulti([{ stream, events, expectedRevision }]);
    return result.streams[0];
  }

  /**
   * `expectedEventId`: the event at `expectedRevision` must be that one. The ids of queued and
   * recent events are known at once (a queued append that fails has its ids forgotten before
   * anything after it is refused, so an append counting on it is refused too); an older event is
   * read from the file, and an event once durable never changes, so the check still holds when
   * the append is queued after the read. Returns without awaiting anything when the id is known,
   * so that the append is queued in the order it was called.
   */
  private checkExpectedEvent(stream: string, expectedRevision: ExpectedRevision, eventId: string): Promise<void> | undefined {
    if (typeof expectedRevision !== 'number') throw new TypeError(`expectedEventId needs an exact expected revision (append to ${stream})`);
    this.assertOpen();
    const seen = this.recentIds.find(stream, eventId);
    if (seen) return seen.revision === expectedRevision ? undefined : this.refuseExpectedEvent(stream, expectedRevision);
    return this.readStream(stream, { fromRevision: expectedRevision, maxCount: 1 }).then(([event]) =>
      event?.revision === expectedRevision && event.id === eventId ? undefined : this.refuseExpectedEvent(stream, expectedRevision),
    );
  }

  private async refuseExpectedEvent(stream: string, expected: number): Promise<never> {
    // As for any conflict: when it lost to a queued append, answer once that is durable, so the caller's next read shows it.
    if (this.queuedHeads.has(stream)) await this.requireWriter().submit(null);
    const actual = this.currentHead(stream).revision;
    throw new WrongExpectedRevisionError([{ stream, expected, actual: actual < 0 ? 'no_stream' : actual }]);
  }

  async appendMulti(appends: StreamAppend[]): Promise<MultiAppendResult> {
    this.assertOpen();
    return this.appendInternal(appends);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertReadable();
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (maxCount <= 0) return [];
    if (options.direction === 'backwards') {
      const positions = this.index.positionsOf(stream);
      const last = positions.length - 1;
      if (last < 0) return [];
      const from = Math.min(options.fromRevision ?? last, last);
      if (from < 0) return [];
      const lowest = Math.max(0, from - maxCount + 1);
      return this.readPositions(positions.slice(lowest, from + 1).reverse());
    }
    // Forwards from a revision, only the positions from there on are walked: reading what is new
    // in a long stream costs the new events.
    const positions = this.index.positionsOf(stream, options.fromRevision ?? 0);
    return this.readPositions(positions.length > maxCount ? positions.slice(0, maxCount) : positions);
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    this.assertReadable();
    const until = this.index.headPosition;
    let after = options.after ?? 0;
    let remaining = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    while (remaining > 0 && after < until) {
      const { events, last } = await this.readRange(after, until, options.filter, Math.min(remaining, 4096));
      for (const event of events) yield event;
      remaining -= events.length;
      after = last;
    }
  }

  async headPosition(): Promise<number> {
    return this.index.headPosition;
  }

  override assertWritable(): void {
    this.assertOpen();
    this.requireWriter().assertWritable();
  }

  subscribeToAll(options: SubscribeToAllOptions): AllSubscription {
    this.assertOpen();
    if (typeof options.from === 'object') this.assertCheckpoint(options.from.after);
    const subscription = new CatchUpSubscription(this.committed, options, (closed) => this.subscriptions.delete(closed));
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * Refuses a reader's checkpoint that counts events this log does not hold: one past the head,
   * or one inside the positions a repair removed. Throws PositionNotInLogError.
   */
  assertCheckpoint(position: number): void {
    const head = this.index.headPosition;
    const lost = this.index.isLost(position);
    if (position > head || lost) throw new PositionNotInLogError(position, head, lost);
  }

  override async holdsCheckpoint(position: number): Promise<boolean> {
    return position <= this.index.headPosition && !this.index.isLost(position);
  }

  async ensureConsumerGroup(group: string, options?: ConsumerGroupOptions): Promise<ConsumerGroupEnsured> {
    this.assertOpen();
    return this.requireGroups().ensure(group, options);
  }

  subscribeToGroup(group: string): GroupSubscription {
    this.assertOpen();
    return this.requireGroups().subscribe(group);
  }

  async readParked(group: string): Promise<RecordedEvent[]> {
    const parked = await this.readStream(parkedStreamOf(group));
    return this.readPositions(parked.map((record) => (record.data as { position: number }).position));
  }

  async close(): Promise<void> {
    if (this.state !== 'open') return;
    this.state = 'closing';
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.groups?.close();
    await this.writer?.drain();
    await this.writer?.close();
    const file = this.file;
    await this.durableMark?.close();
    // A clean end lets the next open tell damage to the last frames from a torn write. Best
    // effort (a full disk): without it the next open relies on the durable mark.
    if (file && !this.writer?.failed) await writeCleanEnd(file.path, { size: file.size, head: this.index.headPosition }).catch(() => undefined);
    await file?.close();
    await this.lock?.release();
    this.commitListeners.clear();
    this.state = 'closed';
  }

  // Reading.

  private async readRange(
    after: number,
    until: number,
    filter: EventFilter | undefined,
    maxEvents: number,
  ): Promise<{ events: RecordedEvent[]; last: number }> {
    const head = this.index.headPosition;
    const end = Math.min(until, head);
    const first = after + 1;
    if (first > end) return { events: [], last: Math.max(after, end) };
    const events: RecordedEvent[] = [];
    // Readers that follow the head find what the first of them decoded.
    let position = first;
    for (let known = this.recentEvents.get(position); known && position <= end; known = this.recentEvents.get(++position)) {
      if (!matchesFilter(known, filter)) continue;
      events.push(known);
      if (events.length >= maxEvents) return { events, last: position };
    }
    if (position > end || events.length > 0) return { events, last: position - 1 };
    const last = this.lastWithin(first, end, READ_CHUNK_BYTES);
    const base = this.index.offsetOf(first);
    const buf = await this.requireFile().read(base, this.index.endOf(last) - base);
    for (let position = first; position <= last; position++) {
      if (!this.index.holdsEvent(position)) continue; // removed by a log repair
      const at = this.index.offsetOf(position) - base;
      if (this.recentEvents.isRecent(position, head)) {
        const event = this.recentEvents.remember(decodeEntry(buf, at));
        if (!matchesFilter(event, filter)) continue;
        events.push(event);
        if (events.length >= maxEvents) return { events, last: position };
        continue;
      }
      if (filter) {
        if (!matchesFilter(readEntryRouting(buf, at), filter)) continue;
      } else if (buf[at + ENTRY_HEADER_BYTES] === SYSTEM_STREAM_MARK) {
        continue;
      }
      events.push(decodeEntry(buf, at));
      if (events.length >= maxEvents) return { events, last: position };
    }
    return { events, last };
  }

  // Appending.

  private async appendInternal(appends: StreamAppend[]): Promise<MultiAppendResult> {
    const writer = this.requireWriter();
    if (writer.failed) throw writer.failed;
    writer.assertWritable();
    validateAppends(appends);
    const decisions = appends.map((append) => this.decide(append));

    const conflicts = decisions.flatMap((d) => (d.kind === 'conflict' ? [d.conflict] : []));
    if (conflicts.length > 0) {
      // Lost to an append that is queued but not yet durable: answer once it is, so that the
      // caller's next read (readers see only durable events) shows what it lost to, instead of
      // the same old revision, which would only conflict again.
      // If that append fails instead, the caller gets the storage error: what it lost to is gone.
      if (conflicts.some((conflict) => this.queuedHeads.has(conflict.stream))) await writer.submit(null);
      throw new WrongExpectedRevisionError(conflicts);
    }

    const writes = decisions.filter((d): d is Extract<StreamDecision, { kind: 'write' }> => d.kind === 'write');
    const toWrite = writes.filter((d) => d.append.events.length > 0);
    if (toWrite.length > 0 && toWrite.length < decisions.length) {
      // Some streams already hold these events and others do not: not a retry of one atomic
      // append, so refuse it rather than write half of it again.
      const already = decisions.filter((d) => d.kind === 'done' || d.kind === 'verify');
      if (already.length > 0) {
        throw new WrongExpectedRevisionError(
          already.map((d) => {
            const stream = d.kind === 'done' ? d.result.stream : d.append.stream;
            const current = this.currentHead(stream).revision;
            return { stream, expected: appends.find((a) => a.stream === stream)?.expectedRevision ?? 'any', actual: current < 0 ? 'no_stream' : current };
          }),
        );
      }
    }
    if (toWrite.length === 0) return this.resolveWithoutWriting(decisions, writer);

    // Place every event, encode (which may throw on bad input), and only then claim the
    // revisions and positions, so a refused append leaves no trace.
    let position = this.nextPosition;
    const placed: PlacedEvent[] = [];
    const results: AppendResult[] = [];
    for (const decision of decisions) {
      const { append } = decision as Extract<StreamDecision, { kind: 'write' }>;
      let revision = (decision as Extract<StreamDecision, { kind: 'write' }>).current;
      for (const event of append.events) {
        revision++;
        position++;
        placed.push({ stream: append.stream, revision, position, event });
      }
      results.push({ stream: append.stream, nextRevision: revision, position: append.events.length > 0 ? position : this.currentHead(append.stream).position });
    }
    const frame = encodeFrame(placed, Date.now());
    this.nextPosition = position;
    for (const event of placed) {
      this.queuedHeads.set(event.stream, { revision: event.revision, position: event.position });
      this.recentIds.remember(event.stream, event.event.id, event.revision, event.position);
    }
    await writer.submit(frame);
    return { position, streams: results };
  }

  private decide(append: StreamAppend): StreamDecision {
    const { stream, events, expectedRevision } = append;
    const current = this.currentHead(stream);
    const conflict: StreamDecision = {
      kind: 'conflict',
      conflict: { stream, expected: expectedRevision, actual: current.revision < 0 ? 'no_stream' : current.revision },
    };
    if (expectedRevision === 'any' || expectedRevision === 'stream_exists') {
      if (expectedRevision === 'stream_exists' && current.revision < 0) return conflict;
      const first = events.length > 0 ? this.recentIds.find(stream, events[0].id) : undefined;
      if (!first) return { kind: 'write', append, current: current.revision };
      // As KurrentDB: the first id is known, so this is a retry; it is idempotent only if the
      // whole batch follows on from there, otherwise it is refused.
      const match = this.matchRecent(append, first.revision);
      return match === 'match' ? this.found(append, first.revision) : conflict;
    }
    const expected = expectedRevision === 'no_stream' ? -1 : expectedRevision;
    if (current.revision === expected) return { kind: 'write', append, current: current.revision };
    const firstRevision = expected + 1;
    if (current.revision < expected || events.length === 0 || firstRevision + events.length - 1 > current.revision) {
      return conflict;
    }
    const match = this.matchRecent(append, firstRevision);
    if (match === 'match') return this.found(append, firstRevision);
    if (match === 'unknown' && firstRevision + events.length - 1 <= this.index.lastRevision(stream)) {
      return { kind: 'verify', append, firstRevision, current: current.revision };
    }
    return conflict;
  }

  /** Whether the ids of `append` are, per the recent-id cache, the events from `firstRevision` on. */
  private matchRecent(append: StreamAppend, firstRevision: number): 'match' | 'mismatch' | 'unknown' {
    let unknown = false;
    for (let i = 0; i < append.events.length; i++) {
      const seen = this.recentIds.find(append.stream, append.events[i].id);
      if (!seen) unknown = true;
      else if (seen.revision !== firstRevision + i) return 'mismatch';
    }
    return unknown ? 'unknown' : 'match';
  }

  private found(append: StreamAppend, firstRevision: number): StreamDecision {
    const lastRevision = firstRevision + append.events.length - 1;
    const last = this.recentIds.find(append.stream, append.events[append.events.length - 1].id);
    return {
      kind: 'done',
      result: { stream: append.stream, nextRevision: lastRevision, position: last?.position ?? 0 },
    };
  }

  /** Idempotent re-appends and empty appends: nothing is written; answer once it is durable. */
  private async resolveWithoutWriting(decisions: StreamDecision[], writer: GroupCommitWriter): Promise<MultiAppendResult> {
    const results: AppendResult[] = [];
    const conflicts: RevisionConflict[] = [];
    for (const decision of decisions) {
      if (decision.kind === 'done') results.push(decision.result);
      else if (decision.kind === 'write') {
        const head = this.currentHead(decision.append.stream);
        results.push({ stream: decision.append.stream, nextRevision: head.revision, position: head.position });
      } else if (decision.kind === 'verify') {
        const result = await this.verifyOnDisk(decision.append, decision.firstRevision);
        if (result) results.push(result);
        else {
          const actual = decision.current;
          conflicts.push({ stream: decision.append.stream, expected: decision.append.expectedRevision, actual });
        }
      }
    }
    if (conflicts.length > 0) throw new WrongExpectedRevisionError(conflicts);
    // The events found may still be queued: answer only when they are durable.
    await writer.submit(null);
    return { position: Math.max(0, ...results.map((r) => r.position)), streams: results };
  }

  private async verifyOnDisk(append: StreamAppend, firstRevision: number): Promise<AppendResult | undefined> {
    const positions = this.index.positionsOf(append.stream).slice(firstRevision, firstRevision + append.events.length);
    const stored = await this.readPositions(positions);
    const same = stored.length === append.events.length && stored.every((event, i) => event.id === append.events[i].id);
    if (!same) return undefined;
    const last = stored[stored.length - 1];
    return { stream: append.stream, nextRevision: last.revision, position: last.position };
  }

  /** Revision and position of a stream's last event, counting queued appends. */
  private currentHead(stream: string): { revision: number; position: number } {
    const queued = this.queuedHeads.get(stream);
    if (queued) return queued;
    const revision = this.index.lastRevision(stream);
    return { revision, position: this.index.lastPosition(stream) };
  }

  /**
   * A write failed and the writer refused every append that was not yet durable: none of them
   * was acknowledged, so their revisions and positions are handed out again. The index, the
   * recent events and the subscribers only ever saw durable events.
   */
  private forgetUndurable(): void {
    const head = this.index.headPosition;
    this.nextPosition = head;
    this.queuedHeads.clear();
    this.recentIds.forgetAfter(head);
  }

  private applyDurable(frames: DurableFrame[]): void {
    // Subscribers read what was just committed at once: decoding it here, from the bytes still in
    // memory, spares the first of them a file read (a thread-pool round trip, which under load
    // waits a whole turn of a busy event loop) before the read models can show it.
    const followed = this.commitListeners.size > 0;
    for (const { frame, offset } of frames) {
      for (const entry of frame.entries) {
        this.index.add(entry.stream, entry.revision, entry.position, offset + entry.offsetInFrame, entry.length);
        const queued = this.queuedHeads.get(entry.stream);
        if (queued && queued.revision === entry.revision) this.queuedHeads.delete(entry.stream);
        if (followed) this.recentEvents.remember(decodeEntry(frame.bytes, entry.offsetInFrame));
      }
    }
    this.durableMark?.record({ size: this.requireFile().size, head: this.index.headPosition });
    for (const listener of [...this.commitListeners]) listener();
  }

  private async parkEvent(group: string, event: RecordedEvent, reason: string): Promise<void> {
    await this.appendInternal([
      {
        stream: parkedStreamOf(group),
        expectedRevision: 'any',
        events: [
          {
            id: randomUUID(),
            type: PARKED_EVENT_TYPE,
            data: { position: event.position, stream: event.stream, revision: event.revision, eventId: event.id, reason },
            metadata: {
              actorId: 'system:event-store',
              correlationId: event.metadata?.correlationId ?? event.id,
              causationId: event.id,
              occurredAt: new Date().toISOString(),
              schemaVersion: 1,
            },
          },
        ],
      },
    ]);
  }

  /** Reads events by position, coalescing neighbours into one read; keeps the given order. */
  private async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    if (positions.length === 0) return [];
    const decoded = new Map<number, RecordedEvent>();
    const missing: number[] = [];
    for (const position of positions) {
      const known = this.recentEvents.get(position);
      if (known) decoded.set(position, known);
      else missing.push(position);
    }
    if (missing.length === 0) return positions.map((position) => decoded.get(position) as RecordedEvent);
    const ascending = missing.sort((a, b) => a - b);
    const runs: number[][] = [];
    let run: number[] = [];
    for (const position of ascending) {
      if (run.length > 0) {
        const start = this.index.offsetOf(run[0]);
        const end = this.index.endOf(run[run.length - 1]);
        const offset = this.index.offsetOf(position);
        if (offset - end > COALESCE_GAP_BYTES || this.index.endOf(position) - start > READ_CHUNK_BYTES) {
          runs.push(run);
          run = [];
        }
      }
      run.push(position);
    }
    runs.push(run);
    const file = this.requireFile();
    await Promise.all(
      runs.map(async (group) => {
        const base = this.index.offsetOf(group[0]);
        const length = this.index.endOf(group[group.length - 1]) - base;
        const buf = length <= READ_NOW_BYTES ? file.readNow(base, length) : await file.read(base, length);
        for (const position of group) decoded.set(position, this.recentEvents.remember(decodeEntry(buf, this.index.offsetOf(position) - base)));
      }),
    );
    return positions.map((position) => decoded.get(position) as RecordedEvent);
  }

  /** The furthest position from `first` (at most `end`) whose bytes fit in one read of `budget`. */
  private lastWithin(first: number, end: number, budget: number): number {
    const limit = this.index.offsetOf(first) + budget;
    if (this.index.endOf(end) <= limit) return end;
    let low = first;
    let high = end;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.index.endOf(mid) <= limit) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  private async rememberRecentIds(): Promise<void> {
    const head = this.index.headPosition;
    if (head === 0) return;
    let after = Math.max(0, head - (this.options.recentIdCapacity ?? 100_000));
    while (after < head) {
      const last = this.lastWithin(after + 1, head, READ_CHUNK_BYTES * 8);
      const base = this.index.offsetOf(after + 1);
      const buf = await this.requireFile().read(base, this.index.endOf(last) - base);
      for (let position = after + 1; position <= last; position++) {
        if (!this.index.holdsEvent(position)) continue;
        const header = readEntryHeader(buf, this.index.offsetOf(position) - base);
        const id = buf.toString('utf8', header.idStart, header.idStart + header.idLength);
        this.recentIds.remember(header.stream, id, header.revision, position);
      }
      after = last;
    }
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new EventStoreClosedError();
  }

  private assertReadable(): void {
    if (this.state !== 'open' && this.state !== 'closing') throw new EventStoreClosedError();
  }

  private requireWriter(): GroupCommitWriter {
    if (!this.writer) throw new EventStoreClosedError();
    return this.writer;
  }

  private requireFile(): LogFile {
    if (!this.file) throw new EventStoreClosedError();
    return this.file;
  }

  private requireGroups(): ConsumerGroups {
    if (!this.groups) throw new EventStoreClosedError();
    return this.groups;
  }
}

const validateAppends = (appends: StreamAppend[]): void => {
  if (appends.length === 0) throw new TypeError('appendMulti needs at least one stream');
  const streams = new Set<string>();
  for (const { stream, events, expectedRevision } of appends) {
    if (typeof stream !== 'string' || stream.length === 0) throw new TypeError('a stream name must be a non-empty string');
    if (streams.has(stream)) throw new TypeError(`stream ${stream} appears twice in one atomic append`);
    streams.add(stream);
    if (typeof expectedRevision === 'number' && (!Number.isSafeInteger(expectedRevision) || expectedRevision < 0)) {
      throw new TypeError(`expected revision of ${stream} must be a non-negative integer, 'any', 'no_stream' or 'stream_exists'`);
    }
    for (const event of events) {
      if (typeof event.id !== 'string' || event.id.length === 0) throw new TypeError(`an event for ${stream} has no id`);
      if (typeof event.type !== 'string' || event.type.length === 0) throw new TypeError(`an event for ${stream} has no type`);
    }
  }
};

import type { DomainEvent } from '@tessera/contracts';
import {
  AppendResult,
  EventStore,
  EventToAppend,
  MultiAppendResult,
  RecordedEvent,
  StreamAppend,
} from '../event-store/event-store.port';
import { CommandContext, deterministicEventId, LoadedStream, loadStream, retryOnConflict, toAppend } from './event-sourcing';
import type { StreamStateCache } from './stream-state-cache';

/**
 * A command handler in the four steps of ARCHITECTURE §3, over any number of streams:
 * 1. read: the handler reads the streams it needs through `StreamReads`, which remembers the
 *    revision each one was read at;
 * 2. decide: a function of what was read (it calls the pure deciders) answers either at once
 *    (nothing to write: a replay, a no-op) or with events per stream;
 * 3. append: one atomic append, each stream expected at the revision it was read at (a stream
 *    not read is expected not to exist), so the append fails if anything moved in between;
 * 4. result: built from the append's positions.
 * The whole of it runs again on a revision conflict, at most three times in all with jitter
 * (ARCHITECTURE §3), re-reading everything; any other error (a DomainError above all) ends it at
 * once. Like emmett's `handleCommand`, but over several streams and with this log's event ids.
 */

/** Turns an event as it was stored into the version `evolve` knows (an old schema version → the current one). */
export type Upcast = (event: RecordedEvent) => RecordedEvent;

/** How one kind of stream folds into a state. A decider (`initialState`, `evolve`, `decide`) is one. */
export interface StreamModel<TState, TEvent extends DomainEvent> {
  initialState: TState;
  evolve: (state: TState, event: TEvent) => TState;
  /** The upcast seam: every event read goes through it before `evolve` and before the handler sees it. */
  upcast?: Upcast;
}

/** Step 1's reader: every stream read through it is appended to at the revision it was read at. */
export class StreamReads {
  private readonly revisions = new Map<string, number | 'no_stream'>();

  constructor(readonly store: EventStore) {}

  async read<TState, TEvent extends DomainEvent>(
    stream: string,
    model: StreamModel<TState, TEvent>,
    cache?: StreamStateCache<TState>,
  ): Promise<LoadedStream<TState>> {
    const loaded = cache
      ? await cache.load<TEvent>(this.store, stream, model.evolve, model.initialState, model.upcast)
      : await loadStream<TState, TEvent>(this.store, stream, model.evolve, model.initialState, model.upcast);
    this.revisions.set(stream, loaded.revision);
    return loaded;
  }

  /** A stream the caller read before the command: its append expects the revision it was read at. */
  readBefore(stream: string, revision: number | 'no_stream'): void {
    this.revisions.set(stream, revision);
  }

  /** The revision an append to `stream` expects: the one it was read at, or no stream at all. */
  revisionOf(stream: string): number | 'no_stream' {
    return this.revisions.get(stream) ?? 'no_stream';
  }
}

/** Step 2's answer when there is something to write. */
export interface Append<TResult> {
  /** Stream name → its new events. Streams with no events are left out of the append. */
  append: Readonly<Record<string, readonly DomainEvent[]>>;
  /**
   * Work outside the log that the events record, done before they are appended (a refund at
   * the payment provider), so the log never says what did not happen. It runs again on a retry
   * and must be idempotent.
   */
  before?: () => Promise<unknown>;
  /** Whose and when, if not the command's own (e.g. a time taken after a wait). */
  context?: CommandContext;
  /** Step 4: the result, from the append's positions. */
  answer: (appended: MultiAppendResult) => TResult | Promise<TResult>;
}

/** Step 2's answer when nothing is to be written (a replayed request, nothing left to do). */
export interface Answer<TResult> {
  answer: TResult | Promise<TResult>;
}

export type Decision<TResult> = Append<TResult> | Answer<TResult>;

export interface CommandHandling<TRead, TResult> {
  context: CommandContext;
  read: (streams: StreamReads) => Promise<TRead>;
  decide: (read: TRead) => Decision<TResult>;
  /** Attempts in all, counting the first. Default 3 (ARCHITECTURE §3). */
  attempts?: number;
  /**
   * How event ids are derived from the command id: `by-index` in the append (the default), or
   * `by-revision` each event lands at, for a command that appends to one stream several times
   * (a payment attempt's claim, then its outcome). Either way a re-append of the same events at
   * the same place is recognised by the log as a repeat.
   */
  eventIds?: 'by-index' | 'by-revision';
}

const isAppend = <TResult>(decision: Decision<TResult>): decision is Append<TResult> => 'append' in decision;

export const handleCommand = <TRead, TResult>(store: EventStore, handling: CommandHandling<TRead, TResult>): Promise<TResult> =>
  retryOnConflict(async () => {
    const streams = new StreamReads(store);
    const read = await handling.read(streams);
    const decision = handling.decide(read);
    if (!isAppend(decision)) return decision.answer;
    const context = decision.context ?? handling.context;
    const appends: StreamAppend[] = Object.entries(decision.append)
      .filter(([, events]) => events.length > 0)
      .map(([stream, events]) => {
        const expectedRevision = streams.revisionOf(stream);
        return { stream, expectedRevision, events: eventsToAppend(stream, events, context, expectedRevision, handling.eventIds) };
      });
    if (appends.length === 0) throw new Error('a decision to append named no events: answer with { answer } instead');
    await decision.before?.();
    return decision.answer(await appendAll(store, appends));
  }, handling.attempts);

const eventsToAppend = (
  stream: string,
  events: readonly DomainEvent[],
  context: CommandContext,
  expectedRevision: number | 'no_stream',
  ids: CommandHandling<unknown, unknown>['eventIds'] = 'by-index',
): EventToAppend[] => {
  const appended = toAppend(stream, events, context);
  if (ids === 'by-index') return appended;
  const first = expectedRevision === 'no_stream' ? 0 : expectedRevision + 1;
  return appended.map((event, i) => ({ ...event, id: deterministicEventId(context.causationId, stream, first + i) }));
};

/** One stream: a plain append; several: one atomic multi-stream append. */
const appendAll = async (store: EventStore, appends: StreamAppend[]): Promise<MultiAppendResult> => {
  if (appends.length > 1) return store.appendMulti(appends);
  const [{ stream, expectedRevision, events }] = appends;
  const result: AppendResult = await store.append(stream, events, { expectedRevision });
  return { position: result.position, streams: [result] };
};

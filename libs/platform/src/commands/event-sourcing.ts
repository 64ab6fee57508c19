import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { DomainEvent, EventMetadata, schemaVersionOf } from '@tessera/contracts';
import { EventStore, EventToAppend, RecordedEvent, WrongExpectedRevisionError } from '../event-store/event-store.port';

/**
 * The four steps of a command handler (read, decide, append with expected revisions, return
 * the position) share these helpers. Retrying happens only on a revision conflict.
 */

/** Who and why, carried from the request into every event's metadata. */
export interface CommandContext {
  actorId: string;
  correlationId: string;
  /** The id of the command (request) that causes the events. */
  causationId: string;
  now: Date;
}

export interface LoadedStream<TState> {
  state: TState;
  /** The revision to expect on append: the last revision read, or 'no_stream'. */
  revision: number | 'no_stream';
  /** The events read: the whole stream, or (StreamStateCache) those after the cached state. */
  events: RecordedEvent[];
}

export const loadStream = async <TState, TEvent extends DomainEvent>(
  store: EventStore,
  stream: string,
  evolve: (state: TState, event: TEvent) => TState,
  initialState: TState,
  /** Applied to every event read, before `evolve` (handle-command.ts: the upcast seam). */
  upcast?: (event: RecordedEvent) => RecordedEvent,
): Promise<LoadedStream<TState>> => {
  const read = await store.readStream(stream);
  const events = upcast ? read.map(upcast) : read;
  const state = events.reduce((s, e) => evolve(s, { type: e.type, data: e.data } as TEvent), initialState);
  return { state, revision: events.length ? events[events.length - 1].revision : 'no_stream', events };
};

/**
 * A UUID derived from the command, stream and index (RFC 4122 name-based layout, SHA-1), so a
 * retried command re-appends the same ids and the store recognises the duplicate.
 */
export const deterministicEventId = (causationId: string, stream: string, index: number): string => {
  const hash = createHash('sha1').update(`${causationId}\u0000${stream}\u0000${index}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

export const metadataFor = (context: CommandContext, type: string): EventMetadata => ({
  actorId: context.actorId,
  correlationId: context.correlationId,
  causationId: context.causationId,
  occurredAt: context.now.toISOString(),
  schemaVersion: schemaVersionOf(type),
});

export const toAppend = (stream: string, events: readonly DomainEvent[], context: CommandContext): EventToAppend[] =>
  events.map((event, index) => ({
    id: deterministicEventId(context.causationId, stream, index),
    type: event.type,
    data: event.data,
    metadata: metadataFor(context, event.type),
  }));

/** Run `attempt` again on a revision conflict, at most `attempts` times in all, with jitter. */
export const retryOnConflict = async <T>(attempt: () => Promise<T>, attempts = 3): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError) || i >= attempts) throw error;
      await sleep(Math.floor(Math.random() * 10 * i) + 1);
    }
  }
};

import type { DomainEvent } from '@tessera/contracts';
import type { EventStore, RecordedEvent } from '../event-store/event-store.port';
import type { LoadedStream } from './event-sourcing';

/**
 * Folded states of streams that many commands read and few write (a show's seat map is read by
 * every hold). A state at a revision never changes, because events never do and `evolve` is
 * pure, so a cached state is brought up to date by folding only the events after its revision;
 * the store still answers every read, so nothing is ever decided on an old state. Bounded: the
 * least recently used stream goes first. States must be treated as immutable, as deciders do.
 */
export class StreamStateCache<TState> {
  private readonly states = new Map<string, { state: TState; revision: number }>();

  constructor(private readonly capacity: number) {}

  async load<TEvent extends DomainEvent>(
    store: EventStore,
    stream: string,
    evolve: (state: TState, event: TEvent) => TState,
    initialState: TState,
    /** Applied to every event read, before `evolve` (handle-command.ts: the upcast seam). */
    upcast?: (event: RecordedEvent) => RecordedEvent,
  ): Promise<LoadedStream<TState>> {
    const cached = this.states.get(stream);
    const read = await store.readStream(stream, cached ? { fromRevision: cached.revision + 1 } : {});
    const events = upcast ? read.map(upcast) : read;
    if (!cached && events.length === 0) return { state: initialState, revision: 'no_stream', events };
    const state = events.reduce((s, e) => evolve(s, { type: e.type, data: e.data } as TEvent), cached ? cached.state : initialState);
    const revision = events.length ? events[events.length - 1].revision : (cached as { revision: number }).revision;
    this.states.delete(stream);
    this.states.set(stream, { state, revision });
    if (this.states.size > this.capacity) this.states.delete(this.states.keys().next().value as string);
    return { state, revision, events };
  }
}

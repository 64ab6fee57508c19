import type { EventFilter, RecordedEvent } from '../event-store.port';

/**
 * What subscriptions and consumer groups see of the log: only durable events, read in position
 * order, plus a signal when more become durable.
 */
export interface CommittedLog {
  /** Position of the newest durable event. */
  headPosition(): number;
  /**
   * Durable events in (after, until] that match the filter (system streams never match), in
   * position order: at most `maxEvents`, and about one sequential read's worth. `last` is the
   * position scanned up to, so the caller continues from there even when nothing matched.
   */
  readRange(
    after: number,
    until: number,
    filter: EventFilter | undefined,
    maxEvents: number,
  ): Promise<{ events: RecordedEvent[]; last: number }>;
  /** Calls `listener` after each batch of appends becomes durable; returns the unsubscribe. */
  onCommit(listener: () => void): () => void;
}

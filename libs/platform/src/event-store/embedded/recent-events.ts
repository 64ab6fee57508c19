import type { RecordedEvent } from '../event-store.port';

/**
 * The newest decoded events by position. Every subscription tails the head of the log and every
 * command re-reads the streams it just wrote, so one decode serves them all instead of a file
 * read and a JSON parse each. Entries are deep-frozen, because one object reaches many readers;
 * a reader that tried to change an event would throw instead of corrupting the others' view.
 * Events never change once durable, so an entry is never stale; only capacity evicts.
 */
export class RecentEvents {
  private readonly byPosition = new Map<number, RecordedEvent>();

  constructor(private readonly capacity: number) {}

  get(position: number): RecordedEvent | undefined {
    return this.byPosition.get(position);
  }

  /** Whether `position` is new enough to be worth keeping, given the log's head. */
  isRecent(position: number, head: number): boolean {
    return head - position < this.capacity;
  }

  remember(event: RecordedEvent): RecordedEvent {
    const known = this.byPosition.get(event.position);
    if (known) return known;
    deepFreeze(event);
    this.byPosition.set(event.position, event);
    if (this.byPosition.size > this.capacity) this.byPosition.delete(this.byPosition.keys().next().value as number);
    return event;
  }
}

const deepFreeze = (value: unknown): void => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
};

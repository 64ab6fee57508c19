import type { AllSubscription, RecordedEvent, SubscribeToAllOptions } from '../event-store.port';
import type { CommittedLog } from './committed-log';

const EVENTS_PER_READ = 512;

/**
 * A catch-up subscription over the whole log: reads history from disk in big sequential reads,
 * then waits for the next durable batch and reads on from where it stopped. History and live
 * events come down the same path, so nothing can fall between "caught up" and "live".
 */
export class CatchUpSubscription implements AllSubscription {
  readonly caughtUp: Promise<void>;
  private markCaughtUp!: () => void;
  private after: number;
  /** The head at subscribe time: caught up once everything up to it has been yielded. */
  private readonly target: number;
  private closed = false;
  private iterating = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly log: CommittedLog,
    private readonly options: SubscribeToAllOptions,
    private readonly onClose: (subscription: CatchUpSubscription) => void,
  ) {
    this.caughtUp = new Promise((resolve) => (this.markCaughtUp = resolve));
    this.target = log.headPosition();
    const from = options.from;
    this.after = from === 'start' ? 0 : from === 'end' ? this.target : from.after;
    if (this.after >= this.target) this.markCaughtUp();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.iterating) throw new Error('a subscription can be iterated only once');
    this.iterating = true;
    return this.events();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.markCaughtUp();
    this.wake?.();
    this.onClose(this);
  }

  private async *events(): AsyncGenerator<RecordedEvent> {
    const unsubscribe = this.log.onCommit(() => this.wake?.());
    try {
      while (!this.closed) {
        const head = this.log.headPosition();
        if (this.after >= head) {
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = undefined;
          continue;
        }
        const { events, last } = await this.log.readRange(this.after, head, this.options.filter, EVENTS_PER_READ);
        for (const event of events) {
          if (this.closed) return;
          this.after = event.position;
          yield event;
        }
        this.after = last;
        if (this.after >= this.target) this.markCaughtUp();
      }
    } finally {
      unsubscribe();
      await this.close();
    }
  }
}

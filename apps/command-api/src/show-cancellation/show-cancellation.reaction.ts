import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { BookingPlaced, ShowCancelled } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';
import { AllSubscription, EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { Clock } from '@tessera/platform/time/clock';
import { undoBookingOfCancelledShow } from './undo-booking';

/**
 * Show cancellation as a durable reaction: a catch-up subscription to the log with its checkpoint
 * in the ReadStore. It keeps, from the same subscription, which bookings each show has; on
 * `show.cancelled.v1` it undoes every one of them (refund, release, void). A booking placed after
 * the cancellation (its placement read the show while it was still on sale) is undone as it
 * arrives. Every step is idempotent, so replaying after a crash, or a second instance doing the
 * same work at the same time, changes nothing twice.
 */

export const SHOW_CANCELLATION_CHECKPOINT = 'show-cancellation';
/** `{ _id: bookingId, showId }` for every booking ever placed. */
export const BOOKINGS_BY_SHOW = 'show-cancellation.bookings';
/** `{ _id: showId, eventId, correlationId }` for every cancelled show. */
export const CANCELLED_SHOWS = 'show-cancellation.cancelled-shows';

const EVENT_TYPES = ['booking.placed.v1', 'show.cancelled.v1'] as const;
/** Replaying a few booking placements after a restart costs little; a write per event would not. */
const CHECKPOINT_EVERY = 100;
const RETRY_DELAY_MS = { first: 200, max: 10_000 };

interface BookingOfShow {
  _id: string;
  showId: string;
  [key: string]: unknown;
}

interface CancelledShow {
  _id: string;
  eventId: string;
  correlationId: string;
  [key: string]: unknown;
}

@Injectable()
export class ShowCancellationReaction implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('ShowCancellation');
  private subscription?: AllSubscription;
  private running?: Promise<void>;
  private stopping = false;
  private wakeUp?: () => void;
  private processed = -1;
  private savedAt = -1;
  private sinceSave = 0;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();

  constructor(
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    private readonly payments: PaymentProvider,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.run();
  }

  /** Closes the subscription, waits for the event in hand to finish and saves the checkpoint. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeUp?.();
    await this.subscription?.close();
    await this.running;
    this.running = undefined;
  }

  /**
   * Resolves once the reaction has handled the event at `position`, which must be one it
   * subscribes to (a `show.cancelled.v1` or `booking.placed.v1`): tests and callers that need to
   * read the consequences of a cancellation wait on the cancellation's own position.
   */
  whenProcessed(position: number): Promise<void> {
    if (this.processed >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ position, resolve }));
  }

  private async run(): Promise<void> {
    let delay = RETRY_DELAY_MS.first;
    while (!this.stopping) {
      try {
        const checkpoint = await this.reads.getCheckpoint(SHOW_CANCELLATION_CHECKPOINT);
        this.savedAt = checkpoint ?? -1;
        this.processed = Math.max(this.processed, this.savedAt);
        this.subscription = this.events.subscribeToAll({
          from: checkpoint === null ? 'start' : { after: checkpoint },
          filter: { eventTypes: EVENT_TYPES },
        });
        for await (const event of this.subscription) {
          await this.handle(event);
          delay = RETRY_DELAY_MS.first;
          await this.processedUpTo(event);
          if (this.stopping) break;
        }
      } catch (error) {
        if (this.stopping) break;
        // The checkpoint stays before the failed event, so it is handled again on the next pass.
        this.logger.error(`stopped on an error, resuming from the checkpoint in ${delay} ms: ${String(error)}`);
        await this.subscription?.close().catch(() => undefined);
        await this.pause(delay);
        delay = Math.min(delay * 2, RETRY_DELAY_MS.max);
      }
    }
    await this.subscription?.close().catch(() => undefined);
    if (this.processed > this.savedAt) await this.save().catch((error) => this.logger.warn(`checkpoint not saved: ${String(error)}`));
  }

  private async handle(event: RecordedEvent): Promise<void> {
    const bookings = this.reads.collection<BookingOfShow>(BOOKINGS_BY_SHOW);
    const cancelledShows = this.reads.collection<CancelledShow>(CANCELLED_SHOWS);
    if (event.type === 'booking.placed.v1') {
      const { bookingId, showId } = (event.data as BookingPlaced['data']);
      // A whole-document replace: the same on a replay, and no update operators to interpret.
      await bookings.replaceOne({ _id: bookingId }, { _id: bookingId, showId }, { upsert: true });
      const cancelled = await cancelledShows.findOne({ _id: showId });
      if (cancelled) await this.undo(bookingId, cancelled);
      return;
    }
    if (event.type === 'show.cancelled.v1') {
      const { showId } = event.data as ShowCancelled['data'];
      const cancelled: CancelledShow = { _id: showId, eventId: event.id, correlationId: event.metadata.correlationId };
      await cancelledShows.replaceOne({ _id: showId }, cancelled, { upsert: true });
      const ofShow = await bookings.find({ showId }, { sort: { _id: 1 } });
      for (const { _id: bookingId } of ofShow) await this.undo(bookingId, cancelled);
      this.logger.log(`show ${showId} cancelled: ${ofShow.length} booking(s) undone`);
    }
  }

  /**
   * The cancellation event is the cause of everything undone for it, also on another instance
   * or on a replay: the event ids derived from it are the same, and the log takes a re-append of
   * the same ids at the same revision as the one it already has.
   */
  private async undo(bookingId: string, show: CancelledShow): Promise<void> {
    const context: CommandContext = {
      actorId: 'system:show-cancellation',
      correlationId: show.correlationId,
      causationId: show.eventId,
      now: this.clock.now(),
    };
    await undoBookingOfCancelledShow({ events: this.events, payments: this.payments }, bookingId, context);
  }

  private async processedUpTo(event: RecordedEvent): Promise<void> {
    this.processed = event.position;
    this.sinceSave += 1;
    if (event.type === 'show.cancelled.v1' || this.sinceSave >= CHECKPOINT_EVERY) await this.save();
    for (const waiter of this.waiters) {
      if (waiter.position <= this.processed) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private async save(): Promise<void> {
    await this.reads.saveCheckpoint(SHOW_CANCELLATION_CHECKPOINT, this.processed);
    this.savedAt = this.processed;
    this.sinceSave = 0;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

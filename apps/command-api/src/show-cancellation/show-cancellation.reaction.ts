import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { BookingPlaced, ShowCancelled } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';
import { EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import type { Subscription } from '@tessera/platform/subscriptions/subscription';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { Clock } from '@tessera/platform/time/clock';
import { undoBookingOfCancelledShow } from './undo-booking';

/**
 * Show cancellation as a durable reaction: a handler on the platform subscription, with its
 * checkpoint in the ReadStore. It keeps, from the same events, which bookings each show has; on
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
const CHECKPOINT_EVERY = { events: 100, ms: 1000 };

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
  private readonly subscription: Subscription;

  constructor(
    subscriptions: Subscriptions,
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    private readonly payments: PaymentProvider,
    private readonly clock: Clock,
  ) {
    this.subscription = subscriptions.create({
      name: SHOW_CANCELLATION_CHECKPOINT,
      filter: { eventTypes: EVENT_TYPES },
      checkpoint: SHOW_CANCELLATION_CHECKPOINT,
      checkpointEvery: CHECKPOINT_EVERY,
      handler: {
        handle: async (events) => {
          for (const event of events) await this.handle(event);
        },
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): Promise<void> {
    return this.subscription.start();
  }

  /** Stops reading, lets the events in hand finish and saves the checkpoint. */
  stop(): Promise<void> {
    return this.subscription.stop();
  }

  /**
   * Resolves once the reaction has handled the event at `position`, which must be one it
   * subscribes to (a `show.cancelled.v1` or `booking.placed.v1`): tests and callers that need to
   * read the consequences of a cancellation wait on the cancellation's own position.
   */
  whenProcessed(position: number): Promise<void> {
    return this.subscription.whenHandled(position);
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
}

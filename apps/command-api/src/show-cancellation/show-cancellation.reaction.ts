import { Injectable, Logger } from '@nestjs/common';
import type { BookingPlaced, ShowCancelled } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';
import { EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { PaymentProvider } from '@tessera/platform/payments/payment-provider.port';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { Clock } from '@tessera/platform/time/clock';
import { undoBookingOfCancelledShow } from './undo-booking';
import { LogReaction } from '../reactions/log-reaction';

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
export class ShowCancellationReaction extends LogReaction {
  private readonly logger = new Logger('ShowCancellation');

  constructor(
    subscriptions: Subscriptions,
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    private readonly payments: PaymentProvider,
    private readonly clock: Clock,
  ) {
    super(subscriptions, SHOW_CANCELLATION_CHECKPOINT, EVENT_TYPES);
  }

  protected async handle(event: RecordedEvent): Promise<void> {
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

import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { BOX_OFFICE_STREAM_PREFIXES, type BookingEvent } from '@tessera/contracts';
import type { TesseraConfig } from '@tessera/platform/config/config';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { InjectConfig } from '@tessera/platform/platform.module';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { Clock } from '@tessera/platform/time/clock';
import { BookingSchedule, type ScheduledBooking } from '../booking-schedule';
import { ExpireBookingCommand } from './expire-booking.command';

export const HOLD_EXPIRY_CHECKPOINT = 'command-api.hold-expiry';

interface PendingExpiry extends ScheduledBooking {
  expiresAt: number;
}

/**
 * The expiry sweeper: the schedule of held bookings and their `expiresAt`, each expired once it
 * is due. Correctness never waits for it (seats expire lazily in the decider): it writes the
 * expiry down for read models and notifications.
 */
@Injectable()
export class HoldExpirySweeper extends BookingSchedule<PendingExpiry> {
  constructor(
    subscriptions: Subscriptions,
    private readonly commands: CommandBus,
    clock: Clock,
    @InjectConfig() config: TesseraConfig,
  ) {
    super(
      new Logger('HoldExpirySweeper'),
      { checkpoint: HOLD_EXPIRY_CHECKPOINT, filter: { streamPrefixes: [BOX_OFFICE_STREAM_PREFIXES.booking] }, sweepIntervalMs: config.SWEEP_INTERVAL_MS },
      subscriptions,
      clock,
    );
  }

  protected track(event: BookingEvent, recorded: RecordedEvent): void {
    switch (event.type) {
      case 'booking.placed.v1':
        this.add(event.data.bookingId, { expiresAt: Date.parse(event.data.expiresAt), position: recorded.position });
        break;
      case 'booking.confirmed.v1':
      case 'booking.expired.v1':
      case 'booking.cancelled.v1':
      case 'booking.refunded.v1':
      case 'booking.rejected.v1':
        this.remove(event.data.bookingId);
        break;
      default:
        break;
    }
  }

  protected dueAt(entry: PendingExpiry): number {
    return entry.expiresAt;
  }

  protected async work(bookingId: string, now: Date): Promise<void> {
    await this.commands.execute(new ExpireBookingCommand(bookingId, now));
  }

  protected override workFailed(bookingId: string, error: unknown): void {
    this.logger.warn({ err: error, bookingId }, 'could not expire a hold; will try again');
  }
}

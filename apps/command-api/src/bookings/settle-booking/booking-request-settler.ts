import { Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { BookingEvent } from '@tessera/contracts';
import type { TesseraConfig } from '@tessera/platform/config/config';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { InjectConfig } from '@tessera/platform/platform.module';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { Clock } from '@tessera/platform/time/clock';
import { BookingProbe } from '../booking-probe';
import { BookingSchedule, type ScheduledBooking } from '../booking-schedule';
import { SeatsBeingBooked } from '../place-booking/booking-placement';
import { SettleBookingCommand } from './settle-booking.command';

export const BOOKING_REQUESTS_CHECKPOINT = 'command-api.booking-requests';

const EVENT_TYPES = ['booking.requested.v1', 'booking.placed.v1', 'booking.rejected.v1'] as const;

interface WaitingRequest extends ScheduledBooking {
  /** When it was asked for (the request's `occurredAt`), epoch ms. */
  requestedAt: number;
}

/**
 * Keeps the promise of every 202: each `booking.requested.v1` ends in `booking.placed.v1` or
 * `booking.rejected.v1`, whatever happens to the process that answered it. The schedule holds
 * the requests not settled yet; a pass settles those older than one seat-lock lifetime
 * (SEAT_LOCK_TTL_MS), by which time the fast path has normally settled them.
 *
 * The fast path (`settleNow`, called once the 202 has gone out) settles at once in this process.
 * Correctness never depends on it, and it may run at the same time as a settlement here or on
 * another instance: SettleBookingHandler appends at the request's revision, so one of them wins
 * and the others find the booking settled.
 */
@Injectable()
export class BookingRequestSettler extends BookingSchedule<WaitingRequest> {
  private readonly fastPaths = new Set<Promise<void>>();

  constructor(
    subscriptions: Subscriptions,
    private readonly commands: CommandBus,
    clock: Clock,
    private readonly probe: BookingProbe,
    @InjectConfig() private readonly config: TesseraConfig,
  ) {
    super(
      new Logger('BookingRequestSettler'),
      { checkpoint: BOOKING_REQUESTS_CHECKPOINT, filter: { eventTypes: EVENT_TYPES }, sweepIntervalMs: config.SWEEP_INTERVAL_MS },
      subscriptions,
      clock,
    );
  }

  /** Shutting down waits for the settlements under way, so none is cut off halfway by the stores closing. */
  override async onModuleDestroy(): Promise<void> {
    await super.onModuleDestroy();
    await Promise.allSettled([...this.fastPaths]);
  }

  /** The fast path: settle this request now, in this process, without waiting for a pass. */
  settleNow(bookingId: string): void {
    const settling = this.settleAtOnce(bookingId).finally(() => this.fastPaths.delete(settling));
    this.fastPaths.add(settling);
  }

  protected track(event: BookingEvent, recorded: RecordedEvent): void {
    switch (event.type) {
      case 'booking.requested.v1':
        this.add(event.data.bookingId, { requestedAt: Date.parse(recorded.metadata.occurredAt), position: recorded.position });
        break;
      case 'booking.placed.v1':
      case 'booking.rejected.v1':
        this.remove(event.data.bookingId);
        break;
      default:
        break;
    }
  }

  /** A request still waiting after a seat lock's TTL has lost its fast path (the process died or gave up). */
  protected dueAt(request: WaitingRequest): number {
    return request.requestedAt + this.config.SEAT_LOCK_TTL_MS;
  }

  protected async work(bookingId: string): Promise<void> {
    await this.commands.execute(new SettleBookingCommand(bookingId));
  }

  protected override workFailed(bookingId: string, error: unknown): void {
    // A seat lock held by someone else is expected under contention; anything else is worth a look.
    if (error instanceof SeatsBeingBooked) this.logger.debug(`booking ${bookingId}: ${error.message}; will try again`);
    else this.logger.warn({ err: error, bookingId }, 'could not settle a requested booking; will try again');
  }

  private async settleAtOnce(bookingId: string): Promise<void> {
    try {
      await this.probe.reached('place-booking:accepted');
      await this.commands.execute(new SettleBookingCommand(bookingId));
    } catch (error) {
      this.logger.warn({ err: error, bookingId }, 'could not settle the booking at once; the settler will');
    }
  }
}

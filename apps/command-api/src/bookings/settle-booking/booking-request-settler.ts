import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { BookingEvent } from '@tessera/contracts';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { AllSubscription, EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { InjectConfig } from '@tessera/platform/platform.module';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { Clock } from '@tessera/platform/time/clock';
import { BookingProbe } from '../booking-probe';
import { SeatsBeingBooked } from '../place-booking/booking-placement';
import { SettleBookingCommand } from './settle-booking.command';

export const BOOKING_REQUESTS_CHECKPOINT = 'command-api.booking-requests';

const EVENT_TYPES = ['booking.requested.v1', 'booking.placed.v1', 'booking.rejected.v1'] as const;

interface WaitingRequest {
  /** When it was asked for (the request's `occurredAt`), epoch ms. */
  requestedAt: number;
  /** Where its booking.requested.v1 is: the checkpoint never passes a request still waiting. */
  position: number;
}

/**
 * Keeps the promise of every 202: each `booking.requested.v1` ends in `booking.placed.v1` or
 * `booking.rejected.v1`, whatever happens to the process that answered it. Built as the expiry
 * sweeper is: a catch-up subscription over the booking events keeps the requests not settled yet;
 * a timer (SWEEP_INTERVAL_MS) settles those older than one seat-lock lifetime (SEAT_LOCK_TTL_MS),
 * by which time the fast path has normally settled them; the checkpoint in the ReadStore stays
 * just before the oldest request still waiting, so a restart finds every one again in the log.
 *
 * The fast path (`settleNow`, called once the 202 has gone out) settles at once in this process.
 * Correctness never depends on it, and it may run at the same time as a settlement here or on
 * another instance: SettleBookingHandler appends at the request's revision, so one of them wins
 * and the others find the booking settled.
 */
@Injectable()
export class BookingRequestSettler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('BookingRequestSettler');
  private readonly waiting = new Map<string, WaitingRequest>();
  private readonly fastPaths = new Set<Promise<void>>();
  private subscription?: AllSubscription;
  private following?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private lastSeen = 0;
  private savedCheckpoint: number | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly readStore: ReadStore,
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly probe: BookingProbe,
    @InjectConfig() private readonly config: TesseraConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.savedCheckpoint = await this.readStore.getCheckpoint(BOOKING_REQUESTS_CHECKPOINT);
    this.lastSeen = this.savedCheckpoint ?? 0;
    this.subscription = this.store.subscribeToAll({
      from: this.savedCheckpoint === null ? 'start' : { after: this.savedCheckpoint },
      filter: { eventTypes: EVENT_TYPES },
    });
    this.following = this.follow(this.subscription);
    this.timer = setInterval(() => void this.sweep(), this.config.SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  /** Shutting down waits for the settlements under way, so none is cut off halfway by the stores closing. */
  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.close();
    await this.following;
    await this.sweeping;
    await Promise.allSettled([...this.fastPaths]);
  }

  /** The fast path: settle this request now, in this process, without waiting for a sweep. */
  settleNow(bookingId: string): void {
    const settling = this.settleAtOnce(bookingId).finally(() => this.fastPaths.delete(settling));
    this.fastPaths.add(settling);
  }

  /** Requests not settled yet as far as the subscription has read, for tests and diagnostics. */
  pending(): ReadonlyMap<string, Readonly<WaitingRequest>> {
    return this.waiting;
  }

  /** One pass: settle every request that has waited longer than a seat lock lives. Tests may call it directly. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async settleAtOnce(bookingId: string): Promise<void> {
    try {
      await this.probe.reached('place-booking:accepted');
      await this.commands.execute(new SettleBookingCommand(bookingId));
    } catch (error) {
      this.logger.warn({ err: error, bookingId }, 'could not settle the booking at once; the settler will');
    }
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      for await (const event of subscription) this.track(event);
    } catch (error) {
      this.logger.error({ err: error }, 'the booking request subscription stopped');
    }
  }

  private track(recorded: RecordedEvent): void {
    const event = { type: recorded.type, data: recorded.data } as BookingEvent;
    switch (event.type) {
      case 'booking.requested.v1':
        this.waiting.set(event.data.bookingId, {
          requestedAt: Date.parse(recorded.metadata.occurredAt),
          position: recorded.position,
        });
        break;
      case 'booking.placed.v1':
      case 'booking.rejected.v1':
        this.waiting.delete(event.data.bookingId);
        break;
      default:
        break;
    }
    this.lastSeen = recorded.position;
  }

  private async sweepOnce(): Promise<void> {
    const settleBefore = this.clock.now().getTime() - this.config.SEAT_LOCK_TTL_MS;
    const due = [...this.waiting].filter(([, request]) => request.requestedAt <= settleBefore);
    for (const [bookingId] of due) {
      try {
        await this.commands.execute(new SettleBookingCommand(bookingId));
        // Settled here or elsewhere: nothing left to wait for.
        this.waiting.delete(bookingId);
      } catch (error) {
        // A seat lock held by someone else is expected under contention; anything else is worth a look.
        if (error instanceof SeatsBeingBooked) this.logger.debug(`booking ${bookingId}: ${error.message}; will try again`);
        else this.logger.warn({ err: error, bookingId }, 'could not settle a requested booking; will try again');
      }
    }
    await this.saveCheckpoint();
  }

  private async saveCheckpoint(): Promise<void> {
    let checkpoint = this.lastSeen;
    for (const request of this.waiting.values()) checkpoint = Math.min(checkpoint, request.position - 1);
    if (checkpoint === this.savedCheckpoint || checkpoint <= 0) return;
    await this.readStore.saveCheckpoint(BOOKING_REQUESTS_CHECKPOINT, checkpoint);
    this.savedCheckpoint = checkpoint;
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { BOX_OFFICE_STREAM_PREFIXES, type BookingEvent } from '@tessera/contracts';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { AllSubscription, EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { InjectConfig } from '@tessera/platform/platform.module';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { Clock } from '@tessera/platform/time/clock';
import { ExpireBookingCommand } from './expire-booking.command';

export const HOLD_EXPIRY_CHECKPOINT = 'command-api.hold-expiry';

interface PendingExpiry {
  expiresAt: number;
  /** Where its booking.placed.v1 is: the checkpoint never passes a booking still pending. */
  position: number;
}

/**
 * The expiry sweeper. A catch-up subscription over booking events keeps an in-memory schedule
 * of held bookings and their `expiresAt`; a timer (SWEEP_INTERVAL_MS) expires the ones that are
 * due. The checkpoint saved in the ReadStore stays just before the oldest booking still pending,
 * so a restart rebuilds the whole schedule from the log. Correctness never waits for it (seats
 * expire lazily in the decider): it writes the expiry down for read models and notifications.
 */
@Injectable()
export class HoldExpirySweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('HoldExpirySweeper');
  private readonly schedule = new Map<string, PendingExpiry>();
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
    @InjectConfig() private readonly config: TesseraConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.savedCheckpoint = await this.readStore.getCheckpoint(HOLD_EXPIRY_CHECKPOINT);
    this.lastSeen = this.savedCheckpoint ?? 0;
    this.subscription = this.store.subscribeToAll({
      from: this.savedCheckpoint === null ? 'start' : { after: this.savedCheckpoint },
      filter: { streamPrefixes: [BOX_OFFICE_STREAM_PREFIXES.booking] },
    });
    this.following = this.follow(this.subscription);
    this.timer = setInterval(() => void this.sweep(), this.config.SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.subscription?.close();
    await this.following;
    await this.sweeping;
  }

  /** Bookings waiting for their hold to run out, for tests and diagnostics. */
  pending(): ReadonlyMap<string, Readonly<PendingExpiry>> {
    return this.schedule;
  }

  /** One pass: expire everything due. Runs on the timer; tests may call it directly. */
  sweep(): Promise<void> {
    this.sweeping ??= this.sweepOnce().finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      for await (const event of subscription) this.track(event);
    } catch (error) {
      this.logger.error({ err: error }, 'the booking subscription stopped');
    }
  }

  private track(recorded: RecordedEvent): void {
    const event = { type: recorded.type, data: recorded.data } as BookingEvent;
    switch (event.type) {
      case 'booking.placed.v1':
        this.schedule.set(event.data.bookingId, { expiresAt: Date.parse(event.data.expiresAt), position: recorded.position });
        break;
      case 'booking.confirmed.v1':
      case 'booking.expired.v1':
      case 'booking.cancelled.v1':
      case 'booking.refunded.v1':
      case 'booking.rejected.v1':
        this.schedule.delete(event.data.bookingId);
        break;
      default:
        break;
    }
    this.lastSeen = recorded.position;
  }

  private async sweepOnce(): Promise<void> {
    const now = this.clock.now();
    const due = [...this.schedule].filter(([, pending]) => pending.expiresAt <= now.getTime());
    for (const [bookingId] of due) {
      try {
        await this.commands.execute(new ExpireBookingCommand(bookingId, now));
        // Done here or elsewhere (paid, cancelled, another instance): nothing left to schedule.
        this.schedule.delete(bookingId);
      } catch (error) {
        this.logger.warn({ err: error, bookingId }, 'could not expire a hold; will try again');
      }
    }
    await this.saveCheckpoint();
  }

  private async saveCheckpoint(): Promise<void> {
    let checkpoint = this.lastSeen;
    for (const pending of this.schedule.values()) checkpoint = Math.min(checkpoint, pending.position - 1);
    if (checkpoint === this.savedCheckpoint || checkpoint <= 0) return;
    await this.readStore.saveCheckpoint(HOLD_EXPIRY_CHECKPOINT, checkpoint);
    this.savedCheckpoint = checkpoint;
  }
}

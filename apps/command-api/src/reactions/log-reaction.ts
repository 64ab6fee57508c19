import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { Subscription } from '@tessera/platform/subscriptions/subscription';
import type { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';

/** Replaying a few events after a restart costs little; a checkpoint write per event would not. */
const CHECKPOINT_EVERY = { events: 100, ms: 1000 };

/**
 * A durable reaction of the command side: a handler of some event types on the platform's
 * checkpointed subscription (catch-up then live, batches, retry then restart, health and lag),
 * with its checkpoint in the ReadStore under its name. It starts with the application and stops
 * with it, letting the events in hand finish and saving the checkpoint. Subclasses handle one
 * event at a time, in log order, idempotently: a replay after a crash, or a second instance doing
 * the same work, changes nothing twice.
 */
export abstract class LogReaction implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly subscription: Subscription;

  protected constructor(subscriptions: Subscriptions, name: string, eventTypes: readonly string[]) {
    this.subscription = subscriptions.create({
      name,
      filter: { eventTypes },
      checkpoint: name,
      checkpointEvery: CHECKPOINT_EVERY,
      handler: {
        handle: async (events) => {
          for (const event of events) await this.handle(event);
        },
      },
    });
  }

  protected abstract handle(event: RecordedEvent): Promise<void>;

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

  /** Resolves once the reaction has handled the event at `position`, one of the types it subscribes to. */
  whenProcessed(position: number): Promise<void> {
    return this.subscription.whenHandled(position);
  }
}

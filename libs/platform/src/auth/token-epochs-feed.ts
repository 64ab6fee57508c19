import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Subscription } from '../subscriptions/subscription';
import { Subscriptions } from '../subscriptions/subscriptions';
import { TOKEN_EPOCH_EVENTS, TokenEpochs } from './token-epochs';

const SWEEP_EVERY_MS = 60_000;

/**
 * Feeds TokenEpochs from the log, through the platform subscription: the whole history before
 * the app serves (no checkpoint, memory starts empty), then live. Until a failed subscription
 * has restarted, revocations written by other instances are not seen here (this process's own
 * are: its handlers apply them directly); /health shows it meanwhile.
 */
@Injectable()
export class TokenEpochsFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly subscription: Subscription;
  private sweeper?: NodeJS.Timeout;

  constructor(
    subscriptions: Subscriptions,
    private readonly epochs: TokenEpochs,
  ) {
    this.subscription = subscriptions.create({
      name: 'token-epochs',
      filter: TOKEN_EPOCH_EVENTS,
      handler: { handle: async (events) => events.forEach((event) => this.epochs.apply(event)) },
    });
  }

  /** Nest awaits this before the HTTP server listens: no request is judged on a partial history. */
  async onApplicationBootstrap(): Promise<void> {
    await this.subscription.start();
    await this.subscription.caughtUp;
    this.sweeper = setInterval(() => this.epochs.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweeper);
    await this.subscription.stop();
  }
}

import { Injectable } from '@nestjs/common';
import { EventStore } from '../event-store/event-store.port';
import { HealthChecks } from '../observability/health';
import { Metrics } from '../observability/metrics';
import { ReadStore } from '../read-store/read-store.port';
import { Subscription, type SubscriptionOptions } from './subscription';

/**
 * Where consumers register on the log (`AddSubscription` in Eventuous): each gets a
 * Subscription wired to this app's event store, read store (checkpoints), /health and /metrics.
 * The consumer starts it when the app starts and stops it before the app shuts down.
 */
@Injectable()
export class Subscriptions {
  constructor(
    private readonly events: EventStore,
    private readonly reads: ReadStore,
    private readonly health: HealthChecks,
    /** This app's metrics, for what a consumer reports besides its subscription (a schedule's backlog). */
    readonly metrics: Metrics,
  ) {}

  create(options: SubscriptionOptions): Subscription {
    return new Subscription(options, { events: this.events, reads: this.reads, health: this.health, metrics: this.metrics });
  }
}

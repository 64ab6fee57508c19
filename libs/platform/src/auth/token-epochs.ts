import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ACCESS_REVOKING_EVENT_TYPES } from '@tessera/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { AllSubscription, EventFilter, EventStore, RecordedEvent } from '../event-store/event-store.port';
import { ACCESS_TOKEN_TTL_SECONDS, CLOCK_TOLERANCE_SECONDS } from '../security/token-service';

/**
 * Token epochs: how a role change or a sign-out ends a user's access tokens at once, without a
 * store round trip per request.
 *
 * A user's epoch is the account-stream revision of the newest event that revokes access
 * (ACCESS_REVOKING_EVENT_TYPES: a role change, a sign-out); 0 when there is none. Login and
 * refresh read the account stream anyway and put its epoch into the access token (`epoch`
 * claim). Every process keeps the newest epoch of each user in memory, learnt from the log:
 * read in full at start-up (before the server takes requests, so a restart forgets nothing),
 * then followed live by a catch-up subscription (so every command-api and query-api instance
 * learns a change another one wrote). The guard refuses a token whose epoch is older.
 *
 * Only revisions are compared, so applying an event twice, or hearing of it from the handler
 * that wrote it and then again from the log, changes nothing. A revocation is forgotten once
 * every token it could end has expired, so memory holds only the last token lifetime's worth.
 */

const ACCOUNT_STREAM_PREFIX = 'account-';
const REVOKING = new Set<string>(ACCESS_REVOKING_EVENT_TYPES);
/** A token older than its revocation was issued before it, so it expires within a lifetime of it; plus room for clock skew. */
const RETAIN_MS = (ACCESS_TOKEN_TTL_SECONDS + CLOCK_TOLERANCE_SECONDS) * 1000 + 5 * 60 * 1000;
const SWEEP_EVERY_MS = 60_000;
const RETRY_DELAY_MS = { first: 200, max: 10_000 };
const FILTER: EventFilter = { eventTypes: ACCESS_REVOKING_EVENT_TYPES, streamPrefixes: [ACCOUNT_STREAM_PREFIX] };

/** The epoch of an account stream as read: the revision of its newest access-revoking event, or 0. */
export const accessEpochOf = (events: readonly Pick<RecordedEvent, 'type' | 'revision'>[]): number => {
  for (let i = events.length - 1; i >= 0; i--) if (REVOKING.has(events[i].type)) return events[i].revision;
  return 0;
};

interface Revocation {
  epoch: number;
  /** Epoch-millis after which no token it ends can still be unexpired. */
  forgetAfter: number;
}

/** The newest epoch of every user whose tokens were revoked within the last token lifetime. */
export class TokenEpochs {
  private readonly revocations = new Map<string, Revocation>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Tokens of `userId` with an epoch below `epoch` stop passing; `at` is when it happened (epoch-millis). */
  revoke(userId: string, epoch: number, at: number): void {
    const forgetAfter = at + RETAIN_MS;
    if (forgetAfter <= this.now()) return;
    const known = this.revocations.get(userId);
    if (!known || epoch > known.epoch) this.revocations.set(userId, { epoch, forgetAfter });
    else if (epoch === known.epoch && forgetAfter > known.forgetAfter) known.forgetAfter = forgetAfter;
  }

  /** True unless a newer revocation than `epoch` is known for the user. */
  isCurrent(userId: string, epoch: number): boolean {
    const known = this.revocations.get(userId);
    if (!known) return true;
    if (known.forgetAfter <= this.now()) {
      this.revocations.delete(userId);
      return true;
    }
    return epoch >= known.epoch;
  }

  /** Drops revocations whose tokens have all expired. */
  sweep(): void {
    const now = this.now();
    for (const [userId, known] of this.revocations) if (known.forgetAfter <= now) this.revocations.delete(userId);
  }

  get size(): number {
    return this.revocations.size;
  }

  /** Applies an access-revoking event of an account stream; any other event is ignored. */
  apply(event: Pick<RecordedEvent, 'stream' | 'type' | 'revision' | 'recordedAt'>): void {
    if (!REVOKING.has(event.type) || !event.stream.startsWith(ACCOUNT_STREAM_PREFIX)) return;
    const at = Date.parse(event.recordedAt);
    this.revoke(event.stream.slice(ACCOUNT_STREAM_PREFIX.length), event.revision, Number.isNaN(at) ? this.now() : at);
  }
}

/** Feeds TokenEpochs from the log: the whole history before the app serves, then live. */
@Injectable()
export class TokenEpochsFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('TokenEpochs');
  private subscription?: AllSubscription;
  private following?: Promise<void>;
  private stopping = false;
  private after = 0;
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly events: EventStore,
    private readonly epochs: TokenEpochs,
  ) {}

  /** Nest awaits this before the HTTP server listens: no request is judged on a partial history. */
  async onApplicationBootstrap(): Promise<void> {
    this.stopping = false;
    const head = await this.events.headPosition();
    for await (const event of this.events.readAll({ filter: FILTER })) this.handle(event);
    this.after = Math.max(this.after, head);
    this.following = this.follow();
    this.sweeper = setInterval(() => this.epochs.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweeper);
    await this.subscription?.close();
    await this.following;
  }

  private handle(event: RecordedEvent): void {
    this.epochs.apply(event);
    this.after = Math.max(this.after, event.position);
  }

  private async follow(): Promise<void> {
    let delay = RETRY_DELAY_MS.first;
    while (!this.stopping) {
      try {
        this.subscription = this.events.subscribeToAll({ from: { after: this.after }, filter: FILTER });
        for await (const event of this.subscription) {
          this.handle(event);
          delay = RETRY_DELAY_MS.first;
        }
        if (!this.stopping) throw new Error('the subscription ended');
      } catch (error) {
        if (this.stopping) break;
        // Until it resumes, revocations written by other instances are not seen here (this
        // process's own are: its handlers apply them directly).
        this.logger.error(`the log subscription failed; resuming after position ${this.after} in ${delay} ms: ${String(error)}`);
        await this.subscription?.close().catch(() => undefined);
        await sleep(delay);
        delay = Math.min(delay * 2, RETRY_DELAY_MS.max);
      }
    }
  }
}

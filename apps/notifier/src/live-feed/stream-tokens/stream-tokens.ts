import { Injectable } from '@nestjs/common';
import { STREAM_TOKEN_TTL_SECONDS, type StreamTokenResponse } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import type { AuthenticatedUser } from '@tessera/platform/auth/auth';
import { TokenEpochs } from '@tessera/platform/auth/token-epochs';
import { DuplicateKeyError, ReadStore, type ReadCollection } from '@tessera/platform/read-store/read-store.port';
import { CLOCK_TOLERANCE_SECONDS, TokenService } from '@tessera/platform/security/token-service';
import { Clock } from '@tessera/platform/time/clock';

/**
 * Single-use, one-minute stream tokens for the browser's EventSource (which cannot send an
 * Authorization header).
 *
 * A signed token (TokenService: a JWT of its own type and audience, bound to the user, roles and
 * token epoch) plus a spent-set in the read store, rather than a stored token: issuing writes
 * nothing, a forged or expired token is refused without a store round trip, and the one write,
 * on use, is an insert keyed by the token's id whose unique key makes the single use atomic. In
 * distributed mode the read store is the shared MongoDB, so a token issued by one instance is
 * good once on any other. Spent ids are kept until the token has expired, then purged.
 *
 * The embedded read store is in memory: a token spent just before a restart could be used again
 * in what is left of its minute after it (the process restarts in seconds). Tokens are never
 * logged: the access log leaves out query strings.
 */
export const SPENT_STREAM_TOKENS = 'stream_tokens_spent';

type SpentToken = { _id: string; expiresAt: string };

const PURGE_EVERY_MS = 60_000;

const refused = (): DomainError => new DomainError('UNAUTHENTICATED', 'The stream token is not valid, was used already or has expired: create a new one.');

@Injectable()
export class StreamTokens {
  private readonly spent: ReadCollection<SpentToken>;
  private lastPurge = 0;

  constructor(
    private readonly tokens: TokenService,
    private readonly epochs: TokenEpochs,
    private readonly clock: Clock,
    reads: ReadStore,
  ) {
    this.spent = reads.collection<SpentToken>(SPENT_STREAM_TOKENS);
  }

  async issue(user: AuthenticatedUser): Promise<StreamTokenResponse> {
    const issued = await this.tokens.issueStreamToken({ userId: user.userId, roles: user.roles, epoch: user.epoch }, STREAM_TOKEN_TTL_SECONDS);
    await this.purgeIfDue();
    return { token: issued.accessToken, expiresIn: issued.expiresIn };
  }

  /** The user the token was issued to; spends it. Throws UNAUTHENTICATED for a bad, spent or expired token. */
  async redeem(token: unknown): Promise<AuthenticatedUser> {
    if (typeof token !== 'string') throw refused();
    const principal = await this.tokens.verifyStreamToken(token).catch(() => {
      throw refused();
    });
    if (!this.epochs.isCurrent(principal.userId, principal.epoch)) throw refused();
    const keepUntil = new Date(principal.expiresAt.getTime() + 2 * CLOCK_TOLERANCE_SECONDS * 1000).toISOString();
    try {
      await this.spent.insertOne({ _id: principal.tokenId, expiresAt: keepUntil });
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw refused();
      throw error;
    }
    return { userId: principal.userId, roles: principal.roles, epoch: principal.epoch };
  }

  private async purgeIfDue(): Promise<void> {
    const now = this.clock.now().getTime();
    if (now - this.lastPurge < PURGE_EVERY_MS) return;
    this.lastPurge = now;
    await this.spent.deleteMany({ expiresAt: { $lt: new Date(now).toISOString() } });
  }
}

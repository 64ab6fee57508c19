import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { refreshFamilyStream, type TokenResponse } from '@tessera/contracts';
import { decideRefreshFamily, DomainError, isReuseDetected } from '@tessera/domain';
import { accessEpochOf } from '@tessera/platform/auth/token-epochs';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { InjectConfig } from '@tessera/platform/platform.module';
import { TokenService } from '@tessera/platform/security/token-service';
import { Clock } from '@tessera/platform/time/clock';
import { loadAccount, refreshFamilyModel } from '../accounts.streams';
import { tokenResponse } from '../accounts.tokens';
import { RefreshSessionCommand } from './refresh.command';

const invalid = (): DomainError => new DomainError('INVALID_REFRESH_TOKEN', 'The refresh token is not valid.');

/**
 * Rotation: the presented token is spent and a new one of the same family is minted. The family
 * decider tells reuse apart (see refresh-family.decider.ts and its grace window); on reuse the
 * revocation is appended first — it must be durable even though the caller gets an error — and
 * then the answer is 401 REFRESH_TOKEN_REUSED. Two rotations racing on one family conflict on
 * the expected revision; the loser re-reads and decides again (it may then be the grace case).
 * The new access token takes the account's roles and token epoch as they are now.
 */
@CommandHandler(RefreshSessionCommand)
export class RefreshSessionHandler implements ICommandHandler<RefreshSessionCommand, TokenResponse> {
  constructor(
    private readonly store: EventStore,
    private readonly tokens: TokenService,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: TesseraConfig,
  ) {}

  async execute({ refreshToken, context }: RefreshSessionCommand): Promise<TokenResponse> {
    const presented = this.tokens.parseRefreshToken(refreshToken);
    if (!presented) throw invalid();
    const stream = refreshFamilyStream(presented.familyId);

    return handleCommand(this.store, {
      context,
      attempts: 5,
      read: (streams) => streams.read(stream, refreshFamilyModel),
      decide: (family): Decision<TokenResponse> => {
        if (family.state.status === 'none') throw invalid();
        const userId = family.state.userId;
        const next = this.tokens.issueRefreshToken(presented.familyId);
        const events = decideRefreshFamily(
          {
            type: 'RotateRefreshToken',
            data: { presentedHash: presented.tokenHash, newHash: next.tokenHash, expiresAt: next.expiresAt, graceMs: this.config.REFRESH_REUSE_GRACE_MS },
            metadata: { now: this.clock.now().toISOString() },
          },
          family.state,
        );
        return {
          append: { [stream]: events },
          context: { ...context, actorId: userId },
          answer: async ({ position }) => {
            if (isReuseDetected(events)) {
              throw new DomainError('REFRESH_TOKEN_REUSED', 'This refresh token was already used: the session is revoked; sign in again.');
            }
            const account = await loadAccount(this.store, userId);
            if (account.state.status !== 'registered') throw invalid();
            return tokenResponse(this.tokens, { ...account.state, epoch: accessEpochOf(account.events) }, next.token, position);
          },
        };
      },
    });
  }
}

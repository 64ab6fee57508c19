import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { accountStream, refreshFamilyStream } from '@tessera/contracts';
import { decideAccount, decideRefreshFamily } from '@tessera/domain';
import { TokenEpochs } from '@tessera/platform/auth/token-epochs';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { TokenService } from '@tessera/platform/security/token-service';
import { accountModel, refreshFamilyModel } from '../accounts.streams';
import { LogoutCommand } from './logout.command';

/**
 * Logout revokes the whole family of the presented refresh token (this session), and in the same
 * atomic append records `account.signed-out.v1`, a new token epoch of the user: every access
 * token issued to the user before it stops passing at once, on every route and every instance
 * (auth/token-epochs.ts). The user's other sessions keep their refresh tokens and get a fresh
 * access token at their next refresh; access tokens are bearer tokens and do not say which
 * session they belong to, so ending them all is the only way to end this one's.
 *
 * It is idempotent and says nothing about the token: an unknown, malformed, spent or already
 * revoked token answers the same 204, and only a hash the family issued can revoke it (a guessed
 * family id cannot).
 */
@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand, { position: string | null }> {
  constructor(
    private readonly store: EventStore,
    private readonly tokens: TokenService,
    private readonly epochs: TokenEpochs,
  ) {}

  async execute({ refreshToken, context }: LogoutCommand): Promise<{ position: string | null }> {
    const presented = this.tokens.parseRefreshToken(refreshToken);
    if (!presented) return { position: null };
    const stream = refreshFamilyStream(presented.familyId);
    return handleCommand(this.store, {
      context,
      attempts: 5,
      read: async (streams) => {
        const family = await streams.read(stream, refreshFamilyModel);
        const account = family.state.status === 'none' ? undefined : await streams.read(accountStream(family.state.userId), accountModel);
        return { family: family.state, account: account?.state };
      },
      decide: ({ family, account }): Decision<{ position: string | null }> => {
        const events = decideRefreshFamily({ type: 'RevokeRefreshFamily', data: { reason: 'logout', presentedHash: presented.tokenHash } }, family);
        if (events.length === 0 || family.status === 'none') return { answer: { position: null } };
        const { userId } = family;
        const signedOut = account?.status === 'registered' ? decideAccount({ type: 'SignOut', data: { familyId: presented.familyId } }, account) : [];
        return {
          append: { [stream]: events, [accountStream(userId)]: signedOut },
          context: { ...context, actorId: userId },
          answer: (appended) => {
            const accountAppend = appended.streams.find((result) => result.stream === accountStream(userId));
            if (accountAppend) this.epochs.revoke(userId, accountAppend.nextRevision, context.now.getTime());
            return { position: String(appended.position) };
          },
        };
      },
    });
  }
}

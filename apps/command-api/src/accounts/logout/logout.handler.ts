import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { accountStream, refreshFamilyStream, type RefreshFamilyEvent } from '@tessera/contracts';
import { decideAccount, decideRefreshFamily, evolveRefreshFamily, initialRefreshFamily, type RefreshFamily } from '@tessera/domain';
import { TokenEpochs } from '@tessera/platform/auth/token-epochs';
import { loadStream, retryOnConflict, toAppend, type CommandContext } from '@tessera/platform/commands/event-sourcing';
import { EventStore, type StreamAppend } from '@tessera/platform/event-store/event-store.port';
import { TokenService } from '@tessera/platform/security/token-service';
import { loadAccount } from '../accounts.streams';
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
    return retryOnConflict(async () => {
      const family = await loadStream<RefreshFamily, RefreshFamilyEvent>(this.store, stream, evolveRefreshFamily, initialRefreshFamily);
      const events = decideRefreshFamily(
        { type: 'RevokeRefreshFamily', data: { reason: 'logout', presentedHash: presented.tokenHash } },
        family.state,
      );
      if (events.length === 0 || family.state.status === 'none') return { position: null };
      const { userId } = family.state;
      const asUser: CommandContext = { ...context, actorId: userId };
      const appends: StreamAppend[] = [{ stream, expectedRevision: family.revision, events: toAppend(stream, events, asUser) }];
      const account = await loadAccount(this.store, userId);
      if (account.state.status === 'registered') {
        const signedOut = decideAccount({ type: 'SignOut', data: { familyId: presented.familyId } }, account.state);
        appends.push({ stream: accountStream(userId), expectedRevision: account.revision, events: toAppend(accountStream(userId), signedOut, asUser) });
      }
      const appended = await this.store.appendMulti(appends);
      const accountAppend = appended.streams.find((result) => result.stream === accountStream(userId));
      if (accountAppend) this.epochs.revoke(userId, accountAppend.nextRevision, context.now.getTime());
      return { position: String(appended.position) };
    }, 5);
  }
}

import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { refreshFamilyStream, type RefreshFamilyEvent } from '@tessera/contracts';
import { decideRefreshFamily, evolveRefreshFamily, initialRefreshFamily, type RefreshFamily } from '@tessera/domain';
import { loadStream, retryOnConflict, toAppend } from '@tessera/platform/commands/event-sourcing';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { TokenService } from '@tessera/platform/security/token-service';
import { LogoutCommand } from './logout.command';

/**
 * Logout revokes the whole family of the presented refresh token. It is idempotent and says
 * nothing about the token: an unknown, malformed, spent or already revoked token answers the
 * same 204, and only a hash the family issued can revoke it (a guessed family id cannot).
 */
@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand, { position: string | null }> {
  constructor(
    private readonly store: EventStore,
    private readonly tokens: TokenService,
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
      const appended = await this.store.append(stream, toAppend(stream, events, { ...context, actorId: family.state.userId }), {
        expectedRevision: family.revision,
      });
      return { position: String(appended.position) };
    }, 5);
  }
}

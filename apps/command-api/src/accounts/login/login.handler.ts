import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { refreshFamilyStream, type TokenResponse } from '@tessera/contracts';
import { decideRefreshFamily, DomainError, initialRefreshFamily } from '@tessera/domain';
import { accessEpochOf } from '@tessera/platform/auth/token-epochs';
import { toAppend } from '@tessera/platform/commands/event-sourcing';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { PasswordHasher } from '@tessera/platform/security/password-hasher';
import { TokenService } from '@tessera/platform/security/token-service';
import { loadAccountByEmail } from '../accounts.streams';
import { tokenResponse } from '../accounts.tokens';
import { LoginCommand } from './login.command';

/**
 * Login starts a refresh token family (one session) and answers an access token with the
 * account's current roles. An unknown e-mail and a wrong password answer the same 401 after the
 * same work: the hasher verifies against a dummy hash when there is no account.
 */
@CommandHandler(LoginCommand)
export class LoginHandler implements ICommandHandler<LoginCommand, TokenResponse> {
  constructor(
    private readonly store: EventStore,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
  ) {}

  async execute({ email, password, context }: LoginCommand): Promise<TokenResponse> {
    const loaded = await loadAccountByEmail(this.store, email);
    const account = loaded?.state;
    const valid = await this.hasher.verify(password, account?.passwordHash);
    if (!loaded || !account || !valid) throw new DomainError('INVALID_CREDENTIALS', 'The e-mail or password is not correct.');

    const refresh = this.tokens.issueRefreshToken();
    const stream = refreshFamilyStream(refresh.familyId);
    const started = decideRefreshFamily(
      {
        type: 'StartRefreshFamily',
        data: { familyId: refresh.familyId, userId: account.userId, tokenHash: refresh.tokenHash, expiresAt: refresh.expiresAt },
      },
      initialRefreshFamily,
    );
    // The family id is fresh randomness, so "no stream" cannot conflict but for a broken generator.
    const appended = await this.store.append(stream, toAppend(stream, started, { ...context, actorId: account.userId }), {
      expectedRevision: 'no_stream',
    });
    return tokenResponse(this.tokens, { ...account, epoch: accessEpochOf(loaded.events) }, refresh.token, appended.position);
  }
}

import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { accountStream, type ChangeRolesResponse } from '@tessera/contracts';
import { decideAccount, evolveAccount } from '@tessera/domain';
import { TokenEpochs } from '@tessera/platform/auth/token-epochs';
import { retryOnConflict, toAppend } from '@tessera/platform/commands/event-sourcing';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { lastPositionOf, loadAccount } from '../accounts.streams';
import { ChangeRolesCommand } from './change-roles.command';

/**
 * An admin sets the complete set of roles of an account. The change ends the user's access
 * tokens at once (it is a new token epoch: auth/token-epochs.ts): this process learns it here,
 * the others from the log. Refresh tokens stay valid, so the user's next refresh gets a token
 * with the new roles. Setting the roles an account already has changes nothing and answers the
 * account's current position.
 */
@CommandHandler(ChangeRolesCommand)
export class ChangeRolesHandler implements ICommandHandler<ChangeRolesCommand, ChangeRolesResponse> {
  constructor(
    private readonly store: EventStore,
    private readonly epochs: TokenEpochs,
  ) {}

  execute({ userId, roles, context }: ChangeRolesCommand): Promise<ChangeRolesResponse> {
    const stream = accountStream(userId);
    return retryOnConflict(async () => {
      const account = await loadAccount(this.store, userId);
      const events = decideAccount({ type: 'ChangeRoles', data: { roles, byAdminId: context.actorId } }, account.state);
      const after = events.reduce(evolveAccount, account.state);
      if (after.status !== 'registered') throw new Error('a role change left the account unregistered');
      if (events.length === 0) return { userId, roles: [...after.roles], position: lastPositionOf(account) };
      const appended = await this.store.append(stream, toAppend(stream, events, context), { expectedRevision: account.revision });
      this.epochs.revoke(userId, appended.nextRevision, context.now.getTime());
      return { userId, roles: [...after.roles], position: String(appended.position) };
    }, 5);
  }
}

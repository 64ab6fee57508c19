import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { accountStream, type ChangeRolesResponse } from '@tessera/contracts';
import { decideAccount, evolveAccount } from '@tessera/domain';
import { TokenEpochs } from '@tessera/platform/auth/token-epochs';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { accountModel, lastPositionOf } from '../accounts.streams';
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
    return handleCommand(this.store, {
      context,
      attempts: 5,
      read: (streams) => streams.read(stream, accountModel),
      decide: (account): Decision<ChangeRolesResponse> => {
        const events = decideAccount({ type: 'ChangeRoles', data: { roles, byAdminId: context.actorId } }, account.state);
        const after = events.reduce(evolveAccount, account.state);
        if (after.status !== 'registered') throw new Error('a role change left the account unregistered');
        if (events.length === 0) return { answer: { userId, roles: [...after.roles], position: lastPositionOf(account) } };
        return {
          append: { [stream]: events },
          answer: ({ position, streams: [appended] }) => {
            this.epochs.revoke(userId, appended.nextRevision, context.now.getTime());
            return { userId, roles: [...after.roles], position: String(position) };
          },
        };
      },
    });
  }
}

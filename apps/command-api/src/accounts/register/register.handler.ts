import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { accountStream, emailStream, type RegisterResponse } from '@tessera/contracts';
import { decideAccount, decideEmailReservation, DomainError } from '@tessera/domain';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { hashEmail } from '@tessera/platform/security/email-hash';
import { PasswordHasher } from '@tessera/platform/security/password-hasher';
import { checkPasswordPolicy } from '@tessera/platform/security/password-policy';
import { accountModel, emailReservationModel, lastPositionOf } from '../accounts.streams';
import { RegisterAccountCommand } from './register.command';

/**
 * Registration: the e-mail reservation (expected: no stream) and `account.registered.v1` go into
 * the log in one atomic append, so of any number of concurrent registrations of one address
 * exactly one succeeds; the others conflict, re-read and answer EMAIL_TAKEN. Registration always
 * gives the role `user`: no request field can choose a role.
 */
@CommandHandler(RegisterAccountCommand)
export class RegisterAccountHandler implements ICommandHandler<RegisterAccountCommand, RegisterResponse> {
  constructor(
    private readonly store: EventStore,
    private readonly hasher: PasswordHasher,
  ) {}

  async execute({ userId, email, password, displayName, context }: RegisterAccountCommand): Promise<RegisterResponse> {
    const refused = checkPasswordPolicy(password, { email, displayName });
    if (refused !== null) {
      throw new DomainError('VALIDATION_FAILED', refused, { errors: [{ field: 'password', message: refused }] });
    }
    // Hashing costs tens of milliseconds: once per request, outside the retry loop.
    const passwordHash = await this.hasher.hash(password);
    const reservationStream = emailStream(hashEmail(email));

    return handleCommand(this.store, {
      context,
      attempts: 5,
      read: async (streams) => {
        const [reservation, account] = await Promise.all([
          streams.read(reservationStream, emailReservationModel),
          streams.read(accountStream(userId), accountModel),
        ]);
        return { reservation, account };
      },
      decide: ({ reservation, account }): Decision<RegisterResponse> => {
        // A retry of a request that did register (same Idempotency-Key, so the same userId).
        if (reservation.state.status === 'reserved' && reservation.state.userId === userId) {
          return { answer: { userId, position: lastPositionOf(reservation) } };
        }
        const reserved = decideEmailReservation({ type: 'ReserveEmail', data: { email, userId } }, reservation.state);
        const registered = decideAccount(
          { type: 'RegisterAccount', data: { userId, email, displayName, passwordHash, roles: ['user'] } },
          account.state,
        );
        return {
          append: { [reservationStream]: reserved, [accountStream(userId)]: registered },
          answer: ({ position }) => ({ userId, position: String(position) }),
        };
      },
    });
  }
}

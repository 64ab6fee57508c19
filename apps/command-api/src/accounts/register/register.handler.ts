import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { accountStream, emailStream, type RegisterResponse } from '@tessera/contracts';
import { decideAccount, decideEmailReservation, DomainError } from '@tessera/domain';
import { retryOnConflict, toAppend } from '@tessera/platform/commands/event-sourcing';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { hashEmail } from '@tessera/platform/security/email-hash';
import { PasswordHasher } from '@tessera/platform/security/password-hasher';
import { checkPasswordPolicy } from '@tessera/platform/security/password-policy';
import { lastPositionOf, loadAccount, loadEmailReservation } from '../accounts.streams';
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

    return retryOnConflict(async () => {
      const reservation = await loadEmailReservation(this.store, email);
      // A retry of a request that did register (same Idempotency-Key, so the same userId).
      if (reservation.state.status === 'reserved' && reservation.state.userId === userId) {
        return { userId, position: lastPositionOf(reservation) };
      }
      const reserved = decideEmailReservation({ type: 'ReserveEmail', data: { email, userId } }, reservation.state);
      const account = await loadAccount(this.store, userId);
      const registered = decideAccount(
        { type: 'RegisterAccount', data: { userId, email, displayName, passwordHash, roles: ['user'] } },
        account.state,
      );
      const result = await this.store.appendMulti([
        { stream: reservationStream, expectedRevision: reservation.revision, events: toAppend(reservationStream, reserved, context) },
        { stream: accountStream(userId), expectedRevision: account.revision, events: toAppend(accountStream(userId), registered, context) },
      ]);
      return { userId, position: String(result.position) };
    }, 5);
  }
}

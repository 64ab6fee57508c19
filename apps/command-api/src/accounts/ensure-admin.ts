import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { accountStream, emailStream } from '@tessera/contracts';
import { decideAccount, decideEmailReservation } from '@tessera/domain';
import { deterministicEventId, toAppend, type CommandContext } from '@tessera/platform/commands/event-sourcing';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { EventStore, WrongExpectedRevisionError } from '@tessera/platform/event-store/event-store.port';
import { InjectConfig } from '@tessera/platform/platform.module';
import { hashEmail } from '@tessera/platform/security/email-hash';
import { PasswordHasher } from '@tessera/platform/security/password-hasher';
import { checkPasswordPolicy } from '@tessera/platform/security/password-policy';
import { Clock } from '@tessera/platform/time/clock';
import { randomUUID } from 'node:crypto';
import { findAccountByEmail } from './accounts.streams';

export type EnsureAdminOutcome = 'created' | 'exists' | 'exists-without-admin-role';

const ACTOR = 'system:ensure-admin';

/**
 * The first admin, from ADMIN_EMAIL / ADMIN_PASSWORD, created when missing. It registers like
 * anyone else (e-mail reservation + account in one atomic append) but with a user id and event
 * ids derived from the address alone, so two processes starting at once write the very same
 * events: one append wins, the other conflicts (or is recognised as a duplicate), re-reads and
 * finds the admin there.
 *
 * An existing account is left as it is: its password is not reset (changing ADMIN_PASSWORD later
 * does nothing), and an account that holds the address without the admin role is NOT promoted —
 * anyone could have registered that address before the variable was set, and start-up must not
 * hand them the platform. That case is logged as an error for the operator to resolve.
 */
export const ensureAdmin = async (
  deps: { store: EventStore; hasher: PasswordHasher; clock: Clock },
  email: string,
  password: string,
): Promise<EnsureAdminOutcome> => {
  const existing = await findAccountByEmail(deps.store, email);
  if (existing) return existing.roles.includes('admin') ? 'exists' : 'exists-without-admin-role';

  const displayName = 'Administrator';
  const refused = checkPasswordPolicy(password, { email, displayName });
  if (refused !== null) throw new Error(`ADMIN_PASSWORD is refused by the password policy: ${refused}`);

  const reservationStream = emailStream(hashEmail(email));
  const userId = deterministicEventId(ACTOR, reservationStream, 0);
  const context: CommandContext = { actorId: ACTOR, correlationId: randomUUID(), causationId: `${ACTOR}:${reservationStream}`, now: deps.clock.now() };
  const passwordHash = await deps.hasher.hash(password);
  const reserved = decideEmailReservation({ type: 'ReserveEmail', data: { email, userId } }, { status: 'free' });
  const registered = decideAccount(
    { type: 'RegisterAccount', data: { userId, email, displayName, passwordHash, roles: ['user', 'admin'] } },
    { status: 'unregistered' },
  );
  try {
    await deps.store.appendMulti([
      { stream: reservationStream, expectedRevision: 'no_stream', events: toAppend(reservationStream, reserved, context) },
      { stream: accountStream(userId), expectedRevision: 'no_stream', events: toAppend(accountStream(userId), registered, context) },
    ]);
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    // Another process (or a registration) got there first: whoever holds the address now decides.
    const winner = await findAccountByEmail(deps.store, email);
    if (!winner) throw error;
    return winner.roles.includes('admin') ? 'exists' : 'exists-without-admin-role';
  }
  return 'created';
};

/** Runs ensureAdmin before the server accepts requests, when ADMIN_EMAIL is set. */
@Injectable()
export class EnsureAdminOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('EnsureAdmin');

  constructor(
    private readonly store: EventStore,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: TesseraConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return;
    const outcome = await ensureAdmin({ store: this.store, hasher: this.hasher, clock: this.clock }, email, password);
    if (outcome === 'created') this.logger.log('created the first admin account from ADMIN_EMAIL');
    if (outcome === 'exists-without-admin-role') {
      this.logger.error('ADMIN_EMAIL belongs to an account without the admin role; it was not promoted. Grant the role as an admin, or choose another ADMIN_EMAIL.');
    }
  }
}

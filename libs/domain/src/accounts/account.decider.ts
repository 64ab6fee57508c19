import {
  canonicalRoles,
  isRole,
  normaliseEmail,
  type AccountEvent,
  type Role,
} from '@tessera/contracts';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';

/**
 * Account: who a user is and what they may do (stream `account-{userId}`).
 *
 * E-mail uniqueness is not decided here: it needs a look across accounts, which the e-mail
 * reservation stream gives (see email-reservation.decider.ts); the handler appends both streams
 * in one atomic append, the reservation with "expected: no stream". Passwords arrive already
 * hashed: hashing is I/O-heavy and random (salt), so it stays outside the domain.
 */
export type Account =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      userId: string;
      email: string;
      displayName: string;
      passwordHash: string;
      roles: Role[];
    };

export type RegisterAccount = {
  type: 'RegisterAccount';
  data: { userId: string; email: string; displayName: string; passwordHash: string; roles: Role[] };
};

export type ChangeRoles = {
  type: 'ChangeRoles';
  data: { roles: readonly string[]; byAdminId: string };
};

/** Sign out of one session: the family's revocation is decided by the refresh family decider. */
export type SignOut = {
  type: 'SignOut';
  data: { familyId: string };
};

export type AccountCommand = RegisterAccount | ChangeRoles | SignOut;

export const initialAccount: Account = { status: 'unregistered' };

export const evolveAccount = (state: Account, event: AccountEvent): Account => {
  switch (event.type) {
    case 'account.registered.v1':
      return { status: 'registered', ...event.data, roles: [...event.data.roles] };
    case 'account.roles-changed.v1':
      return state.status === 'registered' ? { ...state, roles: [...event.data.roles] } : state;
    case 'account.signed-out.v1':
      // Nothing in the account changes: the event only marks the user's older access tokens as ended.
      return state;
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

/** Roles must be a non-empty set of known roles; the answer is in canonical order. */
const validRoles = (roles: readonly string[]): Role[] => {
  const refuse = (message: string): never => {
    throw new DomainError('VALIDATION_FAILED', message, { errors: [{ field: 'roles', message }] });
  };
  if (roles.length === 0) refuse('roles must not be empty');
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length > 0) refuse(`unknown roles: ${unknown.join(', ')}`);
  if (new Set(roles).size !== roles.length) refuse('roles must be unique');
  return canonicalRoles(roles as Role[]);
};

const sameRoles = (a: readonly Role[], b: readonly Role[]): boolean =>
  a.length === b.length && a.every((role) => b.includes(role));

export const decideAccount = (command: AccountCommand, state: Account): AccountEvent[] => {
  switch (command.type) {
    case 'RegisterAccount': {
      // The id is fresh per attempt, so an existing stream means a lost race on this very id:
      // the handler's "expected: no stream" append failed and it re-decided.
      if (state.status === 'registered') {
        throw new DomainError('CONCURRENCY_CONFLICT', 'account already registered', { userId: state.userId });
      }
      const { userId, email, displayName, passwordHash, roles } = command.data;
      return [
        {
          type: 'account.registered.v1',
          data: {
            userId,
            email: normaliseEmail(email),
            displayName: displayName.trim(),
            passwordHash,
            roles: validRoles(roles),
          },
        },
      ];
    }
    case 'ChangeRoles': {
      if (state.status !== 'registered') throw new DomainError('USER_NOT_FOUND', 'no such user');
      const roles = validRoles(command.data.roles);
      if (sameRoles(roles, state.roles)) return [];
      return [{ type: 'account.roles-changed.v1', data: { roles, byAdminId: command.data.byAdminId } }];
    }
    case 'SignOut': {
      if (state.status !== 'registered') throw new DomainError('USER_NOT_FOUND', 'no such user');
      return [{ type: 'account.signed-out.v1', data: { familyId: command.data.familyId } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error('unknown account command');
    }
  }
};

export const accountDecider: Decider<Account, AccountCommand, AccountEvent> = {
  initialState: initialAccount,
  evolve: evolveAccount,
  decide: decideAccount,
};

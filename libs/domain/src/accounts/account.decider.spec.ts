import type { AccountEvent, Role } from '@tessera/contracts';
import { DeciderSpecification } from '../testing/decider-specification';
import { accountDecider, type AccountCommand } from './account.decider';

const spec = DeciderSpecification.for(accountDecider);

const registered = (roles: Role[] = ['user']): AccountEvent => ({
  type: 'account.registered.v1',
  data: { userId: 'u1', email: 'ada@example.com', displayName: 'Ada', passwordHash: '$argon2id$hash', roles },
});
const register = (overrides: Partial<Extract<AccountCommand, { type: 'RegisterAccount' }>['data']> = {}): AccountCommand => ({
  type: 'RegisterAccount',
  data: { userId: 'u1', email: 'ada@example.com', displayName: 'Ada', passwordHash: '$argon2id$hash', roles: ['user'], ...overrides },
});
const changeRoles = (roles: string[]): AccountCommand => ({ type: 'ChangeRoles', data: { roles, byAdminId: 'admin-1' } });
const rolesChanged = (roles: Role[]): AccountEvent => ({ type: 'account.roles-changed.v1', data: { roles, byAdminId: 'admin-1' } });

describe('Account decider', () => {
  describe('RegisterAccount', () => {
    it('registers a new account', () => {
      spec.given([]).when(register()).then([registered()]);
    });

    it('stores the e-mail normalised and the display name trimmed', () => {
      spec
        .given([])
        .when(register({ email: '  Ada@Example.COM ', displayName: '  Ada  ' }))
        .then([registered()]);
    });

    it('stores roles as a canonical set', () => {
      spec.given([]).when(register({ roles: ['admin', 'user'] })).then([registered(['user', 'admin'])]);
    });

    it('refuses an id that is already registered (the e-mail reservation catches real duplicates)', () => {
      spec.given([registered()]).when(register()).thenThrows('CONCURRENCY_CONFLICT');
    });

    it('refuses an account without roles', () => {
      spec.given([]).when(register({ roles: [] })).thenThrows('VALIDATION_FAILED');
    });
  });

  describe('ChangeRoles', () => {
    it('changes the roles of an account', () => {
      spec.given([registered()]).when(changeRoles(['user', 'staff'])).then([rolesChanged(['user', 'staff'])]);
    });

    it('answers roles in canonical order, whatever order they came in', () => {
      spec.given([registered()]).when(changeRoles(['admin', 'staff'])).then([rolesChanged(['staff', 'admin'])]);
    });

    it('decides nothing when the roles are already those (in any order)', () => {
      spec.given([registered(['user', 'staff'])]).when(changeRoles(['staff', 'user'])).thenNothing();
    });

    it('compares with the roles after earlier changes', () => {
      spec.given([registered(), rolesChanged(['admin'])]).when(changeRoles(['admin'])).thenNothing();
      spec.given([registered(), rolesChanged(['admin'])]).when(changeRoles(['user'])).then([rolesChanged(['user'])]);
    });

    it('refuses an unknown account', () => {
      spec.given([]).when(changeRoles(['user'])).thenThrows('USER_NOT_FOUND');
    });

    it('refuses an empty set of roles', () => {
      spec.given([registered()]).when(changeRoles([])).thenThrows('VALIDATION_FAILED', {
        errors: [{ field: 'roles', message: 'roles must not be empty' }],
      });
    });

    it('refuses an unknown role', () => {
      spec.given([registered()]).when(changeRoles(['user', 'root'])).thenThrows('VALIDATION_FAILED', {
        errors: [{ field: 'roles', message: 'unknown roles: root' }],
      });
    });

    it('refuses a repeated role', () => {
      spec.given([registered()]).when(changeRoles(['staff', 'staff'])).thenThrows('VALIDATION_FAILED', {
        errors: [{ field: 'roles', message: 'roles must be unique' }],
      });
    });
  });

  describe('SignOut', () => {
    const signOut: AccountCommand = { type: 'SignOut', data: { familyId: 'f1' } };
    const signedOut: AccountEvent = { type: 'account.signed-out.v1', data: { familyId: 'f1' } };

    it('records the sign-out of a session, every time (each one ends the access tokens issued before it)', () => {
      spec.given([registered()]).when(signOut).then([signedOut]);
      spec.given([registered(), signedOut]).when(signOut).then([signedOut]);
    });

    it('leaves the account as it was: roles still count after a sign-out', () => {
      spec.given([registered(), signedOut]).when(changeRoles(['user'])).thenNothing();
    });

    it('refuses an unknown account', () => {
      spec.given([]).when(signOut).thenThrows('USER_NOT_FOUND');
    });
  });
});

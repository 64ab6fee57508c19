import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ChangeRolesRequest } from './change-roles.request';
import { normaliseEmail } from './email';
import { LoginRequest } from './login.request';
import { LogoutRequest } from './logout.request';
import { RefreshRequest } from './refresh.request';
import { RegisterRequest } from './register.request';
import { canonicalRoles, isRole } from './roles';
import { accountStream, emailStream, refreshFamilyStream } from './streams';

/** As the global ValidationPipe runs it: transform, whitelist, forbid unknown properties. */
const check = <T extends object>(type: ClassConstructor<T>, body: unknown): { value: T; invalid: string[] } => {
  const value = plainToInstance(type, body);
  const errors = validateSync(value, { whitelist: true, forbidNonWhitelisted: true });
  return { value, invalid: errors.map((error) => error.property) };
};

const register = { email: 'ada@example.com', password: 'correct horse battery', displayName: 'Ada' };

describe('RegisterRequest', () => {
  it('accepts a well-formed body and trims the display name and e-mail', () => {
    const { value, invalid } = check(RegisterRequest, { ...register, email: ' Ada@Example.com ', displayName: '  Ada  ' });
    expect(invalid).toEqual([]);
    expect(value).toMatchObject({ email: 'Ada@Example.com', displayName: 'Ada' });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a malformed e-mail', { email: 'ada-at-example.com' }, 'email'],
    ['an e-mail over 254 characters', { email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com` }, 'email'],
    ['a non-string e-mail', { email: ['ada@example.com'] }, 'email'],
    ['a password under 12 characters', { password: 'elevenchars' }, 'password'],
    ['a password over 128 characters', { password: 'p'.repeat(129) }, 'password'],
    ['a numeric password', { password: 123456789012 }, 'password'],
    ['an empty display name', { displayName: '' }, 'displayName'],
    ['a blank display name', { displayName: '    ' }, 'displayName'],
    ['a display name over 80 characters', { displayName: 'x'.repeat(81) }, 'displayName'],
    ['a role', { roles: ['admin'] }, 'roles'],
    ['a user id', { userId: 'u1' }, 'userId'],
  ])('refuses %s', (_name, change, field) => {
    expect(check(RegisterRequest, { ...register, ...change }).invalid).toContain(field);
  });

  it('accepts the limits themselves', () => {
    expect(check(RegisterRequest, { ...register, password: 'p'.repeat(12), displayName: 'x'.repeat(80) }).invalid).toEqual([]);
    expect(check(RegisterRequest, { ...register, password: 'p'.repeat(128), displayName: 'x' }).invalid).toEqual([]);
  });
});

describe('LoginRequest', () => {
  it('accepts any non-empty e-mail and password, so a bad pair answers 401 and not 400', () => {
    expect(check(LoginRequest, { email: 'not-an-email', password: 'short' }).invalid).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['a missing password', { email: 'ada@example.com' }],
    ['an empty e-mail', { email: '', password: 'x' }],
    ['an extra field', { email: 'ada@example.com', password: 'x', roles: ['admin'] }],
  ])('refuses %s', (_name, body) => {
    expect(check(LoginRequest, body).invalid).not.toEqual([]);
  });
});

describe.each([RefreshRequest, LogoutRequest])('%p', (type) => {
  it('accepts a refresh token string', () => {
    expect(check(type, { refreshToken: 'anything-the-token-service-judges' }).invalid).toEqual([]);
  });

  // Empty and over-long strings pass the shape check: the token service answers them with 401.
  it.each(['', 'x'.repeat(2000)])('leaves the judgement of %j to the token service', (refreshToken) => {
    expect(check(type, { refreshToken }).invalid).toEqual([]);
  });

  // Absent, the token is the cookie: the controller refuses a body without a token unless the
  // request passes the CSRF guard (apps/command-api/src/accounts/refresh-cookie.e2e-spec.ts).
  it('accepts an empty body, for the cookie', () => {
    expect(check(type, {}).invalid).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['a non-string token', { refreshToken: { familyId: 'f' } }],
    ['an extra field', { refreshToken: 'x', userId: 'u1' }],
  ])('refuses %s', (_name, body) => {
    expect(check(type, body).invalid).not.toEqual([]);
  });
});

describe('ChangeRolesRequest', () => {
  it('accepts a set of known roles', () => {
    expect(check(ChangeRolesRequest, { roles: ['user', 'staff', 'admin'] }).invalid).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['an empty list', { roles: [] }],
    ['an unknown role', { roles: ['user', 'root'] }],
    ['a repeated role', { roles: ['staff', 'staff'] }],
    ['a string instead of a list', { roles: 'admin' }],
    ['no roles', {}],
  ])('refuses %s', (_name, body) => {
    expect(check(ChangeRolesRequest, body).invalid).toEqual(['roles']);
  });
});

describe('normaliseEmail', () => {
  it('trims and lowercases', () => {
    expect(normaliseEmail('  Ada.Lovelace@Example.COM\n')).toBe('ada.lovelace@example.com');
  });

  it('treats composed and decomposed accents as one address', () => {
    expect(normaliseEmail('rene\u0301@example.com')).toBe(normaliseEmail('ren\u00e9@example.com'));
  });

  it('is idempotent', () => {
    const once = normaliseEmail(' Ada@Example.COM');
    expect(normaliseEmail(once)).toBe(once);
  });
});

describe('roles', () => {
  it('knows user, staff and admin only', () => {
    expect(['user', 'staff', 'admin'].every(isRole)).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });

  it('puts a set of roles in one canonical order', () => {
    expect(canonicalRoles(['admin', 'user', 'admin'])).toEqual(['user', 'admin']);
  });
});

describe('stream names', () => {
  it('name the accounts streams', () => {
    expect(accountStream('u1')).toBe('account-u1');
    expect(refreshFamilyStream('f1')).toBe('refresh-family-f1');
    expect(emailStream('a'.repeat(64))).toBe(`email-${'a'.repeat(64)}`);
  });

  it('refuse to name an e-mail stream after anything but a SHA-256 hex', () => {
    expect(() => emailStream('ada@example.com')).toThrow(/SHA-256/);
    expect(() => emailStream('A'.repeat(64))).toThrow(/SHA-256/);
  });
});

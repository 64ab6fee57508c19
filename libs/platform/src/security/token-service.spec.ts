// The module object itself (a default import), so a spy on it is what token-service.ts calls.
import nodeCrypto from 'node:crypto';
import { createHmac, generateKeyPairSync, sign as rsaSign, webcrypto } from 'node:crypto';
import { DomainError } from '@tessera/domain';
import { SignJWT } from 'jose';
import { Clock } from '../time/clock';
import { keyIdOf } from './key-ring';
import { hashRefreshToken } from './refresh-token';
import { ACCESS_TOKEN_TTL_SECONDS, createTokenService, TokenService } from './token-service';

class FixedClock extends Clock {
  constructor(public current: Date) {
    super();
  }
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

const secretText = 'a-test-secret-that-is-long-enough-0123456789';
const secret = Buffer.from(secretText);
const t0 = new Date('2030-01-01T10:00:00.000Z');
const seconds = (date: Date): number => Math.floor(date.getTime() / 1000);

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const decodePart = (token: string, index: 0 | 1): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8'));

/** An HS256 token over arbitrary header and claims, signed with `key`: for crafting forgeries. */
const handSigned = (header: object, claims: object, key: Buffer = secret): string => {
  const input = `${base64url(header)}.${base64url(claims)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
};

const validClaims = (now: Date) => ({
  iss: 'tessera',
  aud: 'tessera-api',
  sub: 'user-1',
  jti: 'jti-1',
  roles: ['user'],
  iat: seconds(now),
  nbf: seconds(now),
  exp: seconds(now) + 900,
});

const expectUnauthenticated = async (promise: Promise<unknown>): Promise<void> => {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe('UNAUTHENTICATED');
};

describe('TokenService access tokens', () => {
  let clock: FixedClock;
  let tokens: TokenService;

  beforeEach(() => {
    clock = new FixedClock(t0);
    tokens = new TokenService({ secret, issuer: 'tessera', audience: 'tessera-api', clock });
  });

  it('issues a 15-minute HS256 at+jwt that verifies to its subject and roles', async () => {
    const issued = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user', 'staff'] });

    expect(issued.expiresIn).toBe(ACCESS_TOKEN_TTL_SECONDS);
    expect(decodePart(issued.accessToken, 0)).toEqual({ alg: 'HS256', typ: 'at+jwt', kid: keyIdOf('access-token', secret) });
    const claims = decodePart(issued.accessToken, 1);
    expect(claims).toMatchObject({ iss: 'tessera', aud: 'tessera-api', sub: 'user-1', roles: ['user', 'staff'], jti: issued.tokenId });
    expect(claims.exp).toBe(seconds(t0) + 15 * 60);

    await expect(tokens.verifyAccessToken(issued.accessToken)).resolves.toEqual({
      userId: 'user-1',
      roles: ['user', 'staff'],
      tokenId: issued.tokenId,
      expiresAt: new Date(t0.getTime() + 15 * 60 * 1000),
      epoch: 0,
    });
  });

  it('carries the token epoch it was issued with, and refuses a token whose epoch is not a count', async () => {
    const issued = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user'], epoch: 7 });
    expect(decodePart(issued.accessToken, 1)).toMatchObject({ epoch: 7 });
    await expect(tokens.verifyAccessToken(issued.accessToken)).resolves.toMatchObject({ epoch: 7 });
    for (const epoch of [-1, 1.5, '3']) {
      const forged = await new SignJWT({ roles: ['user'], epoch })
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
        .setIssuer('tessera')
        .setAudience('tessera-api')
        .setSubject('user-1')
        .setJti(crypto.randomUUID())
        .setIssuedAt(seconds(t0))
        .setExpirationTime(seconds(t0) + 60)
        .sign(secret);
      await expect(tokens.verifyAccessToken(forged)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    }
  });

  it('gives every token its own jti', async () => {
    const a = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user'] });
    const b = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user'] });
    expect(a.tokenId).not.toBe(b.tokenId);
  });

  it('accepts a token within 5 s of its expiry and refuses it after', async () => {
    const { accessToken } = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user'] });
    clock.advance((15 * 60 + 4) * 1000);
    await expect(tokens.verifyAccessToken(accessToken)).resolves.toMatchObject({ userId: 'user-1' });
    clock.advance(2 * 1000);
    await expectUnauthenticated(tokens.verifyAccessToken(accessToken));
  });

  it('answers a token it verified before without sharing the principal, still checking expiry', async () => {
    const { accessToken } = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user'] });
    const first = await tokens.verifyAccessToken(accessToken);
    first.roles.push('admin');
    await expect(tokens.verifyAccessToken(accessToken)).resolves.toMatchObject({ roles: ['user'] });
    clock.advance((15 * 60 + 6) * 1000);
    await expectUnauthenticated(tokens.verifyAccessToken(accessToken));
  });

  it('imports its key once, not on every signature and verification (the cost of a flash sale\'s sign-ins and first requests)', async () => {
    const issued = await Promise.all(Array.from({ length: 5 }, (_, i) => tokens.issueAccessToken({ userId: `user-${i}`, roles: ['user'] })));
    const importKey = jest.spyOn(webcrypto.subtle, 'importKey');
    try {
      // Fresh tokens (none verified before by this service), and new ones signed meanwhile.
      const fresh = new TokenService({ secret, issuer: 'tessera', audience: 'tessera-api', clock });
      await fresh.verifyAccessToken(issued[0].accessToken); // the key's import happens by now
      importKey.mockClear();
      for (const { accessToken } of issued.slice(1)) await expect(fresh.verifyAccessToken(accessToken)).resolves.toMatchObject({ roles: ['user'] });
      await fresh.issueAccessToken({ userId: 'user-9', roles: ['user'] });
      expect(importKey).not.toHaveBeenCalled();
    } finally {
      importKey.mockRestore();
    }
  });

  it('still knows a fan\'s token after 20,000 other fans\' tokens (a flash sale\'s room polling): no second signature check', async () => {
    const fan = (n: number) => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), sub: `fan-${n}`, jti: `jti-${n}` });
    await tokens.verifyAccessToken(fan(0));
    for (let n = 1; n <= 20_000; n++) await tokens.verifyAccessToken(fan(n));
    const [known, unknown] = [fan(0), fan(20_001)];
    const hmac = jest.spyOn(nodeCrypto, 'createHmac');
    try {
      await expect(tokens.verifyAccessToken(known)).resolves.toMatchObject({ userId: 'fan-0' });
      expect(hmac).not.toHaveBeenCalled();
      await tokens.verifyAccessToken(unknown); // the spy sees a check that is not cached
      expect(hmac).toHaveBeenCalledTimes(1);
    } finally {
      hmac.mockRestore();
    }
  }, 60_000);

  it('refuses a token that is not yet valid beyond the clock tolerance', async () => {
    const { accessToken } = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user'] });
    clock.advance(-6 * 1000);
    await expectUnauthenticated(tokens.verifyAccessToken(accessToken));
  });

  it('accepts the hand-made reference token, so the forgeries below fail for their one defect', async () => {
    const token = handSigned({ alg: 'HS256', typ: 'at+jwt' }, validClaims(t0));
    await expect(tokens.verifyAccessToken(token)).resolves.toMatchObject({ userId: 'user-1', roles: ['user'] });
  });

  const forgeries: [string, () => Promise<string> | string][] = [
    ['alg none', () => `${base64url({ alg: 'none', typ: 'at+jwt' })}.${base64url(validClaims(t0))}.`],
    ['alg none with a signature', () => `${base64url({ alg: 'none', typ: 'at+jwt' })}.${base64url(validClaims(t0))}.c2ln`],
    ['a wrong key', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, validClaims(t0), Buffer.from('another-secret-that-is-long-enough-9876543210'))],
    ['another HMAC algorithm with the right key', () =>
      new SignJWT(validClaims(t0)).setProtectedHeader({ alg: 'HS512', typ: 'at+jwt' }).sign(secret)],
    ['a wrong audience', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), aud: 'someone-else' })],
    ['a wrong issuer', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), iss: 'evil' })],
    ['typ JWT instead of at+jwt', () => handSigned({ alg: 'HS256', typ: 'JWT' }, validClaims(t0))],
    ['no typ', () => handSigned({ alg: 'HS256' }, validClaims(t0))],
    ['an expired token', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), exp: seconds(t0) - 6 })],
    ['no exp', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), exp: undefined })],
    ['no sub', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), sub: undefined })],
    ['no jti', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), jti: undefined })],
    ['an unknown role', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), roles: ['root'] })],
    ['roles that are not a list', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), roles: 'admin' })],
    ['no roles', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), roles: [] })],
    ['garbage', () => 'not.a.jwt'],
    ['an empty string', () => ''],
  ];

  it.each(forgeries)('refuses %s', async (_name, forge) => {
    await expectUnauthenticated(tokens.verifyAccessToken(await forge()));
  });

  it('refuses a genuine token whose payload was altered (roles raised to admin)', async () => {
    const { accessToken } = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user'] });
    const [header, payload, signature] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const altered = `${header}.${base64url({ ...claims, roles: ['admin'] })}.${signature}`;
    await expectUnauthenticated(tokens.verifyAccessToken(altered));
  });

  it('refuses a genuine token whose header was switched to alg none', async () => {
    const { accessToken } = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user'] });
    const [, payload] = accessToken.split('.');
    await expectUnauthenticated(tokens.verifyAccessToken(`${base64url({ alg: 'none', typ: 'at+jwt' })}.${payload}.`));
  });

  it('verifies the signature with a synchronous node:crypto HMAC, not WebCrypto\'s asynchronous job (a flash sale\'s joins spent 15% of their CPU there)', async () => {
    const verify = jest.spyOn(webcrypto.subtle, 'verify');
    const hmac = jest.spyOn(nodeCrypto, 'createHmac');
    try {
      const { accessToken } = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user'] });
      await expect(tokens.verifyAccessToken(accessToken)).resolves.toMatchObject({ userId: 'user-1' });
      expect(verify).not.toHaveBeenCalled();
      expect(hmac).toHaveBeenCalledWith('sha256', expect.anything());
    } finally {
      verify.mockRestore();
      hmac.mockRestore();
    }
  });

  describe('what jose checked, checked as strictly', () => {
    const reference = (): string => handSigned({ alg: 'HS256', typ: 'at+jwt' }, validClaims(t0));
    const flip = (part: string, at: number): string => {
      const bytes = Buffer.from(part, 'base64url');
      bytes[at] ^= 0x01;
      return bytes.toString('base64url');
    };
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsaSigned = (header: object, claims: object): string => {
      const input = `${base64url(header)}.${base64url(claims)}`;
      return `${input}.${rsaSign('sha256', Buffer.from(input), rsa.privateKey).toString('base64url')}`;
    };

    const refused: [string, () => string][] = [
      ['a forged signature (one bit of the HMAC flipped)', () => {
        const [h, p, sig] = reference().split('.');
        return `${h}.${p}.${flip(sig, 31)}`;
      }],
      ['a signature over other claims (the HMAC of another token, same key)', () => {
        const [h, p] = reference().split('.');
        const [, , sig] = handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), sub: 'user-2' }).split('.');
        return `${h}.${p}.${sig}`;
      }],
      ['alg RS256, signed with an RSA key', () => rsaSigned({ alg: 'RS256', typ: 'at+jwt' }, validClaims(t0))],
      ['alg RS256 over an HMAC with the right secret (algorithm confusion)', () => handSigned({ alg: 'RS256', typ: 'at+jwt' }, validClaims(t0))],
      ['alg hs256 (not exactly HS256)', () => handSigned({ alg: 'hs256', typ: 'at+jwt' }, validClaims(t0))],
      ['no alg', () => handSigned({ typ: 'at+jwt' }, validClaims(t0))],
      ['alg none, no signature, as two parts', () => `${base64url({ alg: 'none', typ: 'at+jwt' })}.${base64url(validClaims(t0))}`],
      ['a crit header (no extension is understood)', () => handSigned({ alg: 'HS256', typ: 'at+jwt', crit: ['exp'], exp: 1 }, validClaims(t0))],
      ['an unencoded payload (b64 false)', () => handSigned({ alg: 'HS256', typ: 'at+jwt', crit: ['b64'], b64: false }, validClaims(t0))],
      ['a truncated signature', () => reference().slice(0, -1)],
      ['the signature cut off', () => reference().split('.').slice(0, 2).join('.') + '.'],
      ['the payload and signature cut off', () => reference().split('.')[0]],
      ['a signature with a byte more', () => `${reference()}AA`],
      ['four parts', () => `${reference()}.e30`],
      ['a payload that is not base64url', () => {
        const [h, , sig] = reference().split('.');
        return `${h}.e30*.${sig}`;
      }],
      ['a header that is a JSON array', () => handSigned(['HS256'], validClaims(t0))],
      ['claims that are a JSON array, signed', () => {
        const input = `${base64url({ alg: 'HS256', typ: 'at+jwt' })}.${base64url([validClaims(t0)])}`;
        return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
      }],
      ['claims that are not JSON, signed', () => {
        const input = `${base64url({ alg: 'HS256', typ: 'at+jwt' })}.${Buffer.from('{"sub":').toString('base64url')}`;
        return `${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`;
      }],
      ['expired beyond the 5 s tolerance', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), exp: seconds(t0) - 5 })],
      ['not yet valid beyond the 5 s tolerance (nbf)', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), nbf: seconds(t0) + 6 })],
      ['an nbf that is not a number', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), nbf: String(seconds(t0)) })],
      ['an exp that is not a number', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), exp: String(seconds(t0) + 900) })],
      ['an iat that is not a number', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), iat: 'now' })],
      ['no iat', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), iat: undefined })],
      ['no iss', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), iss: undefined })],
      ['no aud', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), aud: undefined })],
      ['an aud list without the audience', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), aud: ['someone-else'] })],
      ['a typ that is not a string', () => handSigned({ alg: 'HS256', typ: ['at+jwt'] }, validClaims(t0))],
      ['the stream token typ', () => handSigned({ alg: 'HS256', typ: 'stream+jwt' }, validClaims(t0))],
    ];

    it.each(refused)('refuses %s', async (_name, forge) => {
      await expectUnauthenticated(tokens.verifyAccessToken(forge()));
    });

    const accepted: [string, () => string][] = [
      ['expiring within the 5 s tolerance', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), exp: seconds(t0) - 4 })],
      ['valid from within the 5 s tolerance (nbf)', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), nbf: seconds(t0) + 5 })],
      ['without nbf', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), nbf: undefined })],
      ['typ application/at+jwt, in capitals (RFC 7515 §4.1.9, as jose compares it)', () => handSigned({ alg: 'HS256', typ: 'application/AT+JWT' }, validClaims(t0))],
      ['an aud list holding the audience', () => handSigned({ alg: 'HS256', typ: 'at+jwt' }, { ...validClaims(t0), aud: ['other', 'tessera-api'] })],
    ];

    it.each(accepted)('accepts a token %s, as jose did', async (_name, make) => {
      await expect(tokens.verifyAccessToken(make())).resolves.toMatchObject({ userId: 'user-1' });
    });
  });

  it('refuses a token from a service with another secret', async () => {
    const other = new TokenService({ secret: Buffer.from('x'.repeat(32)), issuer: 'tessera', audience: 'tessera-api', clock });
    const { accessToken } = await other.issueAccessToken({ userId: 'user-1', roles: ['admin'] });
    await expectUnauthenticated(tokens.verifyAccessToken(accessToken));
  });

  it('never accepts a refresh token as an access token', async () => {
    const { token } = tokens.issueRefreshToken();
    await expectUnauthenticated(tokens.verifyAccessToken(token));
  });

  it('never parses an access token as a refresh token', async () => {
    const { accessToken } = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user'] });
    expect(tokens.parseRefreshToken(accessToken)).toBeNull();
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => new TokenService({ secret: Buffer.alloc(31, 1), issuer: 'tessera', audience: 'tessera-api' })).toThrow(/32 bytes/);
  });
});

describe('TokenService secret rotation', () => {
  const oldSecret = secret;
  const newSecret = Buffer.from('the-next-secret-that-is-long-enough-987654321');
  const clock = new FixedClock(t0);
  const service = (signing: Buffer, verifying: Buffer[] = []) =>
    new TokenService({ secret: signing, verificationSecrets: verifying, issuer: 'tessera', audience: 'tessera-api', clock });

  it('accepts the old secret\'s tokens while it is listed, and signs new ones with the new secret', async () => {
    const { accessToken } = await service(oldSecret).issueAccessToken({ userId: 'user-1', roles: ['user'] });
    const rotating = service(newSecret, [oldSecret]);
    await expect(rotating.verifyAccessToken(accessToken)).resolves.toMatchObject({ userId: 'user-1' });
    const fresh = await rotating.issueAccessToken({ userId: 'user-2', roles: ['user'] });
    expect(decodePart(fresh.accessToken, 0).kid).toBe(keyIdOf('access-token', newSecret));
    await expect(service(newSecret).verifyAccessToken(fresh.accessToken)).resolves.toMatchObject({ userId: 'user-2' });
  });

  it('refuses the tokens of a secret once it is removed', async () => {
    const { accessToken } = await service(oldSecret).issueAccessToken({ userId: 'user-1', roles: ['user'] });
    await expectUnauthenticated(service(newSecret).verifyAccessToken(accessToken));
  });

  it('tries a token without a kid (issued before key ids) against every secret, and refuses one naming an unknown kid', async () => {
    const legacy = handSigned({ alg: 'HS256', typ: 'at+jwt' }, validClaims(t0), oldSecret);
    await expect(service(newSecret, [oldSecret]).verifyAccessToken(legacy)).resolves.toMatchObject({ userId: 'user-1' });
    await expectUnauthenticated(service(newSecret).verifyAccessToken(legacy));
    const unknown = handSigned({ alg: 'HS256', typ: 'at+jwt', kid: 'nobody00' }, validClaims(t0), oldSecret);
    await expectUnauthenticated(service(newSecret, [oldSecret]).verifyAccessToken(unknown));
  });

  it('refuses a verification secret shorter than 32 bytes', () => {
    expect(() => service(newSecret, [Buffer.from('short')])).toThrow(/at least 32 bytes/);
  });
});

describe('TokenService refresh tokens', () => {
  it('mints a token for a new family that parses back to its family and stored hash, expiring after the refresh lifetime', () => {
    const clock = new FixedClock(t0);
    const tokens = new TokenService({ secret, issuer: 'tessera', audience: 'tessera-api', clock, refreshTokenTtlSeconds: 3600 });
    const issued = tokens.issueRefreshToken();

    expect(issued.expiresAt).toBe('2030-01-01T11:00:00.000Z');
    expect(issued.tokenHash).toBe(hashRefreshToken(issued.token));
    expect(tokens.parseRefreshToken(issued.token)).toEqual({ familyId: issued.familyId, tokenHash: issued.tokenHash });

    const next = tokens.issueRefreshToken(issued.familyId);
    expect(next.familyId).toBe(issued.familyId);
    expect(next.token).not.toBe(issued.token);
  });
});

describe('createTokenService', () => {
  const quietLogger = () => ({ warn: jest.fn<void, [string]>() });

  it('refuses to start in production without a secret', () => {
    const logger = quietLogger();
    expect(() => createTokenService({ production: true, logger })).toThrow(/JWT_SECRET must be set in production/);
    expect(() => createTokenService({ secret: '', production: true, logger })).toThrow(/JWT_SECRET/);
  });

  it('generates a development key, says so, and never logs it', async () => {
    const logger = quietLogger();
    const tokens = createTokenService({ production: false, logger });

    expect(logger.warn).toHaveBeenCalledTimes(1);
    const [message] = logger.warn.mock.calls[0];
    expect(message).toMatch(/generated a random development signing key/);
    const { accessToken } = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user'] });
    await expect(tokens.verifyAccessToken(accessToken)).resolves.toMatchObject({ userId: 'user-1' });
    // The generated key is not in the message in any common spelling (hex, base64, base64url).
    expect(message).not.toMatch(/[A-Za-z0-9+/_-]{40,}/);

    const other = createTokenService({ production: false, logger });
    await expectUnauthenticated(other.verifyAccessToken(accessToken));
  });

  it('uses the configured secret without a warning, so two processes share tokens', async () => {
    const logger = quietLogger();
    const a = createTokenService({ secret: secretText, production: true, logger });
    const b = createTokenService({ secret: secretText, production: true, logger });
    const { accessToken } = await a.issueAccessToken({ userId: 'user-1', roles: ['admin'] });
    await expect(b.verifyAccessToken(accessToken)).resolves.toMatchObject({ userId: 'user-1', roles: ['admin'] });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('refuses a configured secret shorter than 32 bytes', () => {
    expect(() => createTokenService({ secret: 'short', production: false, logger: quietLogger() })).toThrow(/32 bytes/);
  });

  it('checks the configured issuer and audience', async () => {
    const logger = quietLogger();
    const ours = createTokenService({ secret: secretText, production: true, logger, issuer: 'a', audience: 'x' });
    const theirs = createTokenService({ secret: secretText, production: true, logger, issuer: 'b', audience: 'x' });
    const { accessToken } = await theirs.issueAccessToken({ userId: 'user-1', roles: ['user'] });
    await expectUnauthenticated(ours.verifyAccessToken(accessToken));
  });
});

describe('TokenService stream tokens', () => {
  let clock: FixedClock;
  let tokens: TokenService;

  beforeEach(() => {
    clock = new FixedClock(t0);
    tokens = new TokenService({ secret, issuer: 'tessera', audience: 'tessera-api', clock });
  });

  it('verify to their user, roles and epoch until they expire', async () => {
    const issued = await tokens.issueStreamToken({ userId: 'user-1', roles: ['staff'], epoch: 3 }, 60);
    expect(issued.expiresIn).toBe(60);
    expect(await tokens.verifyStreamToken(issued.accessToken)).toEqual(expect.objectContaining({ userId: 'user-1', roles: ['staff'], epoch: 3, tokenId: issued.tokenId }));
    clock.advance((60 + 6) * 1000);
    await expectUnauthenticated(tokens.verifyStreamToken(issued.accessToken));
  });

  it('are never taken for access tokens, nor access tokens for them', async () => {
    const stream = await tokens.issueStreamToken({ userId: 'user-1', roles: ['user'] }, 60);
    const access = await tokens.issueAccessToken({ userId: 'user-1', roles: ['user'] });
    await expectUnauthenticated(tokens.verifyAccessToken(stream.accessToken));
    await expectUnauthenticated(tokens.verifyStreamToken(access.accessToken));
  });
});

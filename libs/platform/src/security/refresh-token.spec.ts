import { createHash } from 'node:crypto';
import { hashRefreshToken, mintRefreshToken, parseRefreshToken } from './refresh-token';

describe('refresh tokens', () => {
  it('are {familyId}.{43 base64url chars} carrying 256 random bits, stored as the SHA-256 of the whole string', () => {
    const minted = mintRefreshToken();
    const [familyId, secret] = minted.token.split('.');

    expect(familyId).toBe(minted.familyId);
    expect(familyId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Buffer.from(secret, 'base64url')).toHaveLength(32);
    expect(minted.tokenHash).toBe(createHash('sha256').update(minted.token).digest('hex'));
    expect(hashRefreshToken(minted.token)).toBe(minted.tokenHash);
  });

  it('never repeat, within a family or across families', () => {
    const family = mintRefreshToken();
    const tokens = new Set([family.token, ...Array.from({ length: 50 }, () => mintRefreshToken(family.familyId).token)]);
    expect(tokens.size).toBe(51);
    expect(mintRefreshToken().familyId).not.toBe(family.familyId);
  });

  it('refuse to mint for a family id that could not be parsed back', () => {
    expect(() => mintRefreshToken('family-1')).toThrow(/UUID/);
    expect(() => mintRefreshToken('0B1B2C3D-0000-4000-8000-000000000000')).toThrow(/UUID/);
  });

  it('parse back to their family and hash', () => {
    const minted = mintRefreshToken();
    expect(parseRefreshToken(minted.token)).toEqual({ familyId: minted.familyId, tokenHash: minted.tokenHash });
  });

  const good = mintRefreshToken().token;
  const [goodFamily, goodSecret] = good.split('.');
  it.each<[string, unknown]>([
    ['a non-string', 42],
    ['null', null],
    ['an empty string', ''],
    ['a missing secret', `${goodFamily}.`],
    ['a missing family', `.${goodSecret}`],
    ['no separator', `${goodFamily}${goodSecret}`],
    ['an upper-case family id', `${goodFamily.toUpperCase()}.${goodSecret}`],
    ['a short secret', `${goodFamily}.${goodSecret.slice(1)}`],
    ['a long secret', `${goodFamily}.${goodSecret}A`],
    ['base64 padding', `${goodFamily}.${goodSecret}=`],
    ['standard base64 characters', `${goodFamily}.+${goodSecret.slice(1)}`],
    ['a non-canonical last character', `${goodFamily}.${goodSecret.slice(0, 42)}${goodSecret.endsWith('B') ? 'C' : 'B'}`],
    ['surrounding whitespace', ` ${good} `],
    ['a trailing newline', `${good}\n`],
    ['a JWT-shaped string', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl'],
  ])('refuse %s', (_name, token) => {
    expect(parseRefreshToken(token)).toBeNull();
  });
});

import { createHash, randomBytes, randomUUID } from 'node:crypto';

/**
 * Refresh tokens are opaque `{familyId}.{secret}` strings, not JWTs: nothing that verifies access
 * tokens can accept one, and they mean nothing without the family stream. The secret is 256
 * random bits; only its SHA-256 is stored, so a leaked event log does not leak live tokens
 * (a fast hash suffices: the input has full entropy, unlike a password).
 */
const FAMILY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const REFRESH_TOKEN = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.([A-Za-z0-9_-]{43})$/;
const SECRET_BYTES = 32;

export interface ParsedRefreshToken {
  familyId: string;
  tokenHash: string;
}

export interface MintedRefreshToken extends ParsedRefreshToken {
  /** Give this to the client once; it is never stored. */
  token: string;
}

/** SHA-256 hex of the whole token string: what the family stream stores. */
export const hashRefreshToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

/** A new token for `familyId`, or for a new family (a fresh UUID) when none is given. */
export const mintRefreshToken = (familyId: string = randomUUID()): MintedRefreshToken => {
  if (!FAMILY_ID.test(familyId)) throw new Error('a refresh family id is a lowercase UUID');
  const token = `${familyId}.${randomBytes(SECRET_BYTES).toString('base64url')}`;
  return { familyId, token, tokenHash: hashRefreshToken(token) };
};

/**
 * The family and hash of a presented token, or null when it is not exactly the shape we mint
 * (an access JWT, padding, a non-canonical base64url tail, anything longer): all answer 401.
 */
export const parseRefreshToken = (token: unknown): ParsedRefreshToken | null => {
  if (typeof token !== 'string' || token.length > 80) return null;
  const match = REFRESH_TOKEN.exec(token);
  if (!match) return null;
  const secret = Buffer.from(match[2], 'base64url');
  if (secret.length !== SECRET_BYTES || secret.toString('base64url') !== match[2]) return null;
  return { familyId: match[1], tokenHash: hashRefreshToken(token) };
};

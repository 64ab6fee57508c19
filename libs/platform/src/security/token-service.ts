import { createHmac, createSecretKey, randomBytes, randomUUID, timingSafeEqual, webcrypto, type KeyObject } from 'node:crypto';
import { isRole, type Role } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { SignJWT } from 'jose';
import { SystemClock, type Clock } from '../time/clock';
import { KeyRing, keysFromList } from './key-ring';
import { mintRefreshToken, parseRefreshToken, type MintedRefreshToken, type ParsedRefreshToken } from './refresh-token';

/**
 * Access and refresh tokens.
 *
 * Access tokens are JWTs signed with HS256 and a secret of at least 32 bytes (RFC 7518 §3.2):
 * every app that verifies them is ours and already shares its configuration, so one symmetric
 * secret is the simplest key to distribute and rotate; EdDSA would only pay off once a third
 * party verifies our tokens. The algorithm is pinned on verification (no `none`, no HS/RS
 * confusion), the header carries `typ: at+jwt` (RFC 9068) and issuer, audience, expiry and
 * not-before are all checked with at most 5 s of clock skew.
 *
 * Refresh tokens are opaque strings (see refresh-token.ts), so neither kind of token can ever be
 * accepted as the other.
 *
 * The secret rotates without signing anyone out: tokens carry the key id (`kid`) of the secret
 * that signed them, new ones are signed with JWT_SECRET, and JWT_VERIFICATION_SECRETS lists older
 * secrets still accepted until the tokens they signed have expired (15 minutes). A token without
 * a `kid` (issued before key ids) is tried against every secret.
 *
 * jose signs; verification is `verifyHs256` below, synchronous node:crypto (an HMAC and a
 * constant-time compare) with jose's header and claim checks: WebCrypto's verify is an
 * asynchronous job that cost a flash sale's joins about 15% of their CPU (bench/RESULTS.md).
 */
export const ACCESS_TOKEN_ALGORITHM = 'HS256';
export const ACCESS_TOKEN_TYPE = 'at+jwt';
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
/**
 * Stream tokens (GET /api/notifications/stream?token=…, for the browser's EventSource, which
 * cannot send headers): JWTs signed with the same key but of their own type and audience, so
 * neither kind of token is ever accepted as the other. Their single use is the notifier's to
 * enforce (it records each spent token id).
 */
export const STREAM_TOKEN_TYPE = 'stream+jwt';
export const REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 60 * 60;
export const CLOCK_TOLERANCE_SECONDS = 5;
export const MIN_SECRET_BYTES = 32;

export interface TokenServiceOptions {
  /** The HMAC secret, at least 32 bytes: it signs. */
  secret: Uint8Array;
  /** Older secrets whose tokens are still accepted (a rotation in progress). */
  verificationSecrets?: readonly Uint8Array[];
  issuer: string;
  audience: string;
  clock?: Clock;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
}

export interface IssuedAccessToken {
  accessToken: string;
  /** Seconds, as the token response's `expiresIn`. */
  expiresIn: number;
  tokenId: string;
}

/** Who the bearer of a verified access token is. */
export interface AccessPrincipal {
  userId: string;
  roles: Role[];
  tokenId: string;
  expiresAt: Date;
  /** The user's token epoch when it was issued (see auth/token-epochs.ts); 0 when the token has none. */
  epoch: number;
}

export interface IssuedRefreshToken extends MintedRefreshToken {
  /** ISO 8601 UTC, for the family's `expiresAt`. */
  expiresAt: string;
}

const unauthenticated = (): DomainError => new DomainError('UNAUTHENTICATED', 'a valid access token is required');

type Claims = Record<string, unknown>;

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** An HMAC-SHA256 is 32 bytes: 43 base64url characters, unpadded. */
const HS256_SIGNATURE = /^[A-Za-z0-9_-]{43}$/;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

const isPlainObject = (value: unknown): value is Claims => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A base64url JSON object, or undefined (bad encoding, bad UTF-8, bad JSON, not an object). */
const decodeJsonPart = (part: string): Claims | undefined => {
  if (!BASE64URL.test(part)) return undefined;
  try {
    const value: unknown = JSON.parse(strictUtf8.decode(Buffer.from(part, 'base64url')));
    return isPlainObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
};

/** jose's comparison of `typ`: case-insensitive, `application/` implied (RFC 7515 §4.1.9). */
const normalizeTyp = (value: string): string => {
  const lower = value.toLowerCase();
  return value.includes('/') ? lower : `application/${lower}`;
};

interface Hs256Expectations {
  typ: string;
  issuer: string;
  audience: string;
  /** Claims that must be present (iss and aud always are). */
  requiredClaims: readonly string[];
  clockToleranceSeconds: number;
  now: Date;
}

/**
 * A compact HS256 JWT, verified synchronously: the checks of jose's `jwtVerify` with
 * `algorithms: ['HS256']`, `typ`, `issuer`, `audience`, `requiredClaims`, `clockTolerance` and
 * `currentDate`, on node:crypto. Three parts; a protected header that is a JSON object with
 * `alg` exactly HS256 (no `none`, no other HMAC, no RS/HS confusion: the key is only ever an
 * HMAC secret), no `crit` (this verifier understands no extension; jose refuses unknown ones and
 * unencoded payloads in JWTs) and the expected `typ`; a 32-byte signature equal, in constant
 * time, to the HMAC of one of `keys` over the first two parts; claims that are a JSON object
 * with the required claims, `iss` equal to the issuer, `aud` the audience or a list holding it,
 * numeric `iat`, `nbf` not after now + tolerance, `exp` after now - tolerance. Returns the
 * claims, or undefined for any failure (the caller answers UNAUTHENTICATED, telling nothing).
 */
const verifyHs256 = (token: string, keysOf: (header: Claims) => readonly KeyObject[], expect: Hs256Expectations): Claims | undefined => {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const [encodedHeader, encodedClaims, encodedSignature] = parts;
  const header = decodeJsonPart(encodedHeader);
  if (!header || header.alg !== ACCESS_TOKEN_ALGORITHM || header.crit !== undefined) return undefined;
  if (typeof header.typ !== 'string' || normalizeTyp(header.typ) !== normalizeTyp(expect.typ)) return undefined;
  if (!HS256_SIGNATURE.test(encodedSignature) || !BASE64URL.test(encodedClaims)) return undefined;
  const signature = Buffer.from(encodedSignature, 'base64url');
  const signingInput = `${encodedHeader}.${encodedClaims}`;
  let signed = false;
  for (const key of keysOf(header)) {
    const expected = createHmac('sha256', key).update(signingInput, 'ascii').digest();
    if (expected.length === signature.length && timingSafeEqual(expected, signature)) {
      signed = true;
      break;
    }
  }
  if (!signed) return undefined;
  const claims = decodeJsonPart(encodedClaims);
  if (!claims) return undefined;
  for (const claim of [...expect.requiredClaims, 'iss', 'aud']) if (!Object.hasOwn(claims, claim)) return undefined;
  if (claims.iss !== expect.issuer) return undefined;
  const { aud } = claims;
  if (!(typeof aud === 'string' ? aud === expect.audience : Array.isArray(aud) && aud.includes(expect.audience))) return undefined;
  const now = Math.floor(expect.now.getTime() / 1000);
  const tolerance = expect.clockToleranceSeconds;
  const { iat, nbf, exp } = claims;
  if (iat !== undefined && typeof iat !== 'number') return undefined;
  if (nbf !== undefined && (typeof nbf !== 'number' || nbf > now + tolerance)) return undefined;
  if (exp !== undefined && (typeof exp !== 'number' || exp <= now - tolerance)) return undefined;
  return claims;
};

/**
 * Tokens already verified, so a client's next request skips the signature check (the HMAC and
 * the parsing are the dearest part of a small request's authentication). A hit is the exact token string that verified,
 * and its expiry is checked again on every use. Bounded: the oldest entry goes first. Sized for a
 * flash sale's waiting room (issue 16: 20,000 fans, each polling its place with its token); an
 * entry is about 0.8 KB, so a full cache holds about 20 MB, and only while that many tokens are
 * in use within their 15 minutes.
 */
const VERIFIED_TOKENS_CAPACITY = 25_000;

type HmacKey = webcrypto.CryptoKey;

/**
 * The secret as a WebCrypto key, imported once, for signing. jose signs with WebCrypto; handed a
 * KeyObject or bytes, it imports a CryptoKey on every call, which cost more than the HMAC itself
 * (bench/RESULTS.md, "Flash sale with a waiting room, joins from their own process").
 */
const importHmacKey = (secret: Uint8Array): Promise<HmacKey> => webcrypto.subtle.importKey('raw', secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);

export class TokenService {
  private readonly keys: KeyRing;
  private readonly hmacKeys = new Map<string, Promise<HmacKey>>();
  /** The same secrets for verifying (node:crypto), by key id. */
  private readonly verificationKeys = new Map<string, KeyObject>();
  private readonly clock: Clock;
  private readonly accessTokenTtlSeconds: number;
  /** How long a refresh token family lives: the cookie that carries it lives as long (auth/refresh-cookie.ts). */
  readonly refreshTokenTtlSeconds: number;
  private readonly verified = new Map<string, AccessPrincipal>();

  constructor(private readonly options: TokenServiceOptions) {
    if (options.secret.byteLength < MIN_SECRET_BYTES) {
      throw new Error(`the access token secret must be at least ${MIN_SECRET_BYTES} bytes`);
    }
    this.keys = new KeyRing('access-token', options.secret, options.verificationSecrets ?? [], MIN_SECRET_BYTES);
    for (const { kid, key } of this.keys.all) {
      this.verificationKeys.set(kid, createSecretKey(key));
      const imported = importHmacKey(key);
      imported.catch(() => undefined); // a failed import fails each signature with it, not the process
      this.hmacKeys.set(kid, imported);
    }
    this.clock = options.clock ?? new SystemClock();
    this.accessTokenTtlSeconds = options.accessTokenTtlSeconds ?? ACCESS_TOKEN_TTL_SECONDS;
    this.refreshTokenTtlSeconds = options.refreshTokenTtlSeconds ?? REFRESH_TOKEN_TTL_SECONDS;
  }

  /** `epoch`: the account's token epoch as the issuer read it (auth/token-epochs.ts), 0 by default. */
  async issueAccessToken(subject: { userId: string; roles: readonly Role[]; epoch?: number }): Promise<IssuedAccessToken> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const tokenId = randomUUID();
    const accessToken = await new SignJWT({ roles: [...subject.roles], epoch: subject.epoch ?? 0 })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: ACCESS_TOKEN_TYPE, kid: this.keys.signing.kid })
      .setIssuer(this.options.issuer)
      .setAudience(this.options.audience)
      .setSubject(subject.userId)
      .setJti(tokenId)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + this.accessTokenTtlSeconds)
      .sign(await this.signingKey());
    return { accessToken, expiresIn: this.accessTokenTtlSeconds, tokenId };
  }

  /** The bearer of a valid access token; anything else throws DomainError UNAUTHENTICATED. */
  async verifyAccessToken(token: string): Promise<AccessPrincipal> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) throw unauthenticated();
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt.getTime() + CLOCK_TOLERANCE_SECONDS * 1000 > this.clock.now().getTime()) return { ...known, roles: [...known.roles] };
      this.verified.delete(token);
      throw unauthenticated();
    }
    const principal = this.verifySignedToken(token);
    if (this.verified.size >= VERIFIED_TOKENS_CAPACITY) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, principal);
    return { ...principal, roles: [...principal.roles] };
  }

  private signingKey(): Promise<HmacKey> {
    return this.hmacKeys.get(this.keys.signing.kid) as Promise<HmacKey>;
  }

  /** The keys a token may be signed with: the one its `kid` names (none if no longer held), or all for a token without one. */
  private readonly candidateKeys = (header: Claims): readonly KeyObject[] => {
    const { kid } = header;
    if (kid === undefined) return [...this.verificationKeys.values()];
    const key = typeof kid === 'string' ? this.verificationKeys.get(kid) : undefined;
    return key ? [key] : [];
  };

  /** Synchronous (see verifyHs256): throws UNAUTHENTICATED. */
  private verifySignedToken(token: string, typ = ACCESS_TOKEN_TYPE, audience = this.options.audience): AccessPrincipal {
    const payload = verifyHs256(token, this.candidateKeys, {
      typ,
      issuer: this.options.issuer,
      audience,
      requiredClaims: ['sub', 'jti', 'iat', 'exp'],
      clockToleranceSeconds: CLOCK_TOLERANCE_SECONDS,
      now: this.clock.now(),
    });
    if (!payload) throw unauthenticated();
    const { sub, jti, exp, roles, epoch = 0 } = payload;
    if (typeof sub !== 'string' || sub.length === 0 || typeof jti !== 'string' || typeof exp !== 'number') {
      throw unauthenticated();
    }
    if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) throw unauthenticated();
    if (typeof epoch !== 'number' || !Number.isSafeInteger(epoch) || epoch < 0) throw unauthenticated();
    return { userId: sub, roles: [...roles], tokenId: jti, expiresAt: new Date(exp * 1000), epoch };
  }

  /** A short-lived stream token for the user (see STREAM_TOKEN_TYPE). */
  async issueStreamToken(subject: { userId: string; roles: readonly Role[]; epoch?: number }, ttlSeconds: number): Promise<IssuedAccessToken & { expiresAt: Date }> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const tokenId = randomUUID();
    const accessToken = await new SignJWT({ roles: [...subject.roles], epoch: subject.epoch ?? 0 })
      .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, typ: STREAM_TOKEN_TYPE, kid: this.keys.signing.kid })
      .setIssuer(this.options.issuer)
      .setAudience(`${this.options.audience}:stream`)
      .setSubject(subject.userId)
      .setJti(tokenId)
      .setIssuedAt(issuedAt)
      .setNotBefore(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds)
      .sign(await this.signingKey());
    return { accessToken, expiresIn: ttlSeconds, tokenId, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
  }

  /** The bearer of a valid (signed, unexpired) stream token; anything else throws UNAUTHENTICATED. Not cached: each is used once. */
  verifyStreamToken(token: string): Promise<AccessPrincipal> {
    if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return Promise.reject(unauthenticated());
    try {
      return Promise.resolve(this.verifySignedToken(token, STREAM_TOKEN_TYPE, `${this.options.audience}:stream`));
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** A refresh token for a new family (login) or the next one of `familyId` (rotation). */
  issueRefreshToken(familyId?: string): IssuedRefreshToken {
    const minted = mintRefreshToken(familyId);
    const expiresAt = new Date(this.clock.now().getTime() + this.refreshTokenTtlSeconds * 1000).toISOString();
    return { ...minted, expiresAt };
  }

  /** Family id and hash of a presented refresh token, or null when it is not one of ours in shape. */
  parseRefreshToken(token: unknown): ParsedRefreshToken | null {
    return parseRefreshToken(token);
  }
}

/** Where the start-up warning goes; Nest's Logger and pino both fit. */
export interface SecurityLogger {
  warn(message: string): void;
}

export interface TokenServiceConfig {
  /** JWT_SECRET; empty counts as missing. */
  secret?: string;
  /** JWT_VERIFICATION_SECRETS: older secrets still accepted. */
  verificationSecrets?: readonly string[];
  production: boolean;
  logger: SecurityLogger;
  issuer?: string;
  audience?: string;
  clock?: Clock;
  /** ACCESS_TOKEN_TTL_SECONDS (15 minutes by default). */
  accessTokenTtlSeconds?: number;
}

/**
 * The token service from configuration. Production without a secret throws, so start-up stops;
 * development generates a random key and says so (never the key itself), which also means its
 * tokens die with the process and are not shared between processes.
 */
export const createTokenService = (config: TokenServiceConfig): TokenService => {
  const issuer = config.issuer ?? 'tessera';
  const audience = config.audience ?? 'tessera-api';
  if (config.secret === undefined || config.secret === '') {
    if (config.production) {
      throw new Error('JWT_SECRET must be set in production: refusing to start with a generated signing key');
    }
    config.logger.warn(
      'JWT_SECRET is not set: generated a random development signing key for access tokens. ' +
        'Tokens will not survive a restart or work across processes; set JWT_SECRET (at least 32 bytes) outside development.',
    );
    return new TokenService({ secret: randomBytes(MIN_SECRET_BYTES), verificationSecrets: keysFromList(config.verificationSecrets), issuer, audience, clock: config.clock, accessTokenTtlSeconds: config.accessTokenTtlSeconds });
  }
  const secret = Buffer.from(config.secret, 'utf8');
  if (secret.byteLength < MIN_SECRET_BYTES) throw new Error(`JWT_SECRET must be at least ${MIN_SECRET_BYTES} bytes`);
  return new TokenService({ secret, verificationSecrets: keysFromList(config.verificationSecrets), issuer, audience, clock: config.clock, accessTokenTtlSeconds: config.accessTokenTtlSeconds });
};

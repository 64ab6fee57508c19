import type { DomainEvent } from '../events/envelope';
import type { Role } from './roles';

/** Events of `account-{userId}`. */
export type AccountRegistered = DomainEvent<
  'account.registered.v1',
  {
    userId: string;
    /** Normalised (normaliseEmail). */
    email: string;
    displayName: string;
    /** An argon2id PHC string; never the password. */
    passwordHash: string;
    roles: Role[];
  }
>;

export type AccountRolesChanged = DomainEvent<'account.roles-changed.v1', { roles: Role[]; byAdminId: string }>;

/**
 * The user signed out of the session `familyId` (its refresh family is revoked in the same atomic
 * append). Like a role change, it ends every access token issued to the user before it.
 */
export type AccountSignedOut = DomainEvent<'account.signed-out.v1', { familyId: string }>;

export type AccountEvent = AccountRegistered | AccountRolesChanged | AccountSignedOut;

/** The only event of `email-{sha256(normalised e-mail)}`: whoever appends it first owns the address. */
export type EmailReserved = DomainEvent<'email.reserved.v1', { email: string; userId: string }>;

export type EmailReservationEvent = EmailReserved;

/** Events of `refresh-family-{familyId}`: one login session and the refresh tokens it rotated through. */
export type RefreshFamilyStarted = DomainEvent<
  'refresh.family-started.v1',
  {
    familyId: string;
    userId: string;
    /** SHA-256 hex of the refresh token; the token itself is never stored. */
    tokenHash: string;
    /** ISO 8601 UTC. */
    expiresAt: string;
  }
>;

export type RefreshTokenRotated = DomainEvent<
  'refresh.rotated.v1',
  {
    fromHash: string;
    toHash: string;
    /** When `toHash` stops being accepted, ISO 8601 UTC. */
    expiresAt: string;
    /** When `fromHash` was presented; the reuse grace window counts from the first rotation. */
    rotatedAt: string;
  }
>;

export const REFRESH_REVOCATION_REASONS = ['reuse_detected', 'logout', 'roles_changed', 'account_disabled'] as const;
export type RefreshRevocationReason = (typeof REFRESH_REVOCATION_REASONS)[number];

export type RefreshFamilyRevoked = DomainEvent<'refresh.family-revoked.v1', { reason: RefreshRevocationReason }>;

export type RefreshFamilyEvent = RefreshFamilyStarted | RefreshTokenRotated | RefreshFamilyRevoked;

export const ACCOUNT_EVENT_TYPES = ['account.registered.v1', 'account.roles-changed.v1', 'account.signed-out.v1'] as const satisfies readonly AccountEvent['type'][];
/**
 * Events after which the user's earlier access tokens are refused: an access token carries the
 * account-stream revision of the newest of these when it was issued (its epoch), and a token whose
 * epoch is older than the newest one in the log no longer passes (libs/platform/src/auth/token-epochs.ts).
 */
export const ACCESS_REVOKING_EVENT_TYPES = ['account.roles-changed.v1', 'account.signed-out.v1'] as const satisfies readonly AccountEvent['type'][];
export const EMAIL_RESERVATION_EVENT_TYPES = ['email.reserved.v1'] as const satisfies readonly EmailReservationEvent['type'][];
export const REFRESH_FAMILY_EVENT_TYPES = [
  'refresh.family-started.v1',
  'refresh.rotated.v1',
  'refresh.family-revoked.v1',
] as const satisfies readonly RefreshFamilyEvent['type'][];

import type { RefreshFamilyEvent, RefreshRevocationReason } from '@tessera/contracts';
import type { Decider } from '../decider';
import { DomainError } from '../domain-error';

/**
 * Refresh token family: one login session and every refresh token it rotated through
 * (stream `refresh-family-{familyId}`). Tokens are known only by their SHA-256 hashes.
 *
 * Rotation and reuse (RFC 9700 §4.14.2). Each token in the family is live, spent or retired:
 * - A live, unexpired token rotates: it becomes spent and a new live child is minted.
 * - A spent token presented again is reuse: the family is revoked (decide returns only
 *   `refresh.family-revoked.v1 {reason: 'reuse_detected'}`; the handler appends it, then answers
 *   401 REFRESH_TOKEN_REUSED — see `isReuseDetected`). The thief and the victim both lose the
 *   session, and the victim's next refresh tells it to log in again.
 * - Grace window, for a client that sends two refreshes with the same token at once: a spent
 *   token may rotate again, minting a sibling, while BOTH hold:
 *     (a) at most `graceMs` have passed since its FIRST rotation (a burst cannot stretch the
 *         window, since siblings do not move `spentAt`), and
 *     (b) none of its children has been used yet — once the client has built on one answer,
 *         the parent is history, and presenting it is reuse again.
 *   The client keeps whichever answer arrives last, so every sibling stays live until one of
 *   them is rotated; at that moment the unused siblings are retired. A retired token is refused
 *   with INVALID_REFRESH_TOKEN but never counts as reuse: the client may honestly hold it (it
 *   kept the other answer, or another tab did), so it must not cost the session.
 * - An unknown hash, an expired token, a retired token and any token of a revoked family answer
 *   INVALID_REFRESH_TOKEN without revoking: a hash the family never issued proves nothing about
 *   the holder of the real tokens.
 * - Logout (RevokeRefreshFamily) is idempotent: an unknown family, a revoked family or a hash
 *   this family never issued produce no events.
 */
export type RefreshTokenStatus = 'live' | 'spent' | 'retired';

export interface RefreshTokenState {
  status: RefreshTokenStatus;
  /** ISO 8601 UTC; the token is refused from this instant on. */
  expiresAt: string;
  /** The token it was rotated from; null for the family's first token. */
  parentHash: string | null;
  /** When it was first rotated (spent tokens only). */
  spentAt: string | null;
  /** Tokens minted from it: one, or several siblings minted inside the grace window. */
  children: string[];
}

export type RefreshFamily =
  | { status: 'none' }
  | {
      status: 'active' | 'revoked';
      familyId: string;
      userId: string;
      tokens: Readonly<Record<string, RefreshTokenState>>;
      revokedReason: RefreshRevocationReason | null;
    };

export type StartRefreshFamily = {
  type: 'StartRefreshFamily';
  data: { familyId: string; userId: string; tokenHash: string; expiresAt: string };
};

export type RotateRefreshToken = {
  type: 'RotateRefreshToken';
  data: {
    presentedHash: string;
    newHash: string;
    /** Expiry of the new token, ISO 8601 UTC. */
    expiresAt: string;
    /** How long after a token's first rotation a concurrent duplicate may still mint a sibling. */
    graceMs: number;
  };
  /** ISO 8601 UTC, from the handler's clock. */
  metadata: { now: string };
};

export type RevokeRefreshFamily = {
  type: 'RevokeRefreshFamily';
  /** With `presentedHash` (logout), only a hash this family issued revokes it. */
  data: { reason: RefreshRevocationReason; presentedHash?: string };
};

export type RefreshFamilyCommand = StartRefreshFamily | RotateRefreshToken | RevokeRefreshFamily;

/** A few seconds: enough for two requests of one burst, short enough to be worthless to a thief. */
export const DEFAULT_REFRESH_REUSE_GRACE_MS = 5_000;

export const initialRefreshFamily: RefreshFamily = { status: 'none' };

const tokenOf = (tokens: Readonly<Record<string, RefreshTokenState>>, hash: string): RefreshTokenState | undefined =>
  Object.hasOwn(tokens, hash) ? tokens[hash] : undefined;

export const evolveRefreshFamily = (state: RefreshFamily, event: RefreshFamilyEvent): RefreshFamily => {
  switch (event.type) {
    case 'refresh.family-started.v1': {
      const { familyId, userId, tokenHash, expiresAt } = event.data;
      return {
        status: 'active',
        familyId,
        userId,
        tokens: { [tokenHash]: { status: 'live', expiresAt, parentHash: null, spentAt: null, children: [] } },
        revokedReason: null,
      };
    }
    case 'refresh.rotated.v1': {
      if (state.status === 'none') return state;
      const { fromHash, toHash, expiresAt, rotatedAt } = event.data;
      const from = tokenOf(state.tokens, fromHash);
      if (!from) return state;
      const tokens: Record<string, RefreshTokenState> = { ...state.tokens };
      if (from.status === 'live') {
        tokens[fromHash] = { ...from, status: 'spent', spentAt: rotatedAt, children: [toHash] };
        // The client built on this sibling: the others it was minted with are now unused leftovers.
        const parent = from.parentHash === null ? undefined : tokenOf(state.tokens, from.parentHash);
        for (const sibling of parent?.children ?? []) {
          const token = tokenOf(tokens, sibling);
          if (sibling !== fromHash && token?.status === 'live') tokens[sibling] = { ...token, status: 'retired' };
        }
      } else {
        tokens[fromHash] = { ...from, children: [...from.children, toHash] };
      }
      tokens[toHash] = { status: 'live', expiresAt, parentHash: fromHash, spentAt: null, children: [] };
      return { ...state, tokens };
    }
    case 'refresh.family-revoked.v1':
      return state.status === 'none' ? state : { ...state, status: 'revoked', revokedReason: event.data.reason };
    default: {
      const _exhaustive: never = event;
      return state;
    }
  }
};

const invalidRefreshToken = (): DomainError =>
  new DomainError('INVALID_REFRESH_TOKEN', 'the refresh token is not valid');

/** Milliseconds of an ISO instant; a bad one is the caller's bug, never the client's. */
const millisOf = (iso: string): number => {
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) throw new Error(`not an ISO 8601 instant: ${iso}`);
  return millis;
};

/** A token expiring at 10:00 is refused at 10:00 sharp. */
const isExpired = (token: RefreshTokenState, now: number): boolean => now >= millisOf(token.expiresAt);

const withinGrace = (
  tokens: Readonly<Record<string, RefreshTokenState>>,
  token: RefreshTokenState,
  now: number,
  graceMs: number,
): boolean =>
  token.spentAt !== null &&
  now - millisOf(token.spentAt) <= graceMs &&
  token.children.every((child) => tokenOf(tokens, child)?.status === 'live');

export const decideRefreshFamily = (command: RefreshFamilyCommand, state: RefreshFamily): RefreshFamilyEvent[] => {
  switch (command.type) {
    case 'StartRefreshFamily': {
      if (state.status !== 'none') {
        throw new DomainError('CONCURRENCY_CONFLICT', 'refresh family already started', { familyId: state.familyId });
      }
      return [{ type: 'refresh.family-started.v1', data: { ...command.data } }];
    }
    case 'RotateRefreshToken': {
      if (state.status !== 'active') throw invalidRefreshToken();
      const { presentedHash, newHash, expiresAt, graceMs } = command.data;
      const now = millisOf(command.metadata.now);
      const presented = tokenOf(state.tokens, presentedHash);
      if (!presented) throw invalidRefreshToken();
      if (tokenOf(state.tokens, newHash)) throw new Error('the new refresh token hash is already in this family');
      const rotated: RefreshFamilyEvent = {
        type: 'refresh.rotated.v1',
        data: { fromHash: presentedHash, toHash: newHash, expiresAt, rotatedAt: new Date(now).toISOString() },
      };
      switch (presented.status) {
        case 'live':
          if (isExpired(presented, now)) throw invalidRefreshToken();
          return [rotated];
        case 'retired':
          throw invalidRefreshToken();
        case 'spent':
          if (!withinGrace(state.tokens, presented, now, graceMs)) {
            return [{ type: 'refresh.family-revoked.v1', data: { reason: 'reuse_detected' } }];
          }
          if (isExpired(presented, now)) throw invalidRefreshToken();
          return [rotated];
        default: {
          const _exhaustive: never = presented.status;
          throw new Error('unknown refresh token status');
        }
      }
    }
    case 'RevokeRefreshFamily': {
      if (state.status !== 'active') return [];
      const { reason, presentedHash } = command.data;
      if (presentedHash !== undefined && !tokenOf(state.tokens, presentedHash)) return [];
      return [{ type: 'refresh.family-revoked.v1', data: { reason } }];
    }
    default: {
      const _exhaustive: never = command;
      throw new Error('unknown refresh family command');
    }
  }
};

/**
 * True when a rotation's answer is the family's revocation for reuse: the handler appends the
 * events (so the revocation is durable) and then answers 401 REFRESH_TOKEN_REUSED.
 */
export const isReuseDetected = (events: readonly RefreshFamilyEvent[]): boolean =>
  events.some((event) => event.type === 'refresh.family-revoked.v1' && event.data.reason === 'reuse_detected');

export const refreshFamilyDecider: Decider<RefreshFamily, RefreshFamilyCommand, RefreshFamilyEvent> = {
  initialState: initialRefreshFamily,
  evolve: evolveRefreshFamily,
  decide: decideRefreshFamily,
};

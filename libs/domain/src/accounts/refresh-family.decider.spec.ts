import type { RefreshFamilyEvent } from '@tessera/contracts';
import { fold } from '../decider';
import { DeciderSpecification } from '../testing/decider-specification';
import {
  DEFAULT_REFRESH_REUSE_GRACE_MS,
  isReuseDetected,
  refreshFamilyDecider,
  type RefreshFamilyCommand,
} from './refresh-family.decider';

const spec = DeciderSpecification.for(refreshFamilyDecider);

const t0 = Date.parse('2030-01-01T10:00:00.000Z');
const at = (seconds: number): string => new Date(t0 + seconds * 1000).toISOString();
const DAY = 24 * 60 * 60;
const grace = DEFAULT_REFRESH_REUSE_GRACE_MS / 1000;

const started = (tokenHash = 'h0', expiresAt = at(DAY)): RefreshFamilyEvent => ({
  type: 'refresh.family-started.v1',
  data: { familyId: 'f1', userId: 'u1', tokenHash, expiresAt },
});
const rotated = (fromHash: string, toHash: string, rotatedAtSeconds: number, expiresAt = at(2 * DAY)): RefreshFamilyEvent => ({
  type: 'refresh.rotated.v1',
  data: { fromHash, toHash, expiresAt, rotatedAt: at(rotatedAtSeconds) },
});
const revoked = (reason: 'reuse_detected' | 'logout' | 'roles_changed'): RefreshFamilyEvent => ({
  type: 'refresh.family-revoked.v1',
  data: { reason },
});

const start = (): RefreshFamilyCommand => ({
  type: 'StartRefreshFamily',
  data: { familyId: 'f1', userId: 'u1', tokenHash: 'h0', expiresAt: at(DAY) },
});
const rotate = (presentedHash: string, newHash: string, nowSeconds: number, graceMs = DEFAULT_REFRESH_REUSE_GRACE_MS): RefreshFamilyCommand => ({
  type: 'RotateRefreshToken',
  data: { presentedHash, newHash, expiresAt: at(2 * DAY), graceMs },
  metadata: { now: at(nowSeconds) },
});
const logout = (presentedHash?: string): RefreshFamilyCommand => ({
  type: 'RevokeRefreshFamily',
  data: presentedHash === undefined ? { reason: 'logout' } : { reason: 'logout', presentedHash },
});

describe('RefreshFamily decider', () => {
  describe('StartRefreshFamily', () => {
    it('starts a family with its first token', () => {
      spec.given([]).when(start()).then([started()]);
    });

    it('refuses to start a family twice', () => {
      spec.given([started()]).when(start()).thenThrows('CONCURRENCY_CONFLICT');
    });
  });

  describe('RotateRefreshToken', () => {
    it('rotates the current token', () => {
      spec.given([started()]).when(rotate('h0', 'h1', 60)).then([rotated('h0', 'h1', 60)]);
    });

    it('rotates the newest token of a long chain', () => {
      spec
        .given([started(), rotated('h0', 'h1', 60), rotated('h1', 'h2', 1000)])
        .when(rotate('h2', 'h3', 2000))
        .then([rotated('h2', 'h3', 2000)]);
    });

    it('refuses an unknown token without revoking anything', () => {
      spec.given([started()]).when(rotate('forged', 'h1', 60)).thenThrows('INVALID_REFRESH_TOKEN');
    });

    it('refuses a token of a family that never started', () => {
      spec.given([]).when(rotate('h0', 'h1', 60)).thenThrows('INVALID_REFRESH_TOKEN');
    });

    it('refuses an expired token, at its expiry instant', () => {
      spec.given([started('h0', at(100))]).when(rotate('h0', 'h1', 100)).thenThrows('INVALID_REFRESH_TOKEN');
      spec.given([started('h0', at(100))]).when(rotate('h0', 'h1', 99)).then([rotated('h0', 'h1', 99)]);
    });

    it('revokes the family when a spent token comes back after the grace window (reuse)', () => {
      spec
        .given([started(), rotated('h0', 'h1', 60)])
        .when(rotate('h0', 'h2', 60 + grace + 1))
        .then([revoked('reuse_detected')]);
    });

    it('tells the handler the answer is REFRESH_TOKEN_REUSED, from the events alone', () => {
      expect(isReuseDetected([revoked('reuse_detected')])).toBe(true);
      expect(isReuseDetected([revoked('logout')])).toBe(false);
      expect(isReuseDetected([rotated('h0', 'h1', 60)])).toBe(false);
    });

    it('revokes for reuse of an old token far back in the chain', () => {
      spec
        .given([started(), rotated('h0', 'h1', 60), rotated('h1', 'h2', 1000)])
        .when(rotate('h0', 'h9', 2000))
        .then([revoked('reuse_detected')]);
    });

    it('refuses every token of a revoked family, the current one included', () => {
      const history = [started(), rotated('h0', 'h1', 60), revoked('reuse_detected')];
      spec.given(history).when(rotate('h1', 'h2', 70)).thenThrows('INVALID_REFRESH_TOKEN');
      spec.given(history).when(rotate('h0', 'h2', 70)).thenThrows('INVALID_REFRESH_TOKEN');
    });

    describe('grace window for concurrent refreshes with one token', () => {
      it('mints a sibling when the spent token comes back within the window', () => {
        spec
          .given([started(), rotated('h0', 'h1', 60)])
          .when(rotate('h0', 'h2', 60 + grace))
          .then([rotated('h0', 'h2', 60 + grace)]);
      });

      it('keeps both siblings usable: the client may have kept either answer', () => {
        const burst = [started(), rotated('h0', 'h1', 60), rotated('h0', 'h2', 61)];
        spec.given(burst).when(rotate('h1', 'h3', 900)).then([rotated('h1', 'h3', 900)]);
        spec.given(burst).when(rotate('h2', 'h3', 900)).then([rotated('h2', 'h3', 900)]);
      });

      it('retires the unused sibling once the other one is used, without taking it for reuse', () => {
        spec
          .given([started(), rotated('h0', 'h1', 60), rotated('h0', 'h2', 61), rotated('h2', 'h3', 900)])
          .when(rotate('h1', 'h4', 901))
          .thenThrows('INVALID_REFRESH_TOKEN');
      });

      it('counts the window from the first rotation, so a burst cannot stretch it', () => {
        spec
          .given([started(), rotated('h0', 'h1', 60), rotated('h0', 'h2', 60 + grace)])
          .when(rotate('h0', 'h3', 60 + grace + 1))
          .then([revoked('reuse_detected')]);
      });

      it('ends as soon as a child has been used, even inside the window', () => {
        spec
          .given([started(), rotated('h0', 'h1', 60), rotated('h1', 'h2', 61)])
          .when(rotate('h0', 'h3', 62))
          .then([revoked('reuse_detected')]);
      });

      it('still treats a sibling reused after its own rotation as reuse', () => {
        spec
          .given([started(), rotated('h0', 'h1', 60), rotated('h0', 'h2', 61), rotated('h2', 'h3', 900)])
          .when(rotate('h2', 'h4', 900 + grace + 1))
          .then([revoked('reuse_detected')]);
      });

      it('refuses an expired spent token inside the window without revoking', () => {
        spec
          .given([started('h0', at(61)), rotated('h0', 'h1', 60)])
          .when(rotate('h0', 'h2', 61))
          .thenThrows('INVALID_REFRESH_TOKEN');
      });

      it('takes the window from the command: with none, only a simultaneous second use passes', () => {
        spec.given([started(), rotated('h0', 'h1', 60)]).when(rotate('h0', 'h2', 60, 0)).then([rotated('h0', 'h2', 60)]);
        spec.given([started(), rotated('h0', 'h1', 60)]).when(rotate('h0', 'h2', 61, 0)).then([revoked('reuse_detected')]);
      });
    });

    it('tracks which tokens are live, spent and retired', () => {
      const state = fold(refreshFamilyDecider.evolve, refreshFamilyDecider.initialState, [
        started(),
        rotated('h0', 'h1', 60),
        rotated('h0', 'h2', 61),
        rotated('h1', 'h3', 900),
      ]);
      expect(state.status).toBe('active');
      if (state.status !== 'active') return;
      expect(state.userId).toBe('u1');
      expect(Object.fromEntries(Object.entries(state.tokens).map(([hash, token]) => [hash, token.status]))).toEqual({
        h0: 'spent',
        h1: 'spent',
        h2: 'retired',
        h3: 'live',
      });
      expect(state.tokens.h0).toMatchObject({ spentAt: at(60), children: ['h1', 'h2'] });
    });
  });

  describe('RevokeRefreshFamily', () => {
    it('revokes the family on logout with one of its tokens', () => {
      spec.given([started(), rotated('h0', 'h1', 60)]).when(logout('h1')).then([revoked('logout')]);
    });

    it('revokes without a token when the system asks (roles changed)', () => {
      spec
        .given([started()])
        .when({ type: 'RevokeRefreshFamily', data: { reason: 'roles_changed' } })
        .then([revoked('roles_changed')]);
    });

    it('is idempotent: a revoked family decides nothing', () => {
      spec.given([started(), revoked('logout')]).when(logout('h0')).thenNothing();
    });

    it('decides nothing for an unknown family', () => {
      spec.given([]).when(logout('h0')).thenNothing();
    });

    it('decides nothing for a hash the family never issued', () => {
      spec.given([started()]).when(logout('forged')).thenNothing();
    });
  });
});

import type { FastifyRequest } from 'fastify';
import { refreshFamilyTracker } from '../http/rate-limit';
import { presentedRefreshToken } from './refresh-cookie';

const TOKEN = '6f1f3c2e-6a51-4e59-9d43-1d7f1b0e2a11.' + 'A'.repeat(43);
const WEB = { 'x-requested-with': 'tessera-web' };

describe('the refresh token a request presents', () => {
  it('is the body token when there is one, whatever the cookie says', () => {
    expect(presentedRefreshToken({ ...WEB, cookie: 'tessera_refresh=other' }, TOKEN)).toEqual({ from: 'body', token: TOKEN });
  });

  it('is the cookie only behind X-Requested-With: tessera-web', () => {
    const cookie = `theme=dark; tessera_refresh=${encodeURIComponent(TOKEN)}`;
    expect(presentedRefreshToken({ ...WEB, cookie }, undefined)).toEqual({ from: 'cookie', token: TOKEN });
    expect(presentedRefreshToken({ cookie }, undefined)).toEqual({ from: 'none' });
    expect(presentedRefreshToken({ cookie, 'x-requested-with': 'XMLHttpRequest' }, undefined)).toEqual({ from: 'none' });
  });

  it('is no token when the guard passes but no cookie came', () => {
    expect(presentedRefreshToken(WEB, undefined)).toEqual({ from: 'cookie', token: undefined });
  });

  it('counts a cookie refresh against its family, as a body refresh is', () => {
    const byCookie = { headers: { ...WEB, cookie: `tessera_refresh=${TOKEN}` }, body: {}, ip: '10.0.0.1' } as unknown as FastifyRequest;
    const byBody = { headers: {}, body: { refreshToken: TOKEN }, ip: '10.0.0.2' } as unknown as FastifyRequest;
    expect(refreshFamilyTracker(byCookie)).toBe('family:6f1f3c2e-6a51-4e59-9d43-1d7f1b0e2a11');
    expect(refreshFamilyTracker(byCookie)).toBe(refreshFamilyTracker(byBody));
  });
});

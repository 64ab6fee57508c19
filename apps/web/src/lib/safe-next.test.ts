import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('the ?next= target after sign-in', () => {
  it('keeps a path of this app, query included', () => {
    expect(safeNext('/shows/42?category=vip&section=A')).toBe('/shows/42?category=vip&section=A');
  });

  it.each([null, '', 'https://evil.example/', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)'])('sends %j home instead', (next) => {
    expect(safeNext(next)).toBe('/');
  });
});

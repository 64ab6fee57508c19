import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { negotiateCoding, PrecompressedBody } from './precompressed';

describe('negotiateCoding', () => {
  it.each([
    [undefined, 'identity'],
    ['', 'identity'],
    ['gzip, deflate, br', 'br'],
    ['gzip', 'gzip'],
    ['deflate', 'identity'],
    ['br;q=0.2, gzip;q=0.8', 'gzip'],
    ['br;q=0, gzip;q=0', 'identity'],
    ['*', 'br'],
    ['identity', 'identity'],
  ])('%s → %s', (header, coding) => {
    expect(negotiateCoding(header)).toBe(coding);
  });
});

describe('PrecompressedBody', () => {
  const json = Buffer.from(JSON.stringify({ seats: Array.from({ length: 500 }, (_, i) => ({ seatId: `A-1-${i}`, status: 'available' })) }));

  it('makes each coding once and hands the same bytes back after', async () => {
    const body = new PrecompressedBody(json);
    const [br, again, gzip] = await Promise.all([body.encoded('br'), body.encoded('br'), body.encoded('gzip')]);
    expect(again).toBe(br);
    expect(await body.encoded('gzip')).toBe(gzip);
    expect(brotliDecompressSync(br).equals(json)).toBe(true);
    expect(gunzipSync(gzip).equals(json)).toBe(true);
    expect(await body.encoded('identity')).toBe(json);
  });

  it('leaves a body under 1 KB uncompressed', async () => {
    const small = new PrecompressedBody(Buffer.from('{"seats":[]}'));
    expect(small.codingFor('br')).toBe('identity');
    expect(await small.encoded('br')).toBe(small.identity);
    expect(new PrecompressedBody(json).codingFor('br')).toBe('br');
  });
});

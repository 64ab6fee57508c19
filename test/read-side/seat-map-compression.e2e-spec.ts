import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { PrecompressedBody } from '@tessera/platform/http/precompressed';
import { startTestApp, type TestApp } from '../support/test-app';
import { BoxOfficeDriver, showOf } from './box-office-driver';

/**
 * The seat map is served compressed from its cache (API.md, Operations: responses over 1 KB are
 * compressed for clients that accept gzip or br): once per version and coding, with Vary, one
 * weak ETag and a body that decodes to the same JSON as the uncompressed one.
 */
describe('seat map compression', () => {
  let server: TestApp;
  let driver: BoxOfficeDriver;

  beforeAll(async () => {
    server = await startTestApp();
    driver = new BoxOfficeDriver(server.app.get(EventStore));
  });

  afterAll(async () => {
    await server.close();
  });

  /** node:http, which (unlike fetch) hands back the bytes as sent. */
  const get = (path: string, headers: Record<string, string>) =>
    new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer }>((resolve, reject) => {
      request(new URL(path, server.url), { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });

  it('answers br and gzip from the cache, compressing each version once per coding', async () => {
    const position = await driver.createShow(showOf('big', { sections: 4, rows: 10, seatsPerRow: 50 }));
    const at = { 'x-min-position': String(position) };
    const plain = await get('/api/shows/big/seats', { ...at, 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/i);
    expect(JSON.parse(plain.bytes.toString()).seats).toHaveLength(2000);

    const compress = jest.spyOn(PrecompressedBody.prototype, 'encoded');
    const made = new Map<string, Buffer>();
    for (const [accept, coding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['br;q=0.5, gzip;q=1', 'gzip', gunzipSync],
    ] as const) {
      for (let i = 0; i < 2; i++) {
        const res = await get('/api/shows/big/seats', { ...at, 'accept-encoding': accept });
        expect({ accept, status: res.status, coding: res.headers['content-encoding'] }).toEqual({ accept, status: 200, coding });
        expect(res.headers.vary).toMatch(/Accept-Encoding/i);
        expect(res.headers.etag).toBe(plain.headers.etag);
        expect(Number(res.headers['content-length'])).toBe(res.bytes.length);
        expect(res.bytes.length).toBeLessThan(plain.bytes.length / 5);
        // Decoded once, it is the JSON: the compression middleware did not compress it again.
        expect(decode(res.bytes).equals(plain.bytes)).toBe(true);
        // The same bytes each time: made once per coding, kept with the cached map.
        if (made.has(coding)) expect(res.bytes.equals(made.get(coding) as Buffer)).toBe(true);
        made.set(coding, res.bytes);
      }
    }
    const results = await Promise.all(compress.mock.results.map((result) => result.value as Promise<Buffer>));
    expect(new Set(results.filter((bytes) => bytes !== undefined)).size).toBe(2);
    compress.mockRestore();

    const notModified = await get('/api/shows/big/seats', { ...at, 'accept-encoding': 'gzip', 'if-none-match': String(plain.headers.etag) });
    expect(notModified.status).toBe(304);
    expect(notModified.headers.vary).toMatch(/Accept-Encoding/i);
  });

  it('sends a new version compressed anew after a sale changes the map', async () => {
    const first = await driver.createShow(showOf('moving', { sections: 2, rows: 10, seatsPerRow: 50 }));
    const before = await get('/api/shows/moving/seats', { 'x-min-position': String(first), 'accept-encoding': 'gzip' });
    const { position } = await driver.placeBooking('moving', 'alice', ['S1-1-1']);
    const after = await get('/api/shows/moving/seats', { 'x-min-position': String(position), 'accept-encoding': 'gzip' });
    expect(after.headers.etag).not.toBe(before.headers.etag);
    const seats = JSON.parse(gunzipSync(after.bytes).toString()).seats as { seatId: string; status: string }[];
    expect(seats.find((seat) => seat.seatId === 'S1-1-1')?.status).toBe('held');
  });
});

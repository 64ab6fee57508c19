import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildOnce, ROOT } from '../support/processes';

/**
 * The JavaScript a first visit downloads before the page works: the scripts and module preloads
 * index.html names (lazy route chunks are not counted), gzip-compressed, at most 200 KB (issue 14).
 */
const LIMIT_BYTES = 200 * 1024;

describe("the web app's initial JavaScript", () => {
  it('is at most 200 KB gzipped', () => {
    buildOnce();
    const web = join(ROOT, 'dist', 'web');
    const html = readFileSync(join(web, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = scripts.map((file) => ({ file, bytes: statSync(join(web, file)).size, gzip: gzipSync(readFileSync(join(web, file)), { level: 9 }).length }));
    const total = sizes.reduce((sum, s) => sum + s.gzip, 0);
    console.log(`initial JS: ${sizes.map((s) => `${s.file} ${(s.bytes / 1024).toFixed(1)} KB (${(s.gzip / 1024).toFixed(1)} KB gzip)`).join(', ')}; total ${(total / 1024).toFixed(1)} KB gzip`);
    expect(total).toBeLessThanOrEqual(LIMIT_BYTES);
  }, 120_000);
});

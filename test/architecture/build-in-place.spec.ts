import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';

/**
 * `npm run build` runs while servers start from dist/ (parallel jest workers each build once, and
 * the npm start test runs the real prestart build). It must never leave a module half-written:
 * unchanged files are not touched, a changed one is replaced by a rename, a stale one removed.
 */

const ROOT = join(__dirname, '..', '..');

const build = (out: string): void => {
  const result = spawnSync('npm', ['run', 'build', '--silent', '--', '--out-dir', out], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build failed: ${result.stderr}`);
};

/** inode and mtime of every file, by path relative to `dir`. */
const stamps = (dir: string): Map<string, string> =>
  new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const path = join(entry.parentPath, entry.name);
        const stat = statSync(path);
        return [relative(dir, path), `${stat.ino}:${stat.mtimeMs}`] as const;
      }),
  );

describe('npm run build over an existing output', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeTempDir('build-in-place');
  });
  afterAll(async () => {
    await removeDir(dir);
  });

  it('leaves unchanged files alone, replaces a changed one by rename, and removes what it no longer makes', async () => {
    const out = join(dir, 'dist');
    build(out);
    const main = 'apps/standalone/src/main.js';
    const before = stamps(out);
    expect(before.has(main)).toBe(true);

    // Let a rewrite show in the mtime, then damage one file and leave a stale one.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const changed = 'libs/platform/src/bootstrap.js';
    writeFileSync(join(out, changed), '// truncated by a build in progress\n');
    const changedStamp = stamps(out).get(changed);
    writeFileSync(join(out, 'libs/platform/src/stale.js'), 'module.exports = {};\n');

    build(out);
    const after = stamps(out);
    expect(existsSync(join(out, 'libs/platform/src/stale.js'))).toBe(false);
    expect(after.get(changed)).not.toBe(changedStamp);
    expect(after.get(changed)?.split(':')[0]).not.toBe(changedStamp?.split(':')[0]); // a new inode: renamed over
    const rewritten = [...before].filter(([file, stamp]) => file !== changed && after.get(file) !== stamp).map(([file]) => file);
    expect(rewritten).toEqual([]);
    expect([...after.keys()].filter((file) => file.includes('.tmp-'))).toEqual([]);
  }, 60_000);
});

#!/usr/bin/env node
// `npm run build`: swc compiles apps, libs and bench into a staging folder beside the output
// (dist/, or the last `--out-dir`), then the output is brought in line file by file. An unchanged
// file is left alone, a changed one is renamed over it from the staging folder, and one the
// build no longer makes is removed. swc itself truncates and rewrites every file on every run, so
// a server starting from dist/ while another build ran (parallel test workers, `npm start` in a
// test) could load a half-written module.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, mkdirSync, existsSync } = require('node:fs');
const { basename, dirname, join, relative, resolve } = require('node:path');

const ROOT = join(__dirname, '..');
const SOURCES = ['apps', 'libs', 'bench'];
// Tests, contract suites, test helpers and the web app never reach the production build.
const IGNORE = '**/*.spec.ts,**/*.e2e-spec.ts,**/*.contract.ts,**/testing/**,**/spec-fixtures.ts,apps/web/**';

const args = process.argv.slice(2);
const at = args.lastIndexOf('--out-dir');
const outDir = resolve(ROOT, at >= 0 && args[at + 1] ? args[at + 1] : 'dist');

/** Every file under `dir`, as paths relative to it. */
const filesUnder = (dir) => {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)));
};

const sameBytes = (a, b) => existsSync(b) && readFileSync(a).equals(readFileSync(b));

mkdirSync(dirname(outDir), { recursive: true });
// Beside the output, at the same depth, so source maps' relative paths come out the same.
const staging = mkdtempSync(join(dirname(outDir), `.${basename(outDir)}-build-`));
try {
  const swc = spawnSync(
    process.execPath,
    [require.resolve('@swc/cli/bin/swc.js'), ...SOURCES, '--out-dir', staging, '--config-file', '.swcrc', '--ignore', IGNORE, '-q'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (swc.status !== 0) process.exit(swc.status ?? 1);
  const built = filesUnder(staging);
  for (const file of built) {
    const from = join(staging, file);
    const to = join(outDir, file);
    if (sameBytes(from, to)) continue;
    mkdirSync(dirname(to), { recursive: true });
    // The staging folder is on the output's filesystem: a rename replaces the file at once.
    renameSync(from, to);
  }
  const keep = new Set(built);
  for (const file of filesUnder(outDir)) if (!keep.has(file)) rmSync(join(outDir, file), { force: true });
} finally {
  rmSync(staging, { recursive: true, force: true });
}

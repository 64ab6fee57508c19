#!/usr/bin/env node
// `npm run build`: swc compiles apps, libs and bench into a staging folder beside the output
// (dist/, or the last `--out-dir`), then the output is brought in line file by file. An unchanged
// file is left alone, a changed one is renamed over it from the staging folder, and one the
// build no longer makes is removed. swc itself truncates and rewrites every file on every run, so
// a server starting from dist/ while another build ran (parallel test workers, `npm start` in a
// test) could load a half-written module.
// The web app (apps/web) is built by Vite into <out>/web the same way, and only when its inputs
// changed: a hash of its sources, its config and the lock file is kept beside the output, so the
// many test runs that call `npm run build` pay nothing for it (a rebuild takes about 3 s).
const { createHash } = require('node:crypto');
const zlib = require('node:zlib');
const { brotliCompressSync, gzipSync } = zlib;
const { spawnSync } = require('node:child_process');
const { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, mkdirSync, existsSync, writeFileSync } = require('node:fs');
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

/** Moves each file of `staging` that differs into `outDir`; answers the files built. */
const moveChanged = (staging, outDir, order = (files) => files) => {
  const built = filesUnder(staging);
  for (const file of order(built)) {
    const from = join(staging, file);
    const to = join(outDir, file);
    if (sameBytes(from, to)) continue;
    mkdirSync(dirname(to), { recursive: true });
    // The staging folder is on the output's filesystem: a rename replaces the file at once.
    renameSync(from, to);
  }
  return new Set(built);
};

/** Removes what the build no longer makes; `keepUnder` names folders left alone. */
const removeStale = (outDir, built, keepUnder = []) => {
  for (const file of filesUnder(outDir)) {
    if (built.has(file) || keepUnder.some((folder) => file.startsWith(`${folder}/`))) continue;
    rmSync(join(outDir, file), { force: true });
  }
};

const WEB = join(ROOT, 'apps', 'web');
const WEB_OUT = 'web';
const WEB_STAMP = '.inputs';

/** What the web build depends on, as one hash. */
const webInputsHash = () => {
  const hash = createHash('sha256');
  const inputs = [...filesUnder(join(WEB, 'src')).map((file) => join('src', file)), 'index.html', 'vite.config.mts'].sort();
  for (const file of inputs) hash.update(file).update('\0').update(readFileSync(join(WEB, file)));
  hash.update(readFileSync(join(ROOT, 'package-lock.json')));
  return hash.digest('hex');
};

const buildWeb = () => {
  if (!existsSync(WEB) || process.env.SKIP_WEB_BUILD === '1') return;
  const target = join(outDir, WEB_OUT);
  const inputs = webInputsHash();
  const stamp = join(target, WEB_STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === inputs && existsSync(join(target, 'index.html'))) return;
  const staging = mkdtempSync(join(dirname(outDir), `.${basename(outDir)}-${WEB_OUT}-build-`));
  try {
    const vite = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--mode', 'production', '--config', join(WEB, 'vite.config.mts'), '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: 'inherit',
      // Always the production bundle: jest runs `npm run build` with NODE_ENV=test, which Vite
      // would otherwise pass on to React (its development build, three times the size).
      env: { ...process.env, NODE_ENV: 'production', WEB_OUT_DIR: staging },
    });
    if (vite.status !== 0) process.exit(vite.status ?? 1);
    // Compressed once here, served as they are (@fastify/static's preCompressed), not per request.
    for (const file of filesUnder(join(staging, 'assets')).filter((name) => /\.(js|css|svg)$/.test(name))) {
      const path = join(staging, 'assets', file);
      const bytes = readFileSync(path);
      writeFileSync(`${path}.br`, brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
      writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    }
    writeFileSync(join(staging, WEB_STAMP), inputs);
    mkdirSync(target, { recursive: true });
    // index.html names the hashed assets: it goes in once they all are, and the old assets go
    // only after it, so a page loading meanwhile finds every file its index.html names.
    const last = (name) => (name === 'index.html' || name === WEB_STAMP ? 1 : 0);
    const built = moveChanged(staging, target, (files) => [...files].sort((a, b) => last(a) - last(b)));
    removeStale(target, built);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
};

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
  removeStale(outDir, moveChanged(staging, outDir), [WEB_OUT]);
} finally {
  rmSync(staging, { recursive: true, force: true });
}
buildWeb();

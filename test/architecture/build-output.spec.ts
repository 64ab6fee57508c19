import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from '../support/processes';

/**
 * What `npm run build` puts in dist/ is what production runs (the Docker image copies dist/):
 * no specs, contract suites or test helpers, and every module an entry point loads is there.
 * The build goes to a fresh folder (`npm run build -- --out-dir`: the last --out-dir wins), so
 * files an older build left in dist/ cannot hide a change.
 */

/** Test code by its name: specs, contract suites, `testing/` folders, the domain's spec fixtures. */
const TEST_CODE = /(\.spec|\.e2e-spec|\.contract)\.js$|\/testing\/|\/spec-fixtures\.js$/;

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );

const resolveRequire = (from: string, request: string): string | undefined => {
  const base = resolve(dirname(from), request);
  return [base, `${base}.js`, join(base, 'index.js')].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
};

describe('the production build (npm run build)', () => {
  let out: string;
  let built: string[];

  beforeAll(async () => {
    out = await makeTempDir('build');
    const result = spawnSync('npm', ['run', 'build', '--silent', '--', '--out-dir', out], { cwd: ROOT, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`npm run build failed: ${result.stderr}`);
    built = filesUnder(out)
      .filter((file) => file.endsWith('.js'))
      .map((file) => relative(out, file));
  }, 120_000);

  afterAll(() => removeDir(out));

  it('holds every app and library', () => {
    for (const app of ['standalone', 'command-api', 'query-api', 'projector', 'notifier']) expect(built).toContain(`apps/${app}/src/main.js`);
    for (const lib of ['domain', 'contracts', 'platform', 'read-models']) expect(built).toContain(`libs/${lib}/src/index.js`);
  });

  it('holds no spec, contract suite or test helper', () => {
    expect(built.filter((file) => TEST_CODE.test(`/${file}`))).toEqual([]);
  });

  it('lets every entry point load all it requires, none of it test code', () => {
    // Each app's main, and whatever a package.json script runs from dist/ (the CLI, the benches).
    const scripts = Object.values((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const run = scripts.flatMap((script) => [...script.matchAll(/\bdist\/(\S+\.js)\b/g)].map(([, file]) => file));
    const entries = [...new Set([...readdirSync(join(out, 'apps')).map((app) => `apps/${app}/src/main.js`), ...run])];
    expect(run).toEqual(expect.arrayContaining(['apps/projector/src/cli/main.js', 'bench/holds.bench.js']));
    const reached = new Set<string>();
    const unresolved: string[] = [];
    const visit = (file: string): void => {
      if (reached.has(file)) return;
      reached.add(file);
      // swc writes static imports, re-exports and dynamic import() alike as require("…").
      for (const [, request] of readFileSync(file, 'utf8').matchAll(/require\("(\.{1,2}\/[^"]*)"\)/g)) {
        const target = resolveRequire(file, request);
        if (target) visit(target);
        else unresolved.push(`${relative(out, file)} → ${request}`);
      }
    };
    for (const entry of entries) visit(join(out, entry));
    expect(unresolved).toEqual([]);
    expect([...reached].map((file) => relative(out, file)).filter((file) => TEST_CODE.test(`/${file}`))).toEqual([]);
    expect(reached.size).toBeGreaterThan(100);
  });
});

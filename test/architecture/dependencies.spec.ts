import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/processes';

/**
 * Every package in package.json is imported somewhere (issue 11 §7): a package nothing imports is
 * removed, and one that is only needed while some code uses it (the Redlock candidates of
 * test/redlock-evaluation) fails here once that code is gone. The few used without an import
 * are listed with the reason.
 */
const USED_WITHOUT_IMPORT: Record<string, string> = {
  '@swc/jest': 'the transform of jest.config.js',
  'pino-http': 'a required peer dependency of nestjs-pino, which builds its root logger with it (its per-request middleware is not mounted: docs/decisions/0005)',
  '@nestjs/microservices':
    "part of the stack the project brief fixes, not imported yet: the notifier publishes through mqtt.js directly (decision 0012: the API.md payloads must go out as they are, and Nest's ClientMqtt wraps them in its { pattern, data } envelope); the MQTT telemetry ingest could become a Nest MQTT transport server, which reads raw JSON packets as they are",
  'openapi-typescript': "run as a CLI by test/openapi/client-types.e2e-spec.ts (the README's client-types command)",
  jsdom: "the environment of the web app's component tests, named in apps/web/vite.config.mts (test.environment)",
};

const packageOf = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

const imported = (): Set<string> => {
  // The web app's packages count as any other: its .tsx, its Vite config (.mts) and its style
  // sheets (`@import 'tailwindcss'`) are read too.
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.js', '*.mjs', '*.mts', '*.css'], { cwd: ROOT, encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  const names = new Set<string>();
  // import … from 'x', export … from 'x', import 'x', import('x'), require('x'), require.resolve('x').
  const specifier = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\brequire(?:\.resolve)?\s*\(\s*)['"]([^'"./][^'"]*)['"]/g;
  for (const file of files) {
    let source: string;
    try {
      source = readFileSync(join(ROOT, file), 'utf8');
    } catch {
      continue; // deleted in the work tree
    }
    for (const [, request] of source.matchAll(specifier)) names.add(packageOf(request));
  }
  return names;
};

describe('the dependencies (package.json)', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const declared = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];

  it('are each imported somewhere, or listed with the reason they are not', () => {
    const names = imported();
    const unused = declared.filter((name) => !name.startsWith('@types/') /* read by tsc */ && !names.has(name) && !(name in USED_WITHOUT_IMPORT));
    expect(unused).toEqual([]);
  });

  it('list no exception for a package that is gone or imported after all', () => {
    const names = imported();
    expect(Object.keys(USED_WITHOUT_IMPORT).filter((name) => !declared.includes(name) || names.has(name))).toEqual([]);
  });
});

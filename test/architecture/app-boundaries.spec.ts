import { spawnSync } from 'node:child_process';
import { ROOT } from '../support/processes';

/**
 * The app-boundaries rule (eslint.config.mjs) must really fire. jest's CommonJS runtime cannot
 * load eslint.config.mjs, so one child process lints every case with ESLint's Node API
 * (`lintText` with the file path each case pretends to be at).
 */
interface Case {
  filePath: string;
  code: string;
}

const LINT = `
const { ESLint } = require('eslint');
const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const eslint = new ESLint({ cwd: process.cwd() });
(async () => {
  const results = [];
  for (const { filePath, code } of cases) {
    const [result] = await eslint.lintText(code, { filePath });
    results.push(result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })));
  }
  process.stdout.write(JSON.stringify(results));
})().catch((error) => { console.error(error); process.exit(1); });
`;

const lint = (cases: Case[]): { ruleId: string | null; message: string }[][] => {
  const result = spawnSync(process.execPath, ['-e', LINT], { cwd: ROOT, input: JSON.stringify(cases), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`eslint failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
};

const refused: [string, string, RegExp][] = [
  ['apps/query-api/src/shows/fixture.ts', "import { PROJECTIONS } from '../../../projector/src/read-models';\nexport const all = PROJECTIONS;\n", /apps\/query-api imports apps\/projector's internals/],
  ['apps/query-api/src/fixture.ts', "import type { Projection } from '../../projector/src/projection';\nexport type P = Projection;\n", /apps\/query-api imports apps\/projector's internals/],
  ['apps/command-api/src/fixture.ts', "export * from '../../notifier/src/notifier.module';\n", /apps\/command-api imports apps\/notifier's internals/],
  ['apps/notifier/src/fixture.ts', "export const load = () => import('../../query-api/src/query-api.module');\n", /apps\/notifier imports apps\/query-api's internals/],
  ['apps/projector/src/fixture.ts', "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const ids = require('../../command-api/src/bookings/booking-ids');\n", /apps\/projector imports apps\/command-api's internals/],
  ['apps/query-api/src/fixture.ts', "import 'apps/projector/src/projector';\n", /apps\/query-api imports apps\/projector's internals/],
  ['apps/query-api/src/read-your-writes/fixture.spec.ts', "import { Projector } from '../../../projector/src/projector';\nexport const p = Projector;\n", /apps\/query-api imports apps\/projector's internals/],
  ['apps/standalone/src/fixture.ts', "import { Projector } from '../../projector/src/projector';\nexport const p = Projector;\n", /apps\/standalone imports only the apps' root modules/],
  ['apps/standalone/src/fixture.ts', "export * from '../../command-api/src/bookings/bookings.module';\n", /apps\/standalone imports only the apps' root modules/],
  ['libs/read-models/src/fixture.ts', "export * from '../../../apps/projector/src/projection';\n", /never depend on an app/],
];

const allowed: [string, string][] = [
  ['apps/standalone/src/fixture.ts', "import { ProjectorModule } from '../../projector/src/projector.module';\nexport const m = ProjectorModule;\n"],
  ['apps/query-api/src/shows/fixture.ts', "import { SEAT_MAP } from '@tessera/read-models';\nimport { visibleShow } from './visible-show';\nexport const both = [SEAT_MAP, visibleShow];\n"],
  ['apps/command-api/src/accounts/fixture.e2e-spec.ts', "import { bearer } from '../../../../test/support/auth';\nexport const b = bearer;\n"],
  ['test/read-side/fixture.spec.ts', "import { Projector } from '../../apps/projector/src/projector';\nexport const p = Projector;\n"],
  ['bench/fixture.bench.ts', "import { SeatMapCache } from '../apps/query-api/src/shows/seat-map/seat-map-renderer';\nexport const c = SeatMapCache;\n"],
];

describe('the app-boundaries rule', () => {
  let results: { ruleId: string | null; message: string }[][];

  beforeAll(() => {
    results = lint([...refused, ...allowed].map(([filePath, code]) => ({ filePath, code })));
  }, 60_000);

  it.each(refused.map((entry, i) => [i, ...entry] as const))('refuses case %i: %s', (i, _file, _code, message) => {
    expect(results[i].map((m) => m.message).join('\n')).toMatch(message);
  });

  it.each(allowed.map((entry, i) => [refused.length + i, ...entry] as const))('allows case %i: %s', (i) => {
    expect(results[i]).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../support/processes';

/**
 * The web app's component tests (the seat map, the countdown, the API client's refresh) run in
 * Vitest, with the app's own Vite config: the same oxc JSX transform, `@/` alias and Tailwind
 * plugin as the build, in jsdom. Jest is the runner CI reads, so this spec runs them and fails
 * with their report. Making them jest tests instead would need a second JSX and ESM setup for
 * jest (react-router and TanStack ship ESM) that the build itself never uses.
 */
describe("the web app's component tests (Vitest)", () => {
  it('pass', () => {
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--config', join(ROOT, 'apps', 'web', 'vite.config.mts')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
      timeout: 120_000,
    });
    if (run.status !== 0) throw new Error(`vitest failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    expect(run.stdout).toMatch(/Tests\s+\d+ passed/);
  }, 150_000);
});

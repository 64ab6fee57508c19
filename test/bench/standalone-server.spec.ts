import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NPM_START_ENV } from '../../bench/support/standalone-server';

describe('bench servers run as npm start runs the server', () => {
  const scripts = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

  it.each(Object.entries(NPM_START_ENV))('with the default %s=%s that package.json gives every start script', (name, value) => {
    for (const script of ['start', 'start:command-api', 'start:query-api', 'start:projector', 'start:notifier']) {
      expect(scripts[script]).toContain(`${name}=\${${name}:-${value}}`);
    }
  });

  it('and with nothing else set that the benches leave out', () => {
    const set = [...scripts.start.matchAll(/\b([A-Z_]+)=\$\{/g)].map(([, name]) => name);
    expect(set.sort()).toEqual(Object.keys(NPM_START_ENV).sort());
  });
});

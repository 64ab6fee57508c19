import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { binaryPath, describeNeeding } from '@tessera/platform/testing/services';
import { ROOT } from '../support/processes';
import { startTestApp, type TestApp } from '../support/test-app';

const NEEDED = ['bash', 'curl', 'jq'];
const missing = NEEDED.filter((name) => !binaryPath(name));

/** The README's "Reporting an incident with curl", run as a reader would paste it. */
describeNeeding(
  NEEDED.join(', '),
  missing.length ? `${missing.join(' and ')} not installed (apt-get install ${missing.join(' ')})` : undefined,
  "the README's incident commands",
  () => {
    let server: TestApp;

    beforeAll(async () => {
      server = await startTestApp({ env: { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'Kestrel-Orbit-Tangerine-41' } });
    });

    afterAll(async () => {
      await server?.close();
    });

    it('reports an incident, acknowledges it and reads it back', async () => {
      const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
      const section = readme.slice(readme.indexOf('## Reporting an incident with curl'));
      const script = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
      expect(script).toBeDefined();
      // Not spawnSync: the server runs in this process and must answer while the script runs.
      const run = await promisify(execFile)(binaryPath('bash') as string, ['--norc', '--noprofile', '-c', script as string], {
        env: { PATH: process.env.PATH ?? '', HOME: server.dataDir, API: server.url },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/\{"incidentId":"[0-9a-f-]{36}","status":"acknowledged","priority":"P2","position":"\d+"\}/);
      expect(run.stdout).toContain('"change": "status new → acknowledged"');
      expect(run.stdout).toContain('"title": "Seat 12 broken"');
    });
  },
);

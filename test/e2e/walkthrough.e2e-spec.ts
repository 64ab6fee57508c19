import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { binaryPath, describeNeeding, makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { buildOnce, ROOT, startStandalone, type RunningProcess } from '../support/processes';

const NEEDED = ['bash', 'curl', 'jq'];
const missing = NEEDED.filter((name) => !binaryPath(name));

/** The README's first purchase (tools/walkthrough.sh) against a started server, run as a reader would. */
describeNeeding(
  NEEDED.join(', '),
  missing.length ? `${missing.join(' and ')} not installed (apt-get install ${missing.join(' ')})` : undefined,
  'the README walkthrough',
  () => {
    const ADMIN = { ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'Kestrel-Orbit-Tangerine-41' };
    let dataDir: string;
    let server: RunningProcess;
    let api: string;

    beforeAll(async () => {
      buildOnce();
      dataDir = await makeTempDir('walkthrough');
      ({ url: api, process: server } = await startStandalone({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...ADMIN }));
    }, 90_000);

    afterAll(async () => {
      server?.child.kill('SIGTERM');
      await server?.exited;
      await removeDir(dataDir);
    });

    const walkthrough = (env: Record<string, string> = {}) => {
      const run = spawnSync(binaryPath('bash') as string, [join(ROOT, 'tools/walkthrough.sh')], {
        env: { PATH: process.env.PATH ?? '', API: api, ...ADMIN, ...env },
        encoding: 'utf8',
        timeout: 30_000,
      });
      return { code: run.status, stdout: run.stdout, stderr: run.stderr };
    };

    const expectAPurchase = (stdout: string): void => {
      expect(stdout).toMatch(/"status":"on_sale"/);
      expect(stdout).toMatch(/\{"bookingId":"[0-9a-f-]{36}","status":"confirmed","seats":\["A-1-7","A-1-8"\]\}/);
      expect(stdout).toMatch(/\{"seatId":"A-1-7","checkedInAt":"[^"]+"\}/);
      expect(stdout).toContain('{"status":409,"code":"ALREADY_CHECKED_IN"}');
      expect(stdout).toContain('{"seatId":"A-1-7","status":"checked_in"}\n{"seatId":"A-1-8","status":"valid"}\n');
    };

    it('completes a purchase, and again when run a second time against the same server', () => {
      const first = walkthrough();
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toContain('registered fan@example.com');
      expectAPurchase(first.stdout);

      const second = walkthrough();
      expect(second.stderr).toBe('');
      expect(second.code).toBe(0);
      expect(second.stdout).toContain('fan@example.com is already registered');
      expectAPurchase(second.stdout);
      // Its own show and booking, not the first run's answers replayed.
      const bookingOf = (stdout: string) => /"bookingId":"([^"]+)"/.exec(stdout)?.[1];
      expect(bookingOf(second.stdout)).not.toBe(bookingOf(first.stdout));
    }, 60_000);

    it('stops at the first step that fails and shows the server\'s answer', () => {
      const run = walkthrough({ ADMIN_PASSWORD: 'not-the-admin-password' });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/POST \/api\/auth\/login failed: \{.*"code":"INVALID_CREDENTIALS"/);
      expect(run.stdout).toMatch(/^1\. The admin signs in/);
      expect(run.stdout).not.toMatch(/^2\./m);
    });
  },
);

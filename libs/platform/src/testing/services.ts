import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/**
 * Tests that need a real machine service (Redis, Mosquitto) use the real thing. Where it is
 * missing the suite is skipped with a printed reason, except under CI=true where it fails.
 * Optional legs (KurrentDB, MongoDB) run only when their URL is configured and are skipped
 * with a printed reason otherwise. Availability is probed once by tools/jest-global-setup.js.
 */

export type MachineService = 'redis' | 'mosquitto';

const WHERE: Record<MachineService, string> = { redis: '127.0.0.1:6379', mosquitto: '127.0.0.1:1883' };

export const serviceAvailable = (service: MachineService): boolean =>
  (process.env.TESSERA_SERVICES ?? '').split(',').includes(service);

/**
 * Runs the suite when what it needs is there (`missing` undefined); otherwise skips it with the
 * printed reason, or under CI=true fails it with that reason.
 */
export const describeNeeding = (what: string, missing: string | undefined, title: string, body: () => void): void => {
  if (missing === undefined) {
    describe(title, body);
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => {
      it(`needs ${what}`, () => {
        throw new Error(`${missing}; under CI=true the machine must provide it`);
      });
    });
    return;
  }
  console.warn(`SKIPPED "${title}": ${missing}`);
  const skipped = describe.skip;
  skipped(title, body);
};

export const describeWithService = (service: MachineService, title: string, body: () => void): void =>
  describeNeeding(service, serviceAvailable(service) ? undefined : `${service} is not reachable at ${WHERE[service]}`, title, body);

/** Where a machine binary is: on the PATH, or in the sbin folders a package puts daemons in. */
export const binaryPath = (name: string): string | undefined => {
  const folders = [...(process.env.PATH ?? '').split(delimiter), '/usr/local/sbin', '/usr/sbin', '/sbin'];
  for (const folder of folders.filter(Boolean)) {
    const candidate = join(folder, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
};

/** `describe` for a suite that runs a machine binary (nginx), given its path; `install` says how to get it. */
export const describeWithBinary = (name: string, install: string, title: string, body: (path: string) => void): void => {
  const path = binaryPath(name);
  describeNeeding(name, path ? undefined : `${name} is not installed (${install})`, title, () => body(path ?? ''));
};

/** `describe` for an optional leg that runs only when its URL variable is set. */
export const describeIfConfigured = (variable: string, title: string, body: (url: string) => void): void => {
  const url = process.env[variable];
  if (url) {
    describe(title, () => body(url));
    return;
  }
  console.warn(`SKIPPED "${title}": set ${variable} to run it against a real server`);
  const skipped = describe.skip;
  skipped(title, () => body(''));
};

export const makeTempDir = (prefix: string): Promise<string> => mkdtemp(join(tmpdir(), `tessera-${prefix}-`));

export const removeDir = (dir: string): Promise<void> => rm(dir, { recursive: true, force: true });

const mountError = (error: unknown): string =>
  ((error as { stderr?: Buffer }).stderr?.toString().trim() || (error as Error).message).split('\n')[0];

/** Why this process cannot mount a tmpfs (not root, no CAP_SYS_ADMIN, no mount), or undefined when it can. */
const tmpfsUnmountable = (): string | undefined => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' });
    execFileSync('umount', [dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `cannot mount a tmpfs here (${mountError(error)}); run as root or with CAP_SYS_ADMIN`;
  } finally {
    rmdirSync(dir);
  }
};

/** `describe` for a suite that mounts its own small filesystem (mountTmpfs): skipped, or failed under CI=true, where it cannot. */
export const describeWithTmpfs = (title: string, body: () => void): void =>
  describeNeeding('a tmpfs mount', tmpfsUnmountable(), title, body);

/** Mounts a tmpfs of `sizeMiB` on a fresh temp folder; `unmount` takes it away (lazily, if still busy) and removes the folder. */
export const mountTmpfs = async (sizeMiB: number): Promise<{ dir: string; unmount(): Promise<void> }> => {
  const dir = await makeTempDir('tmpfs');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    await removeDir(dir);
    throw new Error(`mount -t tmpfs on ${dir} failed: ${mountError(error)}`);
  }
  return {
    dir,
    unmount: async () => {
      try {
        execFileSync('umount', [dir], { stdio: 'pipe' });
      } catch {
        execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      }
      await removeDir(dir);
    },
  };
};

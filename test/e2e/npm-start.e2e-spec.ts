import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { binaryPath, describeWithBinary, makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { buildOnce, freePort, ROOT, waitFor, watchProcess, type RunningProcess } from '../support/processes';

/**
 * `npm start` as an operator runs it, stopped as a supervisor or a terminal stops it. npm passes
 * SIGTERM and SIGINT on to its child only, the `sh -c` of the script; that shell has to be the
 * server itself (exec), or the server is orphaned and goes on answering.
 */
describeWithBinary('npm', 'it comes with Node.js', 'npm start', () => {
  let dataDir: string;
  let built = false;

  beforeEach(async () => {
    dataDir = await makeTempDir('npm-start');
  });
  afterEach(async () => {
    await removeDir(dataDir);
  });

  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  };

  /** Starts `npm start` in a process group of its own (as a terminal does); resolves once it answers. */
  const npmStart = async (args: string[]) => {
    const port = await freePort();
    const npm = watchProcess(
      spawn(binaryPath('npm') as string, ['start', ...args], {
        cwd: ROOT,
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      }),
    );
    // The server can answer before its "listening" line has come through npm's pipe: wait for both.
    await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/health/live`)).ok && npm.output().includes('standalone listening on'), 45_000, 100);
    const listening = npm.output().split('\n').find((line) => line.includes('standalone listening on'));
    const serverPid = Number(/"pid":(\d+)/.exec(listening ?? '')?.[1]);
    expect(serverPid).toBeGreaterThan(0);
    return { npm, port, serverPid };
  };

  /**
   * `npmToo`: the signal reached npm as well (Ctrl-C, to the whole group). npm then ends either
   * with its child's status (0) or, when the signal is still pending for it as its child exits, by
   * the signal itself, as a shell's `130` shows: both seen, the first usually. What this test holds
   * to is the server's graceful stop, once.
   */
  const expectStoppedGracefully = async (npm: RunningProcess, port: number, serverPid: number, signal: string, npmToo = false): Promise<void> => {
    // npm ends, and the server with it: its pid is gone and its port no longer answers.
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`npm still running:\n${npm.output()}`)), 10_000)));
    await Promise.race([npm.exited, late]).finally(() => clearTimeout(timer));
    await waitFor(async () => !alive(serverPid), 5000).catch(() => {
      throw new Error(`server ${serverPid} outlived npm`);
    });
    await expect(fetch(`http://127.0.0.1:${port}/health/live`)).rejects.toThrow();
    expect(npm.output()).toContain(`stopped on ${signal}; the log is flushed and closed`);
    const exit = await npm.exited;
    if (npmToo && exit.signal === signal) return;
    expect(exit).toEqual({ code: 0, signal: null });
  };

  /** Whatever is left after a failure: the orphaned server, the npm process group. */
  const stopAll = (npm: RunningProcess | undefined, serverPid: number | undefined): void => {
    for (const pid of [serverPid, npm?.child.pid && -npm.child.pid]) {
      try {
        if (pid) process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };

  it('SIGTERM to npm stops the server gracefully (the real npm start: build, then start)', async () => {
    let started: Awaited<ReturnType<typeof npmStart>> | undefined;
    try {
      started = await npmStart([]);
      built = true;
      // glibc's malloc arenas are capped for the server (README, Configuration), unless set already.
      if (existsSync(`/proc/${started.serverPid}/environ`) && process.env.MALLOC_ARENA_MAX === undefined) {
        expect(readFileSync(`/proc/${started.serverPid}/environ`, 'utf8').split('\0')).toContain('MALLOC_ARENA_MAX=2');
      }
      started.npm.child.kill('SIGTERM');
      await expectStoppedGracefully(started.npm, started.port, started.serverPid, 'SIGTERM');
    } finally {
      stopAll(started?.npm, started?.serverPid);
    }
  }, 90_000);

  it('SIGINT to npm stops the server gracefully', async () => {
    if (!built) buildOnce();
    let started: Awaited<ReturnType<typeof npmStart>> | undefined;
    try {
      started = await npmStart(['--ignore-scripts']); // built above: no second build
      started.npm.child.kill('SIGINT');
      await expectStoppedGracefully(started.npm, started.port, started.serverPid, 'SIGINT');
    } finally {
      stopAll(started?.npm, started?.serverPid);
    }
  }, 60_000);

  it('Ctrl-C (SIGINT to the whole process group) stops the server gracefully, once', async () => {
    if (!built) buildOnce();
    let started: Awaited<ReturnType<typeof npmStart>> | undefined;
    try {
      started = await npmStart(['--ignore-scripts']);
      process.kill(-(started.npm.child.pid as number), 'SIGINT');
      await expectStoppedGracefully(started.npm, started.port, started.serverPid, 'SIGINT', true);
      expect(started.npm.output().match(/stopped on SIGINT/g)).toHaveLength(1);
    } finally {
      stopAll(started?.npm, started?.serverPid);
    }
  }, 60_000);
});

import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { freePort, waitFor, watchProcess, type RunningProcess } from '../support/processes';

/**
 * A private Mosquitto on a free port, with persistence in a temp folder: a test may stop and
 * start it (a broker restart that keeps sessions and retained messages, as a real one does).
 */
export interface PrivateMosquitto {
  url: string;
  port: number;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

export const startPrivateMosquitto = async (binary: string): Promise<PrivateMosquitto> => {
  const dir = await makeTempDir('mosquitto');
  const port = await freePort();
  const configFile = join(dir, 'mosquitto.conf');
  await writeFile(
    configFile,
    [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence true', `persistence_location ${dir}/`, 'log_dest none', ''].join('\n'),
  );
  let running: RunningProcess | undefined;
  const start = async () => {
    running = watchProcess(spawn(binary, ['-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] }));
    await waitFor(() => listening(port), 10_000);
  };
  const halt = async () => {
    if (!running) return;
    const current = running;
    running = undefined;
    current.child.kill('SIGTERM'); // Mosquitto writes its persistence file on SIGTERM
    await current.exited;
  };
  await start();
  return {
    url: `mqtt://127.0.0.1:${port}`,
    port,
    restart: async () => {
      await halt();
      await start();
    },
    stop: async () => {
      await halt();
      await removeDir(dir);
    },
  };
};

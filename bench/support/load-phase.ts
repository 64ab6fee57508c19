import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadConfig, LoadResult } from './closed-loop-load';
import { eachLine } from './lines';
import { cpuMillisecondsOf } from './process-stats';

export interface LoadPhase extends LoadResult {
  /** Server CPU (user + system, all threads) per request answered in the window, in ms. */
  serverCpuMsPerRequest: number;
}

/**
 * One phase of bench/support/closed-loop-load.ts (built, in `dist/bench/support`), a process of its
 * own: it opens the connections, warms them up, then measures a window; the server's CPU is read
 * at the window's edges, and `onMeasuring` runs when the window opens. The config goes in a file
 * (a device list outgrows the command line).
 */
export const runLoadPhase = async (config: LoadConfig, serverPid: number | undefined, onMeasuring?: () => void): Promise<LoadPhase> => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-bench-load-'));
  const file = join(dir, 'config.json');
  writeFileSync(file, JSON.stringify(config));
  try {
    const child = spawn(process.execPath, [join(__dirname, 'closed-loop-load.js'), `@${file}`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let cpuAtStart = 0;
    let cpuInWindow = 0;
    let result: LoadResult | undefined;
    eachLine(child.stdout, (line) => {
      if (line === 'measuring') {
        cpuAtStart = cpuMillisecondsOf(serverPid);
        onMeasuring?.();
      } else if (line === 'measured') cpuInWindow = cpuMillisecondsOf(serverPid) - cpuAtStart;
      else if (line.startsWith('result ')) result = JSON.parse(line.slice('result '.length)) as LoadResult;
    });
    const code = await new Promise<number | null>((done) => child.once('close', done));
    if (code !== 0 || !result) throw new Error(`the load generator failed (exit ${code})`);
    if (result.protocolError) throw new Error(`the load generator could not read an answer: ${result.protocolError}`);
    return { ...result, serverCpuMsPerRequest: cpuInWindow / Math.max(1, result.requests) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

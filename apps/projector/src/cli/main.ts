import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { createEventStore, createReadStore } from '@tessera/platform/adapters';
import { DataDirLockedError } from '@tessera/platform/event-store/embedded/data-dir-lock';
import { loadConfig, type TesseraConfig } from '@tessera/platform/config/config';
import type { EventStore } from '@tessera/platform/event-store/event-store.port';
import type { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { describeStartupFailure } from '@tessera/platform/event-store/embedded/startup-failure';
import { checkpointName } from '../projection-engine';
import { PROJECTIONS } from '../read-models';
import { rebuildProjection, verifyProjection } from '../rebuild';
import { registerLogCommands } from './log-commands';

/**
 * `npm run cli -- …`: operator commands over the same stores the servers use (DATA_DIR,
 * EVENTSTORE_URL, MONGO_URL). The embedded log admits one process: against a running standalone
 * server the CLI stops with a clear message instead of touching its data, except `projections
 * status`, which asks that server (its checkpoints live in its memory).
 */

interface Stores {
  events: EventStore;
  reads: ReadStore;
  config: TesseraConfig;
}

const openStores = async (): Promise<Stores> => {
  const config = loadConfig(process.env);
  let events: EventStore;
  try {
    events = await createEventStore(config);
  } catch (error) {
    if (error instanceof DataDirLockedError) throw new LogInUse(config, error);
    throw error;
  }
  const reads = await createReadStore(config);
  return { events, reads, config };
};

const closeStores = async ({ events, reads }: Stores, save: boolean): Promise<void> => {
  // The embedded read store lives in memory: its snapshot is what the next server start restores.
  const snapshotting = reads as Partial<{ saveSnapshot(): Promise<unknown> }>;
  if (save && typeof snapshotting.saveSnapshot === 'function') await snapshotting.saveSnapshot();
  await reads.close();
  await events.close();
};

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** A running server holds the embedded log. */
class LogInUse extends CliError {
  constructor(
    readonly config: TesseraConfig,
    readonly lock: DataDirLockedError,
  ) {
    super(
      `${lock.message}.\nThe embedded event log (DATA_DIR=${config.DATA_DIR}) is in use by a running server. ` +
        'Stop the server first, or run against the distributed stores (EVENTSTORE_URL, MONGO_URL).',
      2,
    );
  }
}

const projectionsNamed = (name: string) => {
  if (name === 'all') return PROJECTIONS;
  const found = PROJECTIONS.filter((projection) => projection.name === name);
  if (found.length === 0) throw new CliError(`no projection "${name}"; known: ${PROJECTIONS.map((p) => p.name).join(', ')}, all`);
  return found;
};

const withStores = async (save: boolean, work: (stores: Stores) => Promise<number | void>): Promise<void> => {
  const stores = await openStores();
  let code: number | void = 0;
  try {
    code = await work(stores);
  } finally {
    await closeStores(stores, save);
  }
  process.exitCode = code ?? 0;
};

const program = new Command()
  .name('tessera')
  .description('Tessera operator commands: rebuild and verify read models, export streams.');

const projections = program.command('projections').description('read models built from the log');

projections
  .command('rebuild')
  .argument('<name>', `a projection (${PROJECTIONS.map((p) => p.name).join(', ')}) or "all"`)
  .description('rebuild into new collections from position 0, compare with the live model, then switch')
  .action(async (name: string) => {
    const chosen = projectionsNamed(name);
    await withStores(true, async ({ events, reads }) => {
      for (const projection of chosen) {
        const bar = new SingleBar({ format: `${projection.name.padEnd(10)} [{bar}] {percentage}% | {value}/{total} positions | {eta}s`, stream: process.stderr }, Presets.shades_classic);
        bar.start(Math.max(1, await events.headPosition()), 0);
        const report = await rebuildProjection(events, reads, projection, (position, head) => {
          bar.setTotal(Math.max(1, head));
          bar.update(position);
        });
        bar.stop();
        const rate = report.ms > 0 ? Math.round((report.events / report.ms) * 1000) : report.events;
        process.stdout.write(
          `${projection.name}: ${report.events} events up to position ${report.position} in ${Math.round(report.ms)} ms (${rate} events/s); ` +
            `compared with live: ${report.comparedWithLive}${report.livePosition === null ? '' : ` (live was at ${report.livePosition})`}; switched\n`,
        );
      }
    });
  });

projections
  .command('verify')
  .argument('[name]', 'a projection or "all"', 'all')
  .description('rebuild on the side up to the live checkpoint and compare by hash (exit 1 on a difference)')
  .action(async (name: string) => {
    const chosen = projectionsNamed(name);
    await withStores(false, async ({ events, reads }) => {
      let differences = 0;
      for (const projection of chosen) {
        const report = await verifyProjection(events, reads, projection);
        if (!report.identical) differences++;
        process.stdout.write(
          `${projection.name}: ${report.identical ? 'identical' : 'DIFFERENT'} at position ${report.position} (live ${report.live.slice(0, 16)}…, rebuilt ${report.rebuilt.slice(0, 16)}…)\n`,
        );
      }
      return differences > 0 ? 1 : 0;
    });
  });

const writeStatus = (head: number, checkpoints: ReadonlyMap<string, number | null>): void => {
  process.stdout.write(`log head: ${head}\n`);
  for (const projection of PROJECTIONS) {
    const checkpoint = checkpoints.get(checkpointName(projection)) ?? null;
    const lag = checkpoint === null ? 'never run' : `${head - checkpoint} positions behind`;
    process.stdout.write(`${checkpointName(projection).padEnd(14)} ${String(checkpoint ?? '-').padStart(10)}  ${lag}\n`);
  }
};

/** Where the server of this environment answers (PORT, HOST), unless --url names it. */
const serverUrl = (config: TesseraConfig, url: string | undefined): string => {
  if (url) return url;
  const host = config.HOST === '0.0.0.0' ? '127.0.0.1' : config.HOST === '::' ? '::1' : config.HOST;
  return `http://${host.includes(':') ? `[${host}]` : host}:${config.PORT}`;
};

interface HealthDetail {
  status?: string;
  mode?: string;
  head?: string;
  checkpoints?: Record<string, string>;
  message?: string;
}

/**
 * Status from the server that holds the embedded log, through its /health: the checkpoints in its
 * memory are the live ones (the read-model snapshot on disk is up to 30 s old), and the CLI
 * reads none of the files that server is writing.
 */
const statusFromServer = async ({ config, lock }: LogInUse, url: string): Promise<void> => {
  const refuse = (why: string) =>
    new CliError(`the embedded event log (DATA_DIR=${config.DATA_DIR}) is in use by process ${lock.ownerPid}, and ${why}; pass --url with that server's address`, 2);
  let details: Record<string, HealthDetail> | undefined;
  try {
    const answer = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(5000) });
    details = ((await answer.json()) as { details?: Record<string, HealthDetail> }).details;
  } catch (error) {
    throw refuse(`no server answers at ${url} (${error instanceof Error ? (error.cause as Error | undefined)?.message ?? error.message : String(error)})`);
  }
  const log = details?.eventStore;
  if (log?.mode !== 'embedded' || log.head === undefined) throw refuse(`the server at ${url} does not run on an embedded log`);
  const projections = details?.projections;
  if (!projections) throw refuse(`the server at ${url} runs no projector`);
  process.stderr.write(`asked the running server at ${url} (process ${lock.ownerPid} holds DATA_DIR)\n`);
  if (projections.status !== 'up' || !projections.checkpoints) {
    process.stdout.write(`log head: ${log.head}\nprojections: ${projections.message ?? projections.status}\n`);
    return;
  }
  writeStatus(Number(log.head), new Map(Object.entries(projections.checkpoints).map(([name, position]) => [name, Number(position)])));
};

projections
  .command('status')
  .description('each projection\'s checkpoint and its lag behind the log head (from the running server when it holds the embedded log)')
  .option('--url <url>', 'the running server to ask (default: http://127.0.0.1:$PORT)')
  .action(async (options: { url?: string }) => {
    try {
      await withStores(false, async ({ events, reads }) => {
        const head = await events.headPosition();
        const checkpoints = new Map<string, number | null>();
        for (const projection of PROJECTIONS) checkpoints.set(checkpointName(projection), await reads.getCheckpoint(checkpointName(projection)));
        writeStatus(head, checkpoints);
      });
    } catch (error) {
      if (!(error instanceof LogInUse)) throw error;
      await statusFromServer(error, serverUrl(error.config, options.url));
    }
  });

program
  .command('streams')
  .description('streams of the log')
  .command('export')
  .argument('<stream>', 'a stream name such as booking-…')
  .option('-o, --out <file>', 'write to a file instead of stdout')
  .description('write every event of a stream as NDJSON (one JSON event per line, with metadata)')
  .action(async (stream: string, options: { out?: string }) => {
    await withStores(false, async ({ events }) => {
      const recorded = await events.readStream(stream);
      if (recorded.length === 0) throw new CliError(`stream ${stream} does not exist`);
      const out = options.out ? createWriteStream(options.out) : process.stdout;
      for (const event of recorded) {
        if (!out.write(`${JSON.stringify(event)}\n`)) await once(out, 'drain');
      }
      if (options.out) {
        (out as ReturnType<typeof createWriteStream>).end();
        await once(out, 'finish');
        process.stderr.write(`${recorded.length} events of ${stream} written to ${options.out}\n`);
      }
    });
  });

registerLogCommands(program);

program.parseAsync(process.argv).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = error instanceof CliError ? error.exitCode : (describeStartupFailure(error)?.exitCode ?? 1);
});

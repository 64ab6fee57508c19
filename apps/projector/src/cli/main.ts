import 'reflect-metadata';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { createEventStore, createReadStore } from '@tessera/platform/adapters';
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
 * server the CLI stops with a clear message instead of touching its data.
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
    if (error instanceof Error && error.name === 'DataDirLockedError') {
      throw new CliError(
        `${error.message}.\nThe embedded event log (DATA_DIR=${config.DATA_DIR}) is in use by a running server. ` +
          'Stop the server first, or run against the distributed stores (EVENTSTORE_URL, MONGO_URL).',
        2,
      );
    }
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

projections
  .command('status')
  .description('each projection\'s checkpoint and its lag behind the log head')
  .action(async () => {
    await withStores(false, async ({ events, reads }) => {
      const head = await events.headPosition();
      process.stdout.write(`log head: ${head}\n`);
      for (const projection of PROJECTIONS) {
        const checkpoint = await reads.getCheckpoint(checkpointName(projection));
        const lag = checkpoint === null ? 'never run' : `${head - checkpoint} positions behind`;
        process.stdout.write(`${checkpointName(projection).padEnd(14)} ${String(checkpoint ?? '-').padStart(10)}  ${lag}\n`);
      }
    });
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

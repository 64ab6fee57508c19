/**
 * Crash-test writer, run by kill9.spec.ts and killed with SIGKILL at random moments:
 *   node --require ./tools/swc-register.js test/durability/kill9-writer.ts DATA_DIR ACK_FILE CYCLE
 * Many concurrent appenders write single-stream, exact-revision and atomic multi-stream appends.
 * Each acknowledged append is written to ACK_FILE as one JSON line, synchronously, right after
 * its promise resolves; a regular-file write survives the kill, so the file lists exactly what
 * was acknowledged. Event data carries the event id, so the parent can check the right data came
 * back; multi-stream events carry a tag and the part count, so it can check all-or-nothing.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, openSync, writeSync } from 'node:fs';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import type { EventToAppend, MultiAppendResult, StreamAppend } from '@tessera/platform/event-store/event-store.port';

export interface AckLine {
  position: number;
  streams: Array<{ stream: string; nextRevision: number; ids: string[] }>;
}

export interface WrittenData {
  id: string;
  cycle: number;
  multi?: { tag: string; parts: number };
  padding: string;
}

const APPENDERS = 48;
const SHARED_STREAMS = 40;

const [dataDir, ackFile, cycleArg] = process.argv.slice(2);
const cycle = Number(cycleArg);

const eventFor = (extra: Partial<WrittenData> = {}): EventToAppend => {
  const id = randomUUID();
  const data: WrittenData = { id, cycle, padding: 'p'.repeat(Math.floor(Math.random() * 300)), ...extra };
  return {
    id,
    type: 'durability.appended.v1',
    data,
    metadata: { actorId: 'system:kill9', correlationId: id, causationId: id, occurredAt: new Date().toISOString(), schemaVersion: 1 },
  };
};

const pick = (n: number): number => Math.floor(Math.random() * n);

const main = async (): Promise<void> => {
  const store = await EmbeddedEventStore.open({ dataDir });
  const acks = openSync(ackFile, 'a');
  const report = (appends: StreamAppend[], result: MultiAppendResult): void => {
    const line: AckLine = {
      position: result.position,
      streams: result.streams.map((s, i) => ({ stream: s.stream, nextRevision: s.nextRevision, ids: appends[i].events.map((e) => e.id) })),
    };
    writeSync(acks, `${JSON.stringify(line)}\n`);
  };
  process.stdout.write(`ready ${await store.headPosition()}\n`);

  const appender = async (n: number): Promise<void> => {
    // Each appender owns one stream and appends to it at exact revisions, continuing after restarts.
    const own = `own-${n}`;
    const [last] = await store.readStream(own, { direction: 'backwards', maxCount: 1 });
    let ownRevision = last ? last.revision : -1;
    for (;;) {
      const kind = pick(3);
      let appends: StreamAppend[];
      if (kind === 0) {
        appends = [{ stream: own, expectedRevision: ownRevision < 0 ? 'no_stream' : ownRevision, events: [eventFor()] }];
      } else if (kind === 1) {
        const events = Array.from({ length: 1 + pick(3) }, () => eventFor());
        appends = [{ stream: `shared-${pick(SHARED_STREAMS)}`, expectedRevision: 'any', events }];
      } else {
        const tag = randomUUID();
        const streams = new Set<string>();
        while (streams.size < 3) streams.add(`shared-${pick(SHARED_STREAMS)}`);
        const parts = streams.size + 1;
        appends = [...streams].map((stream) => ({ stream, expectedRevision: 'any' as const, events: [eventFor({ multi: { tag, parts } })] }));
        appends.push({ stream: own, expectedRevision: ownRevision < 0 ? 'no_stream' : ownRevision, events: [eventFor({ multi: { tag, parts } })] });
      }
      const result = await store.appendMulti(appends);
      report(appends, result);
      const ownResult = result.streams.find((s) => s.stream === own);
      if (ownResult) ownRevision = ownResult.nextRevision;
    }
  };

  await Promise.all(Array.from({ length: APPENDERS }, (_, n) => appender(n)));
  closeSync(acks);
};

main().catch((error: unknown) => {
  process.stderr.write(`kill9-writer failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});

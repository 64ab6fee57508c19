import { createHash } from 'node:crypto';
import type { EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { ReadStore } from '@tessera/platform/read-store/read-store.port';
import type { Projection } from './projection';
import { checkpointName, filterOf, ProjectionEngine } from './projection-engine';

/**
 * Rebuilds and verification. A rebuild replays the log from position 0 into a new set of
 * collections (`…_v1__rebuild`), compares it with the live model, then switches it in with
 * renameCollection and catches the live names up to the head. Read models are disposable; the
 * log is the truth.
 */

export const REBUILD_SUFFIX = '__rebuild';
export const VERIFY_SUFFIX = '__verify';
/** Large batches: per-user documents are written once per batch, however many events touch them. */
const EVENTS_PER_BATCH = 20_000;

/** JSON with object keys sorted, so equal documents hash equally whatever their key order. */
export const stableJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${stableJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** SHA-256 over every document of the projection's collections, in `_id` order. */
export const hashProjection = async (reads: ReadStore, projection: Projection, suffix = ''): Promise<string> => {
  const engine = new ProjectionEngine(reads, [projection], suffix);
  const hash = createHash('sha256');
  for (const logical of projection.collections) {
    const docs = await reads.collection(engine.physicalName(projection, logical)).find({}, { sort: { _id: 1 } });
    hash.update(`${logical}\n`);
    for (const doc of docs) hash.update(`${stableJson(doc)}\n`);
  }
  return hash.digest('hex');
};

export interface BuildReport {
  projection: string;
  events: number;
  position: number;
  ms: number;
}

/**
 * Replays the projection's events from the start up to `until` (default: the head at start)
 * into the collections named with `suffix`, which are emptied first.
 */
export const buildFromLog = async (
  events: EventStore,
  reads: ReadStore,
  projection: Projection,
  options: { suffix: string; until?: number; onProgress?: (position: number, head: number) => void },
): Promise<BuildReport> => {
  const started = performance.now();
  const until = options.until ?? (await events.headPosition());
  const engine = new ProjectionEngine(reads, [projection], options.suffix);
  await engine.reset(projection);
  let batch: RecordedEvent[] = [];
  let count = 0;
  for await (const event of events.readAll({ filter: filterOf([projection]) })) {
    if (event.position > until) break;
    batch.push(event);
    if (batch.length >= EVENTS_PER_BATCH) {
      await engine.apply(batch);
      count += batch.length;
      options.onProgress?.(event.position, until);
      batch = [];
    }
  }
  await engine.apply(batch, until);
  count += batch.length;
  options.onProgress?.(until, until);
  return { projection: projection.name, events: count, position: until, ms: performance.now() - started };
};

export interface RebuildReport extends BuildReport {
  /** Whether the live model, where it stood at the same position, matched the rebuild. */
  comparedWithLive: 'identical' | 'different' | 'not comparable';
  livePosition: number | null;
}

export const rebuildProjection = async (
  events: EventStore,
  reads: ReadStore,
  projection: Projection,
  onProgress?: (position: number, head: number) => void,
): Promise<RebuildReport> => {
  const report = await buildFromLog(events, reads, projection, { suffix: REBUILD_SUFFIX, onProgress });
  const livePosition = await reads.getCheckpoint(checkpointName(projection));
  let comparedWithLive: RebuildReport['comparedWithLive'] = 'not comparable';
  if (livePosition === report.position) {
    const [live, rebuilt] = await Promise.all([hashProjection(reads, projection), hashProjection(reads, projection, REBUILD_SUFFIX)]);
    comparedWithLive = live === rebuilt ? 'identical' : 'different';
  }
  // Switch: each rebuilt collection replaces the live one, then the checkpoint follows.
  const rebuilt = new ProjectionEngine(reads, [projection], REBUILD_SUFFIX);
  const live = new ProjectionEngine(reads, [projection]);
  const existing = new Set(await reads.listCollections());
  for (const logical of projection.collections) {
    const from = rebuilt.physicalName(projection, logical);
    if (existing.has(from)) await reads.renameCollection(from, live.physicalName(projection, logical));
    else await reads.dropCollection(live.physicalName(projection, logical));
  }
  await reads.saveCheckpoint(checkpointName(projection), report.position);
  await reads.deleteCheckpoint(checkpointName(projection, REBUILD_SUFFIX));
  // A projector running meanwhile (distributed mode) may have written past the rebuild into the
  // old collections: catch the switched model up to the head; `_position` absorbs any overlap.
  await live.load();
  let batch: RecordedEvent[] = [];
  for await (const event of events.readAll({ after: report.position, filter: filterOf([projection]) })) {
    batch.push(event);
    if (batch.length >= EVENTS_PER_BATCH) {
      await live.apply(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await live.apply(batch);
  return { ...report, comparedWithLive, livePosition };
};

export interface VerifyReport {
  projection: string;
  position: number;
  live: string;
  rebuilt: string;
  identical: boolean;
}

/** Rebuilds up to the live checkpoint on the side and compares the two by hash. */
export const verifyProjection = async (events: EventStore, reads: ReadStore, projection: Projection): Promise<VerifyReport> => {
  const position = (await reads.getCheckpoint(checkpointName(projection))) ?? 0;
  await buildFromLog(events, reads, projection, { suffix: VERIFY_SUFFIX, until: position });
  const [live, rebuilt] = await Promise.all([hashProjection(reads, projection), hashProjection(reads, projection, VERIFY_SUFFIX)]);
  await new ProjectionEngine(reads, [projection], VERIFY_SUFFIX).reset(projection);
  return { projection: projection.name, position, live, rebuilt, identical: live === rebuilt };
};

import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { checkpointName, collectionName } from '@tessera/read-models';
import { DocumentBatch, type Projection } from './projection';

// Shared with the query side, which reads the same checkpoints: defined in libs/read-models.
export { checkpointName, filterOf } from '@tessera/read-models';

/**
 * Applies batches of events to a set of projections: for each projection, the events it has not
 * yet checkpointed go through one DocumentBatch, the changed documents are written, and only then
 * does its checkpoint move. A crash between the two replays the batch, which the documents'
 * `_position` makes harmless. `suffix` addresses a rebuild's collections instead of the live ones.
 */

export interface BatchReport {
  events: number;
  documents: number;
}

export class ProjectionEngine {
  private readonly checkpoints = new Map<string, number>();
  private readonly types = new Map<string, ReadonlySet<string>>();
  private readonly patchedPositions = new Map<string, Map<string, number>>();

  constructor(
    private readonly store: ReadStore,
    readonly projections: readonly Projection[],
    private readonly suffix = '',
  ) {
    for (const projection of projections) this.types.set(projection.name, new Set(projection.eventTypes));
  }

  /** Loads the checkpoints; returns the lowest (where a shared subscription must start). */
  async load(): Promise<number> {
    for (const projection of this.projections) {
      this.checkpoints.set(projection.name, (await this.store.getCheckpoint(checkpointName(projection, this.suffix))) ?? 0);
      await this.ensureIndexes(projection);
    }
    return this.lowestCheckpoint();
  }

  /** Creates the indexes the projection's readers need (idempotent: an existing index is kept). */
  private async ensureIndexes(projection: Projection): Promise<void> {
    for (const [logical, indexes] of Object.entries(projection.indexes ?? {})) {
      for (const keys of indexes) await this.store.collection(this.physicalName(projection, logical)).createIndex(keys);
    }
  }

  lowestCheckpoint(): number {
    return Math.min(...this.projections.map((projection) => this.checkpoints.get(projection.name) ?? 0));
  }

  checkpointOf(projection: Projection): number {
    return this.checkpoints.get(projection.name) ?? 0;
  }

  physicalName(projection: Projection, logical: string): string {
    return collectionName(projection, logical, this.suffix);
  }

  /**
   * Applies `events` (in position order) and moves every projection's checkpoint to `upTo`
   * (default: the last event), which may be past the last event when the caller knows the log
   * had nothing else of interest up to there.
   */
  async apply(events: readonly RecordedEvent[], upTo = events.at(-1)?.position ?? 0): Promise<BatchReport> {
    let documents = 0;
    for (const projection of this.projections) {
      const from = this.checkpointOf(projection);
      if (upTo <= from) continue;
      const types = this.types.get(projection.name) as ReadonlySet<string>;
      let positions = this.patchedPositions.get(projection.name);
      if (!positions) this.patchedPositions.set(projection.name, (positions = new Map()));
      const batch = new DocumentBatch(this.store, (logical) => this.physicalName(projection, logical), positions);
      for (const event of events) {
        if (event.position > from && types.has(event.type)) await projection.apply(event, batch);
      }
      documents += await batch.write();
      await this.store.saveCheckpoint(checkpointName(projection, this.suffix), upTo);
      this.checkpoints.set(projection.name, upTo);
    }
    return { events: events.length, documents };
  }

  /**
   * Drops what earlier versions of these projections left in the store: their collections
   * (live, or a rebuild's: `bookings_v1`, `bookings_v1__rebuild`) and their checkpoints. A version
   * bump rebuilds the projection from the log under its new names (its checkpoint starts at 0);
   * the old documents would otherwise stay in the store, and in memory with the embedded one, for
   * good. Returns the collections dropped.
   */
  async dropEarlierVersions(): Promise<string[]> {
    const existing = await this.store.listCollections();
    const dropped: string[] = [];
    for (const projection of this.projections) {
      for (let version = 1; version < projection.version; version++) {
        const earlier = { ...projection, version };
        for (const logical of projection.collections) {
          const name = collectionName(earlier, logical);
          for (const candidate of existing) {
            if (candidate !== name && !candidate.startsWith(`${name}__`)) continue;
            await this.store.dropCollection(candidate);
            dropped.push(candidate);
          }
        }
        for (const suffix of ['', '__rebuild', '__verify']) await this.store.deleteCheckpoint(checkpointName(earlier, suffix));
      }
    }
    return dropped;
  }

  /** Forgets a projection's documents and checkpoint: the next events rebuild it from zero. */
  async reset(projection: Projection): Promise<void> {
    for (const logical of projection.collections) await this.store.dropCollection(this.physicalName(projection, logical));
    await this.store.deleteCheckpoint(checkpointName(projection, this.suffix));
    this.checkpoints.set(projection.name, 0);
    this.patchedPositions.delete(projection.name);
    // A rebuild's collections get them too, and keep them when they are renamed over the live ones.
    await this.ensureIndexes(projection);
  }
}

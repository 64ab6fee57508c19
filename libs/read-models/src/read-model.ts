import type { EventFilter } from '@tessera/platform/event-store/event-store.port';
import type { SortSpec } from '@tessera/platform/read-store/read-store.port';

/**
 * What the write side of the read models (apps/projector) and their readers (apps/query-api)
 * share: the documents' shapes, the collections' names and how far projection has come. How a
 * document evolves from events stays in apps/projector.
 */

/** Read-model documents are plain object types (type aliases, so they index like Document). */
export type ReadModelDocument = { _id: string; _position: number };

/** A projection as its readers see it: a named, versioned set of collections fed by these events. */
export interface ProjectionDescriptor {
  /** Also the checkpoint name. */
  readonly name: string;
  /** Bumped when a document shape changes; part of every collection's physical name. */
  readonly version: number;
  /** Logical collection names (`show_catalogue`); see `collectionName`. */
  readonly collections: readonly string[];
  readonly eventTypes: readonly string[];
  /**
   * Secondary indexes the readers' queries need, by logical collection (MongoDB uses them; the
   * embedded store, which scans in memory, only records them). The projector creates them.
   */
  readonly indexes?: Readonly<Record<string, readonly SortSpec[]>>;
}

/** `show_catalogue` of version 1 lives in `show_catalogue_v1`; a rebuild writes `…_v1__rebuild`. */
export const collectionName = (projection: Pick<ProjectionDescriptor, 'version'>, logical: string, suffix = ''): string =>
  `${logical}_v${projection.version}${suffix}`;

export const checkpointName = (projection: ProjectionDescriptor, suffix = ''): string =>
  `${projection.name}_v${projection.version}${suffix}`;

/** The filter of a catch-up subscription that serves all these projections. */
export const filterOf = (projections: readonly ProjectionDescriptor[]): EventFilter => ({
  eventTypes: [...new Set(projections.flatMap((projection) => projection.eventTypes))],
});

export { EmbeddedReadStore, CHECKPOINTS_COLLECTION } from './embedded-read-store';
export type { EmbeddedReadStoreOptions, SnapshotLoadResult, SnapshotSaveResult } from './embedded-read-store';

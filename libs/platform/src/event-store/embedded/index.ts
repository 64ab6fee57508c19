export { EmbeddedEventStore, EventStoreClosedError, parkedStreamOf } from './embedded-event-store';
export type { EmbeddedEventStoreOptions, OpenReport } from './embedded-event-store';
export { DataDirLockedError } from './data-dir-lock';
export { LogCorruptedError } from './log-file';
export type { TornTail } from './log-file';
export { LogWriteFailedError } from './group-commit-writer';
export type { WriterStats } from './group-commit-writer';
export { ConsumerGroupNotFoundError } from './consumer-groups';
export { RecordTooLargeError } from './record-codec';

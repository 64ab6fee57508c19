import { Logger } from '@nestjs/common';
import { join } from 'node:path';
import type { TesseraConfig } from './config/config';
import type { EventLogObserver, EventStore } from './event-store/event-store.port';
import type { ReadStore } from './read-store/read-store.port';
import type { SeatLocks } from './seat-locks/seat-locks.port';
import type { Clock } from './time/clock';

/**
 * Chooses each port's adapter from configuration. The real engines' drivers are loaded only
 * when configured, so the embedded mode starts without touching gRPC or MongoDB code.
 */

export const createEventStore = async (config: TesseraConfig, observer?: EventLogObserver): Promise<EventStore> => {
  if (config.EVENTSTORE_URL) {
    const { createKurrentDbEventStore } = await import('./event-store/kurrentdb');
    return createKurrentDbEventStore(config.EVENTSTORE_URL);
  }
  const { EmbeddedEventStore } = await import('./event-store/embedded');
  return EmbeddedEventStore.open({ dataDir: config.DATA_DIR, logger: new Logger('EventStore'), observer });
};

export const createReadStore = async (config: TesseraConfig): Promise<ReadStore> => {
  if (config.MONGO_URL) {
    const { MongoReadStore } = await import('./read-store/mongodb');
    return MongoReadStore.connect(config.MONGO_URL);
  }
  const { EmbeddedReadStore } = await import('./read-store/embedded');
  const store = new EmbeddedReadStore({ snapshotDir: join(config.DATA_DIR, 'read-models') });
  const opened = await store.open();
  // Either way the projector rebuilds what is missing from the log; the operator should know why.
  if (opened.status === 'corrupt') new Logger('ReadStore').warn(`${opened.reason}; the read models are rebuilt from the log`);
  else if (opened.status === 'loaded' && opened.journal.dropped) {
    new Logger('ReadStore').warn(`read-store snapshot journal: ${opened.journal.dropped}, dropped with what followed it; the log replays those changes`);
  }
  return store;
};

export const createSeatLocks = async (config: TesseraConfig, clock: Clock): Promise<SeatLocks> => {
  if (config.REDIS_URLS?.length) {
    const { RedlockSeatLocks } = await import('./seat-locks/redlock-seat-locks');
    return new RedlockSeatLocks(config.REDIS_URLS);
  }
  const { InProcessSeatLocks } = await import('./seat-locks/in-process-seat-locks');
  return new InProcessSeatLocks(clock);
};

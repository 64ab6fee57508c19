import type { EventStore } from '../event-store.port';
import { KurrentDbEventStore } from './kurrentdb-event-store';

export { KurrentDbEventStore } from './kurrentdb-event-store';
export { KurrentDbVersionError } from './kurrentdb-mapping';

/** The KurrentDB adapter for a connection string such as `kurrentdb://localhost:2113?tls=false`. */
export const createKurrentDbEventStore = (connectionString: string): EventStore =>
  KurrentDbEventStore.fromConnectionString(connectionString);

import { describeIfConfigured } from '../testing/services';
import { describeEventStoreContract } from './event-store.contract';
import { createKurrentDbEventStore } from './kurrentdb';

// Runs the shared contract against a real KurrentDB (≥ 25.1, for multiStreamAppend), e.g.
// EVENTSTORE_URL='kurrentdb://admin:changeit@localhost:2113?tls=false'. Reading parked events
// needs a user allowed to read system streams. Every test uses fresh stream, type and group names.
describeIfConfigured('EVENTSTORE_URL', 'EventStore contract: KurrentDB', (url) => {
  describeEventStoreContract('KurrentDB adapter', async () => {
    const store = createKurrentDbEventStore(url);
    return { store, teardown: () => store.close() };
  });
});

import { createKurrentDbEventStore } from '../event-store/kurrentdb';
import { describeIfConfigured } from '../testing/services';
import { describeSubscriptionContract } from './subscription.contract';

// The same contract on a real KurrentDB (≥ 25.1), e.g.
// EVENTSTORE_URL='kurrentdb://admin:changeit@localhost:2113?tls=false'.
describeIfConfigured('EVENTSTORE_URL', 'Subscription contract: KurrentDB', (url) => {
  describeSubscriptionContract('KurrentDB adapter', async () => {
    const store = createKurrentDbEventStore(url);
    return { store, teardown: () => store.close() };
  });
});

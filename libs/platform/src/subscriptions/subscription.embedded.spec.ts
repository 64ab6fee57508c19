import { EmbeddedEventStore } from '../event-store/embedded';
import { makeTempDir, removeDir } from '../testing/services';
import { describeSubscriptionContract } from './subscription.contract';

describeSubscriptionContract('Subscription contract: embedded log', async () => {
  const dataDir = await makeTempDir('subscription');
  const store = await EmbeddedEventStore.open({ dataDir });
  return {
    store,
    teardown: async () => {
      await store.close();
      await removeDir(dataDir);
    },
  };
});

import { makeTempDir, removeDir } from '../testing/services';
import { EmbeddedEventStore } from './embedded';
import { describeEventStoreContract } from './event-store.contract';

describeEventStoreContract('EventStore contract: embedded log', async () => {
  const dataDir = await makeTempDir('eventstore');
  const store = await EmbeddedEventStore.open({ dataDir });
  return {
    store,
    teardown: async () => {
      await store.close();
      await removeDir(dataDir);
    },
  };
});

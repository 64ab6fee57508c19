import { randomUUID } from 'node:crypto';
import { describeIfConfigured } from '../../testing/services';
import { describeReadStoreContract } from '../read-store.contract';
import { databaseNameFromUrl, MongoReadStore } from './mongo-read-store';

describe('databaseNameFromUrl', () => {
  it('takes the database from the path of the URL, if any', () => {
    expect(databaseNameFromUrl('mongodb://localhost:27017/tessera?replicaSet=rs0')).toBe('tessera');
    expect(databaseNameFromUrl('mongodb+srv://user:pw@cluster.example.net/read_models')).toBe('read_models');
    expect(databaseNameFromUrl('mongodb://a:27017,b:27017/?replicaSet=rs0')).toBeUndefined();
    expect(databaseNameFromUrl('mongodb://localhost:27017')).toBeUndefined();
  });
});

describeIfConfigured('MONGO_URL', 'MongoReadStore on a real MongoDB', (url) => {
  describeReadStoreContract('MongoDB', async () => {
    // A database of its own per run, dropped afterwards: parallel runs never see each other.
    const store = await MongoReadStore.connect(url, { dbName: `tessera_test_${randomUUID().slice(0, 8)}` });
    return {
      store,
      teardown: async () => {
        await store.dropDatabase();
        await store.close();
      },
    };
  });
});

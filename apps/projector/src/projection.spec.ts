import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import type { ReadStore, WriteOperation } from '@tessera/platform/read-store/read-store.port';
import { DocumentBatch } from './projection';

/** How a batch of read-model changes reaches the store. */
describe('DocumentBatch', () => {
  const event = (position: number) => ({ position }) as Parameters<DocumentBatch['evolve']>[2];

  it('deletes a removed document at the end of the batch, and reads it as gone meanwhile', async () => {
    const store = new EmbeddedReadStore();
    await store.collection('owners').insertOne({ _id: 'b1', _position: 1, userId: 'u1' });
    const batch = new DocumentBatch(store, (logical) => logical);
    expect(await batch.get('owners', 'b1')).toMatchObject({ userId: 'u1' });
    batch.remove('owners', 'b1');
    expect(await batch.get('owners', 'b1')).toBeNull();
    expect(await store.collection('owners').findOne({ _id: 'b1' })).not.toBeNull();
    await batch.write();
    expect(await store.collection('owners').findOne({ _id: 'b1' })).toBeNull();
  });

  it('writes every deletion after every other change of the batch, whatever the order of the calls', async () => {
    const store = new EmbeddedReadStore();
    const written: string[] = [];
    const recording = {
      collection: (name: string) => {
        const real = store.collection(name);
        return Object.assign(Object.create(real) as typeof real, {
          bulkWrite: (operations: WriteOperation<never>[], options?: object) => {
            for (const operation of operations) written.push(`${Object.keys(operation)[0]} ${name}`);
            return real.bulkWrite(operations, options);
          },
        });
      },
    } as unknown as ReadStore;
    const batch = new DocumentBatch(recording, (logical) => logical);
    batch.remove('owners', 'b1');
    await batch.evolve('pairs', 's1:u1', event(5), () => ({ _id: 's1:u1', releases: 1 }));
    await batch.patch('lists', 'u1', event(5), [['bookings.b1', true]]);
    await batch.evolve('owners', 'b2', event(5), () => ({ _id: 'b2', userId: 'u1' }));
    await batch.write();
    expect(written).toEqual(['replaceOne owners', 'replaceOne pairs', 'updateOne lists', 'deleteOne owners']);
  });
});

import { PROJECTION_DESCRIPTORS } from '@tessera/read-models';
import { PROJECTIONS } from '.';

describe('the projections the projector runs', () => {
  it('are the ones the query side reads (libs/read-models), in the same order', () => {
    // The query API waits for these checkpoints (read-your-writes) and reads these collections.
    const described = PROJECTIONS.map(({ name, version, collections, eventTypes }) => ({ name, version, collections, eventTypes }));
    expect(described).toEqual(PROJECTION_DESCRIPTORS.map(({ name, version, collections, eventTypes }) => ({ name, version, collections, eventTypes })));
  });
});

import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded/embedded-read-store';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { randomUUID } from 'node:crypto';
import { CheckpointProgress } from './checkpoint-progress';
import { checkpointName } from './read-model';
import { PROJECTION_DESCRIPTORS, recentEventsDescriptor, seatingDescriptor } from './index';

/**
 * Read your writes in an app without the projector (the notifier or the query API alone): it
 * waits for the checkpoints of the read models it reads, and only those.
 */
describe('CheckpointProgress', () => {
  let dir: string;
  let events: EmbeddedEventStore;
  let reads: EmbeddedReadStore;
  let position: number;

  beforeEach(async () => {
    dir = await makeTempDir('checkpoint-progress');
    events = await EmbeddedEventStore.open({ dataDir: dir });
    reads = new EmbeddedReadStore();
    const appended = await events.append(`seat-show-1-A-1-1`, [
      {
        id: randomUUID(),
        type: 'seat.held.v1',
        data: { showId: 'show-1', seatId: 'A-1-1', bookingId: 'b1', expiresAt: '2030-01-01T00:00:00.000Z' },
        metadata: { actorId: 'u1', correlationId: 'c1', causationId: 'c1', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 },
      },
    ]);
    position = appended.position;
  });

  afterEach(async () => {
    await events.close();
    await removeDir(dir);
  });

  it('waits for the checkpoints of the read models it is given, not for the others', async () => {
    const notifier = new CheckpointProgress(events, reads, [recentEventsDescriptor], 5);
    const queryApi = new CheckpointProgress(events, reads, PROJECTION_DESCRIPTORS, 5);
    expect(await notifier.waitFor(position, 100)).toBe(false);

    // Another read model has reached the event: not the one the notifier reads.
    await reads.saveCheckpoint(checkpointName(seatingDescriptor), position);
    expect(await notifier.waitFor(position, 100)).toBe(false);

    const waiting = notifier.waitFor(position, 2000);
    await reads.saveCheckpoint(checkpointName(recentEventsDescriptor), position);
    expect(await waiting).toBe(true);
    expect(await notifier.processedPosition()).toBe(position);
    // The query API reads them all: the ones still behind hold it back.
    expect(await queryApi.waitFor(position, 100)).toBe(false);
  });
});

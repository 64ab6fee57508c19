import { Logger } from '@nestjs/common';
import type { MqttMessage, ShowAvailabilityData } from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { EmbeddedMqttBroker } from '@tessera/platform/mqtt/embedded-broker';
import { MqttConnection } from '@tessera/platform/mqtt/mqtt-connection';
import { MqttCredentials } from '@tessera/platform/mqtt/mqtt-credentials';
import { Metrics } from '@tessera/platform/observability/metrics';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded/embedded-read-store';
import { InProcessSeatLocks } from '@tessera/platform/seat-locks/in-process-seat-locks';
import { collectionName, seatingDescriptor, SHOW_DETAIL, type ShowDetailDoc } from '@tessera/read-models';
import { connectAsync } from 'mqtt';
import { randomUUID } from 'node:crypto';
import { RedlockSeatLocks } from '@tessera/platform/seat-locks/redlock-seat-locks';
import type { SeatLocks } from '@tessera/platform/seat-locks/seat-locks.port';
import { describeWithService } from '@tessera/platform/testing/services';
import { ShowAvailabilityFeed } from './show-availability.feed';

/**
 * The retained availability when publishes overlap: a delivery that read older counts and is
 * slow to publish must not be the last word. The broker keeps whatever came last, so a feed that
 * published each delivery's own reading would leave the stale count retained here.
 */

// One show per run: the Redis leg shares the machine's Redis with other runs.
const SHOW = `show-${randomUUID()}`;

const detailDoc = (position: number, available: number): ShowDetailDoc => ({
  _id: SHOW,
  _position: position,
  showId: SHOW,
  name: 'Night Concert',
  venue: 'Arena',
  startsAt: '2099-05-01T19:30:00.000Z',
  status: 'on_sale',
  currency: 'EUR',
  holdMinutes: 10,
  maxSeatsPerBooking: 8,
  categories: [{ id: 'vip', name: 'VIP', price: 12000, capacity: 10, available }],
  sections: [{ id: 'A', name: 'Stalls A', categoryId: 'vip', capacity: 10, available }],
  capacity: 10,
  available,
});

const seatHeld = (position: number): RecordedEvent => ({
  id: `event-${position}`,
  stream: `seat-${SHOW}-A-1-${position}`,
  type: 'seat.held.v1',
  revision: 0,
  position,
  data: { showId: SHOW, seatId: `A-1-${position}`, bookingId: `b${position}`, expiresAt: '2099-01-01T00:00:00.000Z' },
  metadata: { actorId: 'u', correlationId: 'c', causationId: 'c', occurredAt: '2027-01-01T00:00:00.000Z', schemaVersion: 1 },
  recordedAt: '2027-01-01T00:00:00.000Z',
});

/** A connection whose next publish waits until the test lets it go (a slow network, a GC pause). */
class GatedConnection extends MqttConnection {
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;
  readonly started: MqttMessage[] = [];

  holdNextPublish(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open?.();
  }

  override async publish(message: MqttMessage): Promise<void> {
    this.started.push(message);
    const gate = this.gate;
    this.gate = undefined;
    await gate;
    return super.publish(message);
  }
}

const quiet = (): Logger => {
  const logger = new Logger('test');
  logger.log = logger.warn = () => undefined;
  return logger;
};

const until = async (condition: () => boolean): Promise<void> => {
  for (let i = 0; !condition(); i++) {
    if (i > 500) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('the retained availability of a show, when publishes overlap', () => {
  let broker: EmbeddedMqttBroker;
  let reads: EmbeddedReadStore;
  const connections: MqttConnection[] = [];

  const connection = (): GatedConnection => {
    const made = new GatedConnection({ target: broker.inProcessTarget(), app: 'spec', publishTimeoutMs: 2000, metrics: new Metrics(), logger: quiet() });
    connections.push(made);
    return made;
  };

  const details = () => reads.collection<ShowDetailDoc>(collectionName(seatingDescriptor, SHOW_DETAIL));

  const retained = async (): Promise<ShowAvailabilityData> => {
    const client = await connectAsync(`mqtt://127.0.0.1:${broker.state().port}`, { username: 'integrator', password: 'integration-password-1', clientId: 'integrator-late' });
    try {
      const message = new Promise<ShowAvailabilityData>((resolve) => client.once('message', (_topic, payload) => resolve((JSON.parse(payload.toString()) as { data: ShowAvailabilityData }).data)));
      await client.subscribeAsync(`tessera/shows/${SHOW}/availability`, { qos: 1 });
      return await message;
    } finally {
      await client.endAsync();
    }
  };

  beforeEach(async () => {
    broker = new EmbeddedMqttBroker({ host: '127.0.0.1', port: 0, credentials: new MqttCredentials(), integration: { username: 'integrator', password: 'integration-password-1' }, metrics: new Metrics(), logger: quiet() });
    await broker.start();
    reads = new EmbeddedReadStore();
    await details().insertOne(detailDoc(10, 5));
  });

  afterEach(async () => {
    await Promise.all(connections.splice(0).map((made) => made.close()));
    await broker.stop();
  });

  const overlapping = async (twoInstances: boolean, locksA: SeatLocks, locksB: SeatLocks): Promise<void> => {
    const slow = connection();
    const fast = twoInstances ? connection() : slow;
    const feedA = new ShowAvailabilityFeed(reads, slow, locksA, 2000);
    const feedB = twoInstances ? new ShowAvailabilityFeed(reads, fast, locksB, 2000) : feedA;

    slow.holdNextPublish();
    const older = feedA.publishAfter(seatHeld(10), SHOW); // reads 5 available, then hangs in publish
    await until(() => slow.started.length === 1);
    expect((slow.started[0].payload.data as ShowAvailabilityData).available).toBe(5);

    await details().replaceOne({ _id: SHOW }, detailDoc(11, 4));
    let newerDone = false;
    const newer = feedB.publishAfter(seatHeld(11), SHOW).then(() => (newerDone = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The newer delivery waits for the publish in flight rather than racing it.
    expect(newerDone).toBe(false);

    slow.release();
    await Promise.all([older, newer]);
    expect((await retained()).available).toBe(4);
  };

  it('ends on the newest counts with one notifier instance, though the older reading is published last', async () => {
    const locks = new InProcessSeatLocks();
    await overlapping(false, locks, locks);
  });

  it('ends on the newest counts with two notifier instances sharing the lock service, though the older reading is published last', async () => {
    const locks = new InProcessSeatLocks();
    await overlapping(true, locks, locks);
  });

  describeWithService('redis', 'across processes, on Redlock', () => {
    it('ends on the newest counts with two instances, each with its own Redlock client on the real Redis', async () => {
      const [locksA, locksB] = [new RedlockSeatLocks(['redis://127.0.0.1:6379']), new RedlockSeatLocks(['redis://127.0.0.1:6379'])];
      try {
        await overlapping(true, locksA, locksB);
      } finally {
        await Promise.all([locksA.close(), locksB.close()]);
      }
    });
  });

  it('waits for the read model to apply the event before it publishes', async () => {
    const feed = new ShowAvailabilityFeed(reads, connection(), new InProcessSeatLocks(), 2000);
    const delivered = feed.publishAfter(seatHeld(12), SHOW);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await details().replaceOne({ _id: SHOW }, detailDoc(12, 3));
    await delivered;
    expect((await retained()).available).toBe(3);
  });

  it('publishes nothing for a draft show (its topic would reveal it)', async () => {
    await details().replaceOne({ _id: SHOW }, { ...detailDoc(13, 10), status: 'draft' });
    const made = connection();
    await new ShowAvailabilityFeed(reads, made, new InProcessSeatLocks(), 2000).publishAfter(seatHeld(13), SHOW);
    expect(made.started).toEqual([]);
  });
});

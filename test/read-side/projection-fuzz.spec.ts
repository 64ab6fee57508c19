import { DomainError } from '@tessera/domain';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { EmbeddedReadStore } from '@tessera/platform/read-store/embedded';
import type { BulkWriteOptions, Document, ReadCollection, ReadStore, WriteOperation } from '@tessera/platform/read-store/read-store.port';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { filterOf, ProjectionEngine } from '../../apps/projector/src/projection-engine';
import { PROJECTIONS } from '../../apps/projector/src/read-models';
import { buildFromLog, hashProjection } from '../../apps/projector/src/rebuild';
import { BoxOfficeDriver, showOf } from './box-office-driver';
import { BOOKINGS, bookingsDescriptor, collectionName, ticketsDescriptor, USER_TICKETS } from '@tessera/read-models';

/**
 * Projection fuzz: a random box-office history made by the real deciders is projected
 * incrementally through duplicated deliveries and crashes (after part of a batch's documents
 * were written, or after all of them but before the checkpoint), and must equal a rebuild from
 * zero, compared by hash.
 */

const random = (seed: number) => () => {
  seed = (seed * 1664525 + 1013904223) % 4294967296;
  return seed / 4294967296;
};

class Crash extends Error {}

/** A read store that crashes when told to: mid-bulkWrite (a prefix written) or at the checkpoint. */
class CrashingReadStore {
  crashAt: 'none' | 'bulk' | 'checkpoint' = 'none';

  constructor(readonly inner: ReadStore) {}

  asReadStore(): ReadStore {
    const crashAt = () => this.crashAt;
    return new Proxy(this.inner, {
      get(target, property, receiver) {
        if (property === 'saveCheckpoint') {
          return async (name: string, position: number) => {
            if (crashAt() === 'checkpoint') throw new Crash('crash before checkpoint');
            return target.saveCheckpoint(name, position);
          };
        }
        if (property === 'collection') {
          return (name: string) => {
            const collection = target.collection(name);
            return new Proxy(collection, {
              get(c, p) {
                if (p === 'bulkWrite') {
                  // The options go through: the engine hands its documents over to the store.
                  return async (operations: WriteOperation<Document>[], options?: BulkWriteOptions) => {
                    if (crashAt() === 'bulk' && operations.length > 1) {
                      await c.bulkWrite(operations.slice(0, Math.floor(operations.length / 2)), options);
                      throw new Crash('crash mid-batch');
                    }
                    return c.bulkWrite(operations, options);
                  };
                }
                const value = Reflect.get(c, p) as unknown;
                return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(c) : value;
              },
            }) as ReadCollection<Document>;
          };
        }
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }
}

const makeHistory = async (driver: BoxOfficeDriver, next: () => number, steps: number): Promise<void> => {
  const shows = ['f1', 'f2'];
  for (const showId of shows) await driver.createShow(showOf(showId, { sections: 2, rows: 2, seatsPerRow: 3 }));
  const users = ['u1', 'u2', 'u3'];
  const bookings: { bookingId: string; userId: string }[] = [];
  const tickets: { ticketId: string; ownerId: string }[] = [];
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const seatIds = (count: number) => {
    const all = ['S1', 'S2'].flatMap((s) => ['1', '2'].flatMap((r) => [1, 2, 3].map((n) => `${s}-${r}-${n}`)));
    return [...new Set(Array.from({ length: count }, () => pick(all)))];
  };
  for (let step = 0; step < steps; step++) {
    const roll = next();
    try {
      if (roll < 0.4 || bookings.length === 0) {
        const userId = pick(users);
        const { bookingId } = await driver.placeBooking(pick(shows), userId, seatIds(1 + Math.floor(next() * 3)));
        bookings.push({ bookingId, userId });
      } else if (roll < 0.65) {
        const booking = pick(bookings);
        const { ticketIds } = await driver.payBooking(booking.bookingId);
        tickets.push(...ticketIds.map((ticketId) => ({ ticketId, ownerId: booking.userId })));
      } else if (roll < 0.75) {
        await driver.cancelBooking(pick(bookings).bookingId);
      } else if (roll < 0.85) {
        driver.advance(6);
        await driver.expireBooking(pick(bookings).bookingId);
      } else if (roll < 0.93 && tickets.length > 0) {
        const ticket = pick(tickets);
        const to = pick(users.filter((u) => u !== ticket.ownerId));
        await driver.transferTicket(ticket.ticketId, ticket.ownerId, to);
        ticket.ownerId = to;
      } else if (tickets.length > 0) {
        await driver.checkIn(pick(tickets).ticketId);
      }
    } catch (error) {
      if (!(error instanceof DomainError) && !(error instanceof Error && /not placed|no ticket/.test(error.message))) throw error;
    }
  }
};

describe('projections under duplicated deliveries and crashes', () => {
  let dir: string;
  let events: EmbeddedEventStore;

  beforeEach(async () => {
    dir = await makeTempDir('projection-fuzz');
    events = await EmbeddedEventStore.open({ dataDir: dir });
  });

  afterEach(async () => {
    await events.close();
    await removeDir(dir);
  });

  it.each([1, 2, 3, 4, 5])('seed %i: the incrementally built models equal a rebuild from zero', async (seed) => {
    const next = random(seed);
    await makeHistory(new BoxOfficeDriver(events), next, 120);
    const all: RecordedEvent[] = [];
    for await (const event of events.readAll({ filter: filterOf(PROJECTIONS) })) all.push(event);
    expect(all.length).toBeGreaterThan(100);

    const memory = new EmbeddedReadStore();
    const crashing = new CrashingReadStore(memory);
    const store = crashing.asReadStore();
    let engine = new ProjectionEngine(store, PROJECTIONS);
    let from = await engine.load();
    let crashes = 0;
    let duplicates = 0;
    while (from < all.at(-1)!.position) {
      const pending = all.filter((event) => event.position > from);
      const batch = pending.slice(0, 1 + Math.floor(next() * 12));
      // At-least-once delivery: sometimes the previous few events come again with the batch.
      const replayed = next() < 0.3 ? all.filter((e) => e.position <= from).slice(-3) : [];
      duplicates += replayed.length;
      const roll = next();
      crashing.crashAt = roll < 0.15 ? 'bulk' : roll < 0.3 ? 'checkpoint' : 'none';
      try {
        // Duplicates are fed below the checkpoint too, as a restarted subscription would.
        if (replayed.length > 0) await new ProjectionEngine(store, PROJECTIONS).apply([...replayed, ...batch]);
        else await engine.apply(batch);
      } catch (error) {
        if (!(error instanceof Crash)) throw error;
        crashes++;
      }
      crashing.crashAt = 'none';
      // After every batch (and every crash), start again from what the store says.
      engine = new ProjectionEngine(store, PROJECTIONS);
      from = await engine.load();
    }
    expect(crashes).toBeGreaterThan(0);
    expect(duplicates).toBeGreaterThan(0);

    for (const projection of PROJECTIONS) {
      await buildFromLog(events, memory, projection, { suffix: '__zero' });
      expect({ projection: projection.name, hash: await hashProjection(memory, projection) }).toEqual({
        projection: projection.name,
        hash: await hashProjection(memory, projection, '__zero'),
      });
    }
    // The models are not trivially empty.
    expect(await memory.collection(collectionName(bookingsDescriptor, BOOKINGS)).countDocuments()).toBeGreaterThan(10);
    expect(await memory.collection(collectionName(ticketsDescriptor, USER_TICKETS)).countDocuments()).toBeGreaterThan(0);
  });
});

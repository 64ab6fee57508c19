import { TokenEpochs } from '@tessera/platform/auth/token-epochs';
import type { TesseraConfig } from '@tessera/platform/config/config';
import type { EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import type { EventStream } from '@tessera/platform/http/event-stream';
import { performance } from 'node:perf_hooks';
import { Metrics } from '@tessera/platform/observability/metrics';
import type { SubscriptionHandler, SubscriptionOptions } from '@tessera/platform/subscriptions/subscription';
import type { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { FeedClient } from './feed-client';
import { parseFeedFilter } from './feed-filter';
import { FLUSH_SHARE, flushGapAfter, LiveFeed } from './live-feed';

/**
 * The hand-over from replay to live, with the interleaving forced: the log's replay yields to
 * the event loop after every event, and live batches are handed to the feed in between, so that
 * they must wait in the client's queue. Whatever the interleaving, the client gets every
 * position once, in order.
 */
const seatHeld = (position: number): RecordedEvent => ({
  id: `e-${position}`,
  stream: `seat-s-A-1-${position}`,
  type: 'seat.held.v1',
  revision: 0,
  position,
  data: { showId: 's', seatId: `A-1-${position}`, bookingId: `b-${position}`, expiresAt: '2099-01-01T00:00:00.000Z' },
  metadata: { actorId: 'a', correlationId: 'c', causationId: 'k', occurredAt: '2027-01-01T00:00:00.000Z', schemaVersion: 1 },
  recordedAt: '2027-01-01T00:00:00.000Z',
});

const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A log of `log` events whose forward read yields to the event loop between events. */
const slowLog = (log: RecordedEvent[]): EventStore =>
  ({
    headPosition: async () => log.length,
    async *readAll({ after = 0 }: { after?: number } = {}) {
      for (const event of [...log]) {
        if (event.position <= after) continue;
        await turn();
        yield event;
      }
    },
    readStream: async () => [],
  }) as unknown as EventStore;

/** An event stream that records what is written, message ids only. */
const recordingStream = () => {
  const ids: number[] = [];
  let closed = false;
  const listeners: (() => void)[] = [];
  const take = (chunk: string | Buffer) => {
    for (const match of String(chunk).matchAll(/^id: (\d+)$/gm)) ids.push(Number(match[1]));
    return true;
  };
  const stream = {
    pendingBytes: 0,
    writeTogether: (writes: () => void) => writes(),
    drained: async () => undefined,
    get closed() {
      return closed;
    },
    send: () => true,
    write: take,
    onClose: (listener: () => void) => listeners.push(listener),
    close: () => {
      closed = true;
      for (const listener of listeners.splice(0)) listener();
    },
  } as unknown as EventStream;
  return { stream, ids };
};

/** Subscriptions that start nothing and hand the test the feed's handler, to feed it batches by hand. */
const capturedSubscription = (): { subscriptions: Subscriptions; handler: () => SubscriptionHandler } => {
  let captured: SubscriptionHandler | undefined;
  const subscriptions = {
    create: (options: SubscriptionOptions) => {
      captured = options.handler;
      return { start: async () => undefined, stop: async () => undefined };
    },
  } as unknown as Subscriptions;
  return { subscriptions, handler: () => captured as SubscriptionHandler };
};

describe('the live feed hand-over from replay to live', () => {
  it.each([0, 5])('loses and repeats nothing while live batches arrive during the replay (SSE_FLUSH_MS=%i)', async (flushMs) => {
    const log = Array.from({ length: 50 }, (_, i) => seatHeld(i + 1));
    const { subscriptions, handler } = capturedSubscription();
    const feed = new LiveFeed(slowLog(log), subscriptions, new Metrics(), new TokenEpochs(), { SSE_FLUSH_MS: flushMs } as TesseraConfig);
    // The feed has handed out everything up to 50.
    await handler().handle(log.slice(0, 50), { live: true });
    await new Promise((resolve) => setTimeout(resolve, flushMs + 5));

    const { stream, ids } = recordingStream();
    const client = new FeedClient(stream, { userId: 'staff-1', staff: true, epoch: 0 }, parseFeedFilter({}), 1 << 20, feed.cut, 10);
    const attached = feed.attach(client, 10);
    // Live batches while the replay of 11..50 runs, each in its own turn.
    for (let position = 51; position <= 80; position += 3) {
      const batch = [position, position + 1, position + 2].map(seatHeld);
      log.push(...batch);
      await handler().handle(batch, { live: true });
      await turn();
    }
    await attached;
    await new Promise((resolve) => setTimeout(resolve, flushMs + 5));
    expect(ids).toEqual(Array.from({ length: 70 }, (_, i) => i + 11));
  });
});

describe('the live feed flush gap', () => {
  it('is SSE_FLUSH_MS while a flush is cheap, grows with its cost so the writes take FLUSH_SHARE of the time, and stops at SSE_FLUSH_MAX_MS', () => {
    expect(flushGapAfter(0.1, 10, 40)).toBe(10);
    expect(flushGapAfter(2.5, 10, 40)).toBeCloseTo(2.5 / FLUSH_SHARE);
    expect(flushGapAfter(30, 10, 40)).toBe(40);
    // A maximum under SSE_FLUSH_MS leaves SSE_FLUSH_MS as it is.
    expect(flushGapAfter(30, 10, 10)).toBe(10);
  });

  it('writes to many slow-to-write clients less often, and every event still reaches every client once, in order', async () => {
    const { subscriptions, handler } = capturedSubscription();
    const feed = new LiveFeed(slowLog([]), subscriptions, new Metrics(), new TokenEpochs(), { SSE_FLUSH_MS: 1, SSE_FLUSH_MAX_MS: 200 } as TesseraConfig);
    const streams = Array.from({ length: 20 }, () => recordingStream());
    // Each socket write takes 1 ms: a flush to the 20 clients takes 20 ms or more.
    let writes = 0;
    for (const { stream } of streams) {
      const write = stream.write;
      (stream as { write: EventStream['write'] }).write = (chunk) => {
        writes += 1;
        const until = performance.now() + 1;
        while (performance.now() < until);
        return write(chunk);
      };
    }
    for (const [i, { stream }] of streams.entries()) await feed.attach(new FeedClient(stream, { userId: `staff-${i}`, staff: true, epoch: 0 }, parseFeedFilter({}), 1 << 20, feed.cut, 0), undefined);
    expect(feed.flushGapMs).toBe(1);
    for (let position = 1; position <= 30; position++) {
      await handler().handle([seatHeld(position)], { live: true });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(feed.flushGapMs).toBeGreaterThanOrEqual(20 / FLUSH_SHARE / 2);
    expect(feed.flushGapMs).toBeLessThanOrEqual(200);
    // 30 events, 2 ms apart: one write per client for each at a fixed 1 ms gap; a handful here.
    expect(writes / streams.length).toBeLessThan(10);
    for (const { ids } of streams) expect(ids).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
  });
});

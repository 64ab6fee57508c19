import { PassThrough } from 'node:stream';
import type { AllStreamResolvedEvent, AllStreamSubscription } from '@kurrent/kurrentdb-client';
import type { RecordedEvent } from '../event-store.port';
import { KurrentAllSubscription } from './kurrentdb-event-store';
import { encodeMetadata } from './kurrentdb-mapping';

/**
 * The client's subscription is a stream that emits `caughtUp` when the server says so, which
 * can be before the consumer has taken the history already buffered. These tests drive the
 * wrapper with a stand-in stream to pin down when `caughtUp` resolves.
 */

const resolvedEvent = (n: number, stream = 'seat-A'): AllStreamResolvedEvent => ({
  event: {
    streamId: stream,
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    isJson: true,
    revision: BigInt(n),
    type: 'seat.held.v1',
    created: new Date('2026-01-01T00:00:00.000Z'),
    data: { n },
    metadata: encodeMetadata({ actorId: 'a', correlationId: 'c', causationId: 'c', occurredAt: '2026-01-01T00:00:00.000Z', schemaVersion: 1 }),
    position: { commit: BigInt(100 + n), prepare: BigInt(100 + n) },
  },
  commitPosition: BigInt(100 + n),
});

const fakeSource = () => {
  const stream = new PassThrough({ objectMode: true });
  const source = Object.assign(stream, { unsubscribe: async () => void stream.end() });
  return { stream, source: source as unknown as AllStreamSubscription };
};

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('KurrentAllSubscription', () => {
  it('resolves caughtUp only after the buffered history has been handed over, then goes live', async () => {
    const { stream, source } = fakeSource();
    const subscription = new KurrentAllSubscription(source, (e) => e.stream.startsWith('seat-'), () => undefined);
    let caughtUp = false;
    void subscription.caughtUp.then(() => (caughtUp = true));

    stream.write(resolvedEvent(1));
    stream.write(resolvedEvent(2, 'booking-1')); // filtered out client-side, still history
    stream.write(resolvedEvent(3));
    stream.emit('caughtUp', {});
    await flush();
    expect(caughtUp).toBe(false);

    const iterator = subscription[Symbol.asyncIterator]();
    const first = await iterator.next();
    expect((first.value as RecordedEvent).revision).toBe(1);
    await flush();
    expect(caughtUp).toBe(false);
    const second = await iterator.next();
    expect((second.value as RecordedEvent).revision).toBe(3);
    await flush();
    expect(caughtUp).toBe(false); // the consumer still holds event 3

    stream.write(resolvedEvent(4));
    const live = await iterator.next();
    await flush();
    expect(caughtUp).toBe(true);
    expect((live.value as RecordedEvent).position).toBe(104);

    await subscription.close();
    expect((await iterator.next()).done).toBe(true);
  });

  it('resolves caughtUp at once when the history is empty, and ends iteration on close', async () => {
    const { stream, source } = fakeSource();
    const subscription = new KurrentAllSubscription(source, () => true, () => undefined);
    const items: RecordedEvent[] = [];
    const consuming = (async () => {
      for await (const event of subscription) items.push(event);
    })();
    stream.emit('caughtUp', {});
    await subscription.caughtUp;
    await subscription.close();
    await consuming;
    expect(items).toEqual([]);
  });

  it('rejects caughtUp when the stream fails before catching up', async () => {
    const { stream, source } = fakeSource();
    const subscription = new KurrentAllSubscription(source, () => true, () => undefined);
    const consuming = (async () => {
      for await (const _ of subscription) void _;
    })();
    stream.destroy(new Error('connection lost'));
    await expect(subscription.caughtUp).rejects.toThrow('connection lost');
    await expect(consuming).rejects.toThrow('connection lost');
  });
});

import { LIVE_FEED_EVENT_TYPES, seatStream } from '@tessera/contracts';
import { TokenEpochs } from '@tessera/platform/auth/token-epochs';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { Metrics } from '@tessera/platform/observability/metrics';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { EventSource } from 'eventsource';
import { randomUUID } from 'node:crypto';
import { createShow, post } from '../../../../test/box-office/box-office-client';
import { signedInUser } from '../../../../test/security/accounts-client';
import { accessTokenFor, bearer } from '../../../../test/support/auth';
import { SseReader } from '../../../../test/support/sse';
import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { LiveFeed } from './live-feed';

/**
 * The live stream as clients live with it: a real EventSource that reconnects by itself (with
 * Last-Event-ID) while holds are placed, a slow client cut at its byte bound that resumes, a
 * stream ended by a role change, a server that stops with streams open, and the last events
 * after a restart.
 */

const feedPositionsAfter = async (store: EventStore, after: number): Promise<number[]> => {
  const positions: number[] = [];
  for await (const event of store.readAll({ after, filter: { eventTypes: LIVE_FEED_EVENT_TYPES } })) positions.push(event.position);
  return positions;
};

const streamTokenFor = async (server: TestApp, access: string): Promise<string> =>
  (await post<{ token: string }>(`${server.url}/api/notifications/stream-tokens`, access)).body.token;

const waitUntil = async (what: string, done: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> => {
  const started = Date.now();
  while (!(await done())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('live stream clients', () => {
  let server: TestApp;
  let store: EventStore;
  let feed: LiveFeed;
  let admin: string;
  let staff: string;

  beforeAll(async () => {
    server = await startTestApp({ env: { SSE_MAX_BUFFER_BYTES: '65536' } });
    store = server.app.get(EventStore);
    feed = server.app.get(LiveFeed);
    admin = await accessTokenFor(server, `admin-${randomUUID()}`, ['admin']);
    staff = await accessTokenFor(server, `staff-${randomUUID()}`, ['staff']);
  });

  afterAll(async () => {
    await server.close();
  });

  it('an EventSource that loses its connection twice while holds are placed reconnects with Last-Event-ID and misses and repeats nothing', async () => {
    const showId = await createShow(server.url, admin, { rows: 5, seatsPerRow: 20 });
    const fans = await Promise.all(Array.from({ length: 3 }, () => accessTokenFor(server, `fan-${randomUUID()}`)));
    const start = await store.headPosition();
    const received: number[] = [];
    const lastEventIds: (string | null)[] = [];
    // A stream token is good once: each connection (the first and every reconnect) takes a fresh one.
    const source = new EventSource(`${server.url}/api/notifications/stream?lastEventId=${start}`, {
      fetch: async (input, init) => {
        const url = new URL(String(input));
        url.searchParams.set('token', await streamTokenFor(server, staff));
        lastEventIds.push((init.headers as Record<string, string>)['Last-Event-ID'] ?? null);
        return fetch(url, init);
      },
    });
    try {
      const onMessage = (event: MessageEvent) => received.push(Number(event.lastEventId));
      for (const type of LIVE_FEED_EVENT_TYPES) source.addEventListener(type, onMessage);
      const placing = (async () => {
        for (let i = 0; i < 60; i++) {
          const answer = await post(`${server.url}/api/bookings`, fans[i % fans.length], { showId, seats: [`A-${Math.floor(i / 20) + 1}-${(i % 20) + 1}`] });
          expect(answer.status).toBe(201);
          // Spread over the reconnects (EventSource waits 3 s before one).
          await new Promise((resolve) => setTimeout(resolve, 60));
        }
      })();
      for (const cutAfter of [10, 40]) {
        await waitUntil(`${cutAfter} messages`, () => received.length >= cutAfter);
        feed.disconnectAll();
      }
      await placing;
      const expected = await feedPositionsAfter(store, start);
      await waitUntil('every event', () => received.includes(expected[expected.length - 1]), 20_000);
      expect(received).toEqual(expected);
      expect(lastEventIds).toHaveLength(3);
      expect(lastEventIds[0]).toBeNull();
      expect(lastEventIds.slice(1).every((id) => id !== null && expected.includes(Number(id)))).toBe(true);
    } finally {
      source.close();
    }
  });

  it('cuts a client that does not read once its pending bytes pass SSE_MAX_BUFFER_BYTES; it resumes with Last-Event-ID', async () => {
    const start = await store.headPosition();
    const opened = await SseReader.open(`${server.url}/api/notifications/stream?token=${await streamTokenFor(server, staff)}`);
    expect(opened.status).toBe(200);
    const slow = opened.reader;
    slow.res.pause();
    await waitUntil('the client to be attached', () => feed.clientCount >= 1);
    // Big events, straight into the log: far more than the socket buffers and the bound hold.
    const padding = 'x'.repeat(4000);
    for (let batch = 0; batch < 40; batch++) {
      await store.append(
        seatStream('slow-show', `S-${batch}`),
        Array.from({ length: 50 }, (_, i) => ({
          id: randomUUID(),
          type: 'seat.held.v1',
          data: { showId: 'slow-show', seatId: `S-${batch}-${i}`, bookingId: randomUUID(), expiresAt: '2099-01-01T00:00:00.000Z', padding },
          metadata: { actorId: 'test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString(), schemaVersion: 1 },
        })),
      );
    }
    const expected = await feedPositionsAfter(store, start);
    await waitUntil('the slow client to be cut', () => feed.clientCount === 0);
    expect(await server.app.get(Metrics).registry.getSingleMetricAsString('tessera_sse_clients_cut_total')).toMatch(/reason="slow"} [1-9]/);
    // What was already on its way still arrives, then the stream ends.
    slow.res.resume();
    await slow.until('the end of the cut stream', () => slow.ended);
    expect(slow.positions.length).toBeLessThan(expected.length);
    const resumed = await SseReader.open(`${server.url}/api/notifications/stream?token=${await streamTokenFor(server, staff)}`, {
      'last-event-id': String(slow.positions[slow.positions.length - 1] ?? start),
    });
    try {
      await resumed.reader.until('the rest', () => resumed.reader.positions.includes(expected[expected.length - 1]), 20_000);
      expect([...slow.positions, ...resumed.reader.positions]).toEqual(expected);
    } finally {
      resumed.reader.close();
    }
  });

  it('ends the stream of a user whose roles changed after the stream opened', async () => {
    const user = await signedInUser(server);
    const opened = await SseReader.open(`${server.url}/api/notifications/stream?token=${await streamTokenFor(server, user.accessToken)}`);
    expect(opened.status).toBe(200);
    const changed = await fetch(`${server.url}/api/admin/users/${user.userId}/roles`, {
      method: 'PUT',
      headers: { ...bearer(admin), 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['user', 'staff'] }),
    });
    expect(changed.status).toBe(200);
    const epochs = server.app.get(TokenEpochs);
    await waitUntil('the revocation to be known', () => !epochs.isCurrent(user.userId, 0));
    feed.cutRevoked();
    await opened.reader.until('the stream to end', () => opened.reader.ended);
  });

  it('closes open streams at once when the server stops, filtered and resumed ones too', async () => {
    const other = await startTestApp();
    const otherStaff = await accessTokenFor(other, `staff-${randomUUID()}`, ['staff']);
    const readers = await Promise.all(
      ['', '&lastEventId=0', '&types=seat.*'].map(async (query) => {
        const opened = await SseReader.open(`${other.url}/api/notifications/stream?token=${await streamTokenFor(other, otherStaff)}${query}`);
        expect(opened.status).toBe(200);
        return opened.reader;
      }),
    );
    const started = Date.now();
    await other.close();
    for (const reader of readers) await reader.until('the stream to end', () => reader.ended, 2_000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('keeps the last events across a restart', async () => {
    const dataDir = await makeTempDir('events');
    try {
      const first = await startTestApp({ dataDir });
      const firstAdmin = await accessTokenFor(first, `admin-${randomUUID()}`, ['admin']);
      await createShow(first.url, firstAdmin);
      await createShow(first.url, firstAdmin);
      // The route reads a projection: poll until the projector has caught up (it does not wait on X-Min-Position).
      const eventsOf = async (app: TestApp, token: string) =>
        (await (await fetch(`${app.url}/api/notifications/events?limit=10`, { headers: bearer(token) })).json()) as { items: { position: number }[] };
      let before = await eventsOf(first, firstAdmin);
      await waitUntil('the four events', async () => (before = await eventsOf(first, firstAdmin)).items.length === 4);
      await first.close();
      const second = await startTestApp({ dataDir });
      try {
        const secondAdmin = await accessTokenFor(second, `admin-${randomUUID()}`, ['admin']);
        let after = await eventsOf(second, secondAdmin);
        await waitUntil('the events after the restart', async () => (after = await eventsOf(second, secondAdmin)).items.length === 4);
        expect(after).toEqual(before);
      } finally {
        await second.close();
      }
    } finally {
      await removeDir(dataDir);
    }
  });
});

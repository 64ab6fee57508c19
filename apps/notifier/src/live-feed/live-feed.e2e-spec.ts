import { LIVE_FEED_EVENT_TYPES, seatStream, type LiveEvent } from '@tessera/contracts';
import { EventStore, type RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { Metrics } from '@tessera/platform/observability/metrics';
import { randomUUID } from 'node:crypto';
import { createShow, GOOD_CARD, ManualClock, post } from '../../../../test/box-office/box-office-client';
import { accessTokenFor, bearer } from '../../../../test/support/auth';
import { SseReader, type SseMessage } from '../../../../test/support/sse';
import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { LiveFeed } from './live-feed';

/**
 * The live stream end to end over real HTTP (raw node:http reads; the EventSource client has its
 * own spec): stream tokens, what each role sees, filters, resuming without loss or repeat while
 * holds are placed, heartbeats, and the last events.
 */
describe('the live feed over HTTP', () => {
  let server: TestApp;
  let clock: ManualClock;
  let store: EventStore;
  let admin: string;
  let staff: string;
  const readers: SseReader[] = [];

  beforeAll(async () => {
    clock = new ManualClock(Date.now());
    server = await startTestApp({ overrides: { clock }, env: { SSE_HEARTBEAT_MS: '150', EVENT_BUFFER_SIZE: '30' } });
    store = server.app.get(EventStore);
    admin = await accessTokenFor(server, `admin-${randomUUID()}`, ['admin']);
    staff = await accessTokenFor(server, `staff-${randomUUID()}`, ['staff']);
  });

  afterEach(() => {
    for (const reader of readers.splice(0)) reader.close();
  });

  afterAll(async () => {
    await server.close();
  });

  const streamToken = async (access: string): Promise<string> => {
    const answer = await post<{ token: string; expiresIn: number }>(`${server.url}/api/notifications/stream-tokens`, access);
    expect(answer.status).toBe(201);
    return answer.body.token;
  };

  const openWith = async (token: string, query = '', headers: Record<string, string> = {}) => {
    const opened = await SseReader.open(`${server.url}/api/notifications/stream?token=${encodeURIComponent(token)}${query}`, headers);
    readers.push(opened.reader);
    return opened;
  };

  const open = async (access: string, query = '', headers: Record<string, string> = {}): Promise<SseReader> => {
    const opened = await openWith(await streamToken(access), query, headers);
    expect(opened.status).toBe(200);
    return opened.reader;
  };

  const hold = async (access: string, showId: string, seats: string[]): Promise<string> => {
    const answer = await post<{ bookingId: string }>(`${server.url}/api/bookings`, access, { showId, seats });
    if (answer.status !== 201) throw new Error(`hold answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body.bookingId;
  };

  const feedEventsAfter = async (after: number): Promise<RecordedEvent[]> => {
    const events: RecordedEvent[] = [];
    for await (const event of store.readAll({ after, filter: { eventTypes: LIVE_FEED_EVENT_TYPES } })) events.push(event);
    return events;
  };

  const parsed = (message: SseMessage): LiveEvent => JSON.parse(message.data) as LiveEvent;

  describe('stream tokens', () => {
    it('are issued to signed-in users only, for a minute', async () => {
      const anonymous = await fetch(`${server.url}/api/notifications/stream-tokens`, { method: 'POST' });
      expect(anonymous.status).toBe(401);
      const answer = await post<{ token: string; expiresIn: number }>(`${server.url}/api/notifications/stream-tokens`, staff);
      expect(answer.status).toBe(201);
      expect(answer.body).toEqual({ token: expect.any(String), expiresIn: 60 });
    });

    it('open one stream each: a spent, forged, missing, expired or access token answers 401 problem+json before the stream opens', async () => {
      const token = await streamToken(staff);
      const first = await openWith(token);
      expect(first.status).toBe(200);
      expect(first.reader.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');

      const refusedWith = async (query: string) => {
        const opened = await SseReader.open(`${server.url}/api/notifications/stream${query}`);
        readers.push(opened.reader);
        expect(opened.reader.res.headers['content-type']).toMatch(/^application\/problem\+json/);
        return { status: opened.status, body: JSON.parse(await opened.body()) as { code: string } };
      };
      expect(await refusedWith(`?token=${token}`)).toEqual({ status: 401, body: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
      expect(await refusedWith(`?token=${token.slice(0, -4)}AAAA`)).toEqual({ status: 401, body: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
      expect(await refusedWith('')).toEqual({ status: 401, body: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
      // An access token is not a stream token (nor the other way round: tokens.e2e-spec).
      expect(await refusedWith(`?token=${staff}`)).toEqual({ status: 401, body: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });

      const late = await streamToken(staff);
      clock.advance(66_000);
      expect(await refusedWith(`?token=${late}`)).toEqual({ status: 401, body: expect.objectContaining({ code: 'UNAUTHENTICATED' }) });
      // Minted just now, it is good: the refusal above was the expiry.
      expect((await openWith(await streamToken(staff))).status).toBe(200);
    });

    it('are not spent by a request the filters refuse', async () => {
      const token = await streamToken(staff);
      const bad = await openWith(token, '&types=Booking%20placed');
      expect(bad.status).toBe(400);
      expect(JSON.parse(await bad.body())).toEqual(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
      expect((await openWith(token, '&lastEventId=-1')).status).toBe(400);
      expect((await openWith(token)).status).toBe(200);
    });
  });

  it('gives staff every event and each fan only their own bookings and tickets, plus seats reduced to showId and seatId', async () => {
    const aliceId = `alice-${randomUUID()}`;
    const bobId = `bob-${randomUUID()}`;
    const alice = await accessTokenFor(server, aliceId);
    const bob = await accessTokenFor(server, bobId);
    const start = await store.headPosition();
    const staffReader = await open(staff, `&lastEventId=${start}`);
    const aliceReader = await open(alice, `&lastEventId=${start}`);
    const bobReader = await open(bob, `&lastEventId=${start}`);

    const showId = await createShow(server.url, admin);
    const aliceBooking = await hold(alice, showId, ['A-1-1', 'A-1-2']);
    const bobBooking = await hold(bob, showId, ['A-1-3']);
    const paid = await post(`${server.url}/api/bookings/${aliceBooking}/payment`, alice, { card: GOOD_CARD });
    expect(paid.status).toBe(200);
    const aliceSecond = await hold(alice, showId, ['A-1-4']);
    expect((await post(`${server.url}/api/bookings/${aliceSecond}/cancel`, alice)).status).toBe(200);

    // What each should get, read from the log itself.
    const log = await feedEventsAfter(start);
    const aliceTickets = new Set(log.filter((e) => e.type === 'ticket.issued.v1' && (e.data as { ownerId: string }).ownerId === aliceId).map((e) => (e.data as { ticketId: string }).ticketId));
    expect(aliceTickets.size).toBe(2);
    const fanShare = (bookings: string[], tickets: Set<string>) =>
      log
        .filter((e) => {
          const data = e.data as { bookingId?: string; ticketId?: string };
          if (e.type.startsWith('seat.')) return true;
          if (e.type.startsWith('booking.')) return bookings.includes(data.bookingId ?? '');
          if (e.type.startsWith('ticket.')) return tickets.has(data.ticketId ?? '');
          return false;
        })
        .map((e) => e.position);
    const last = log[log.length - 1].position;
    await staffReader.until('staff to see everything', () => staffReader.positions.includes(last));
    expect(staffReader.positions).toEqual(log.map((e) => e.position));
    const expectedAlice = fanShare([aliceBooking, aliceSecond], aliceTickets);
    const expectedBob = fanShare([bobBooking], new Set());
    await aliceReader.until('alice to catch up', () => aliceReader.positions.includes(expectedAlice[expectedAlice.length - 1]));
    await bobReader.until('bob to catch up', () => bobReader.positions.includes(expectedBob[expectedBob.length - 1]));
    expect(aliceReader.positions).toEqual(expectedAlice);
    expect(bobReader.positions).toEqual(expectedBob);

    // Every message, to everyone: id = position, event = type, the envelope of the log's event.
    const byPosition = new Map(log.map((e) => [e.position, e]));
    for (const reader of [staffReader, aliceReader, bobReader]) {
      for (const message of reader.messages) {
        const event = byPosition.get(Number(message.id)) as RecordedEvent;
        const body = parsed(message);
        expect(message.event).toBe(event.type);
        expect(body).toEqual({ id: event.id, position: event.position, type: event.type, stream: event.stream, occurredAt: event.metadata.occurredAt, data: expect.anything() });
        if (reader === staffReader) expect(body.data).toEqual(event.data);
      }
    }
    // Nothing of the other fan reaches a fan, on any message.
    const leaks = (reader: SseReader, other: string[]) => reader.messages.filter((message) => other.some((secret) => message.data.includes(secret)));
    expect(leaks(aliceReader, [bobId, bobBooking])).toEqual([]);
    expect(leaks(bobReader, [aliceId, aliceBooking, aliceSecond, ...aliceTickets])).toEqual([]);
    for (const message of [...aliceReader.messages, ...bobReader.messages]) {
      const body = parsed(message);
      if (body.type.startsWith('seat.')) expect(body.data).toEqual({ showId, seatId: expect.any(String) });
    }
    expect(staffReader.messages.some((message) => message.event === 'show.created.v1')).toBe(true);

    // The same, replayed from the log: a fan resuming from the start gets their share again, no more.
    const aliceReplay = await open(alice, `&lastEventId=${start}`);
    const bobReplay = await open(bob, '', { 'last-event-id': String(start) });
    await aliceReplay.until('alice to replay', () => aliceReplay.positions.includes(expectedAlice[expectedAlice.length - 1]));
    await bobReplay.until('bob to replay', () => bobReplay.positions.includes(expectedBob[expectedBob.length - 1]));
    expect(aliceReplay.messages).toEqual(aliceReader.messages);
    expect(bobReplay.messages).toEqual(bobReader.messages);
  });

  it("gives each fan the events of the incidents they reported and nothing of another fan's; staff all of them, and the device events", async () => {
    const aliceId = `alice-${randomUUID()}`;
    const bobId = `bob-${randomUUID()}`;
    const alice = await accessTokenFor(server, aliceId);
    const bob = await accessTokenFor(server, bobId);
    const start = await store.headPosition();
    const staffReader = await open(staff, `&lastEventId=${start}&types=incident.*,device.*`);
    const aliceReader = await open(alice, `&lastEventId=${start}`);
    const bobReader = await open(bob, `&lastEventId=${start}`);

    const report = async (access: string, title: string): Promise<string> => {
      const answer = await post<{ incidentId: string }>(`${server.url}/api/incidents`, access, { title, description: `${title}, please help`, location: { area: 'Stalls' }, category: 'facility', urgency: 'medium' });
      expect(answer.status).toBe(201);
      return answer.body.incidentId;
    };
    const move = async (incidentId: string, body: Record<string, unknown>) => {
      const answer = await fetch(`${server.url}/api/incidents/${incidentId}`, { method: 'PATCH', headers: { 'content-type': 'application/json', ...bearer(staff) }, body: JSON.stringify(body) });
      expect(answer.status).toBe(200);
    };
    const aliceIncident = await report(alice, 'Leaking tap');
    const bobIncident = await report(bob, 'Broken light');
    await move(aliceIncident, { status: 'acknowledged' });
    await move(bobIncident, { status: 'acknowledged' });
    await move(aliceIncident, { note: 'the plumber is on his way' });
    const deviceId = `gate-${randomUUID().slice(0, 8)}`;
    const registered = await post<{ deviceKey: string }>(`${server.url}/api/devices`, admin, { deviceId, venueId: 'arena', type: 'gate_scanner', name: 'North gate' });
    expect(registered.status).toBe(201);
    const reading = await fetch(`${server.url}/api/devices/${deviceId}/telemetry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-device-key': registered.body.deviceKey },
      body: JSON.stringify({ status: 'online', at: clock.now().toISOString() }),
    });
    expect(reading.status).toBe(202);
    // Last, one more report each: once a fan has it, the stream (in log order) has sent them everything before it.
    const aliceLast = await report(alice, 'Leaking tap again');
    const bobLast = await report(bob, 'Broken light again');

    const log = (await feedEventsAfter(start)).filter((e) => e.type.startsWith('incident.') || e.type.startsWith('device.'));
    const ofIncident = (incidentId: string, types: string[]) =>
      log.filter((e) => (e.data as { incidentId?: string }).incidentId === incidentId && types.includes(e.type)).map((e) => e.position);
    // A fan sees the report and the status move; the staff note stays with staff.
    const expectedAlice = [...ofIncident(aliceIncident, ['incident.reported.v1', 'incident.status_changed.v1']), ...ofIncident(aliceLast, ['incident.reported.v1'])];
    const expectedBob = [...ofIncident(bobIncident, ['incident.reported.v1', 'incident.status_changed.v1']), ...ofIncident(bobLast, ['incident.reported.v1'])];
    expect(expectedAlice).toHaveLength(3);
    expect(expectedBob).toHaveLength(3);
    expect(log.some((e) => e.type === 'incident.note_added.v1')).toBe(true);
    expect(log.some((e) => e.type === 'device.status_changed.v1')).toBe(true);
    const last = log[log.length - 1].position;
    await staffReader.until('staff to see every incident and device event', () => staffReader.positions.includes(last));
    expect(staffReader.positions).toEqual(log.filter((e) => e.type !== 'device.registered.v1').map((e) => e.position));
    await aliceReader.until('alice to see her incidents', () => aliceReader.positions.includes(expectedAlice[2]));
    await bobReader.until('bob to see his incidents', () => bobReader.positions.includes(expectedBob[2]));
    expect(aliceReader.positions).toEqual(expectedAlice);
    expect(bobReader.positions).toEqual(expectedBob);
    const leaks = (reader: SseReader, secrets: string[]) => reader.messages.filter((message) => secrets.some((secret) => message.data.includes(secret)));
    expect(leaks(aliceReader, [bobId, bobIncident, bobLast, 'Broken light', deviceId, 'plumber'])).toEqual([]);
    expect(leaks(bobReader, [aliceId, aliceIncident, aliceLast, 'Leaking tap', 'plumber', deviceId])).toEqual([]);
    // Nor who on the staff moved it.
    for (const message of [...aliceReader.messages, ...bobReader.messages]) expect(parsed(message).data).not.toHaveProperty('by');
  });

  it('filters by type patterns and show', async () => {
    const start = await store.headPosition();
    const reader = await open(staff, `&lastEventId=${start}&types=seat.held.v1,booking.*`);
    const showId = await createShow(server.url, admin);
    const otherShow = await createShow(server.url, admin);
    const filtered = await open(staff, `&lastEventId=${start}&types=seat.held.v1,booking.*&showId=${showId}`);
    const fan = await accessTokenFor(server, `fan-${randomUUID()}`);
    await hold(fan, showId, ['A-1-1']);
    await hold(fan, otherShow, ['A-1-1']);
    const log = await feedEventsAfter(start);
    const wanted = (e: RecordedEvent) => e.type === 'seat.held.v1' || e.type.startsWith('booking.');
    const expectedAll = log.filter(wanted).map((e) => e.position);
    const expectedShow = log.filter((e) => wanted(e) && (e.data as { showId?: string }).showId === showId).map((e) => e.position);
    await reader.until('every held seat and booking', () => reader.positions.includes(expectedAll[expectedAll.length - 1]));
    await filtered.until("the first show's", () => filtered.positions.includes(expectedShow[expectedShow.length - 1]));
    expect(reader.positions).toEqual(expectedAll);
    expect(filtered.positions).toEqual(expectedShow);
    expect(expectedShow.length).toBeGreaterThan(0);
    expect(expectedShow.length).toBeLessThan(expectedAll.length);
  });

  it('resumes after Last-Event-ID (header or query) while holds are being placed: nothing lost, nothing repeated', async () => {
    const showId = await createShow(server.url, admin, { rows: 10, seatsPerRow: 20 });
    const fans = await Promise.all(Array.from({ length: 4 }, () => accessTokenFor(server, `fan-${randomUUID()}`)));
    const start = await store.headPosition();
    let placing = true;
    let placed = 0;
    const placer = (async () => {
      const seats = Array.from({ length: 200 }, (_, i) => `A-${Math.floor(i / 20) + 1}-${(i % 20) + 1}`);
      const workers = fans.map(async (fan, w) => {
        for (let i = w; i < 120 && placing; i += fans.length) {
          await hold(fan, showId, [seats[i]]);
          placed += 1;
        }
      });
      await Promise.all(workers);
    })();

    const received: number[] = [];
    let after = start;
    // Three connections, each dropped after a few messages, each resuming where the last one stopped.
    for (const how of ['query', 'header', 'query'] as const) {
      const reader = await open(staff, how === 'query' ? `&lastEventId=${after}` : '', how === 'header' ? { 'last-event-id': String(after) } : {});
      await reader.until('some messages', () => reader.messages.length >= 15, 20_000);
      reader.close();
      received.push(...reader.positions);
      after = received[received.length - 1];
    }
    await placer;
    placing = false;
    expect(placed).toBe(120);
    const reader = await open(staff, '', { 'last-event-id': String(after) });
    const log = await feedEventsAfter(start);
    const last = log[log.length - 1].position;
    await reader.until('the end of the log', () => reader.positions.includes(last), 20_000);
    received.push(...reader.positions);
    expect(received).toEqual(log.map((e) => e.position));
  });

  it('replays a long history while events are appended, then goes live, without gap or repeat', async () => {
    const seatEvent = (batch: number, i: number) => ({
      id: randomUUID(),
      type: 'seat.held.v1',
      data: { showId: 'handover-show', seatId: `H-${batch}-${i}`, bookingId: randomUUID(), expiresAt: '2099-01-01T00:00:00.000Z' },
      metadata: { actorId: 'test', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: new Date().toISOString(), schemaVersion: 1 },
    });
    const start = await store.headPosition();
    for (let batch = 0; batch < 30; batch++) await store.append(seatStream('handover-show', `H-${batch}`), Array.from({ length: 100 }, (_, i) => seatEvent(batch, i)));
    let appending = true;
    let live = 0;
    const appender = (async () => {
      for (let batch = 1000; appending || live < 20; batch++) {
        await store.append(seatStream('handover-show', `L-${batch}`), Array.from({ length: 3 }, (_, i) => seatEvent(batch, i)));
        live += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const reader = await open(staff, `&lastEventId=${start}`);
    await reader.until('the replay to be over', () => reader.messages.length > 3000, 20_000);
    appending = false;
    await appender;
    const log = await feedEventsAfter(start);
    const last = log[log.length - 1].position;
    await reader.until('the last live event', () => reader.positions.includes(last), 20_000);
    expect(reader.positions).toEqual(log.map((e) => e.position));
  });

  it('sends a heartbeat comment while idle', async () => {
    const reader = await open(staff);
    await reader.until('two heartbeats', () => reader.comments.filter((comment) => comment === 'heartbeat').length >= 2, 5_000);
  });

  it('counts its clients on /metrics', async () => {
    const feed = server.app.get(LiveFeed);
    // The readers of the tests before are closed; the server notices as their sockets close.
    await until(async () => (feed.clientCount === 0 ? true : undefined));
    await open(staff);
    await open(staff);
    const text = await server.app.get(Metrics).registry.getSingleMetricAsString('tessera_sse_clients');
    expect(text).toContain('tessera_sse_clients 2');
  });

  describe('GET /api/notifications/events', () => {
    it('answers staff the newest EVENT_BUFFER_SIZE events, newest first; fans 403; a limit past the buffer 400', async () => {
      const showId = await createShow(server.url, admin, { rows: 2 });
      const fan = await accessTokenFor(server, `fan-${randomUUID()}`);
      // More than EVENT_BUFFER_SIZE (30) events of the feed, whatever ran before.
      for (let b = 0; b < 8; b++) await hold(fan, showId, Array.from({ length: 4 }, (_, i) => `A-${Math.floor(b / 5) + 1}-${(b % 5) * 4 + i + 1}`));
      const head = await store.headPosition();
      const { status, body } = await until(async () => {
        const res = await fetch(`${server.url}/api/notifications/events?limit=30`, { headers: bearer(staff) });
        const answer = { status: res.status, body: (await res.json()) as { items: LiveEvent[] } };
        return answer.body.items[0]?.position === head ? answer : undefined;
      });
      expect(status).toBe(200);
      const log = await feedEventsAfter(0);
      const newest = log.slice(-30).reverse();
      expect(body.items).toEqual(newest.map((e) => ({ id: e.id, position: e.position, type: e.type, stream: e.stream, occurredAt: e.metadata.occurredAt, data: e.data })));
      const defaultLimit = (await (await fetch(`${server.url}/api/notifications/events`, { headers: bearer(admin) })).json()) as { items: LiveEvent[] };
      expect(defaultLimit.items).toHaveLength(30);
      expect((await fetch(`${server.url}/api/notifications/events`, { headers: bearer(fan) })).status).toBe(403);
      expect((await fetch(`${server.url}/api/notifications/events?limit=31`, { headers: bearer(staff) })).status).toBe(400);
      expect((await fetch(`${server.url}/api/notifications/events?limit=0`, { headers: bearer(staff) })).status).toBe(400);
    });

    it('honours X-Min-Position: the write just made is in the answer; a position never reached answers 503 PROJECTION_LAGGING after 5 s; a bad one 400', async () => {
      const showId = await createShow(server.url, admin, { rows: 1 });
      const fan = await accessTokenFor(server, `fan-${randomUUID()}`);
      const held = await post<{ bookingId: string; position: string }>(`${server.url}/api/bookings`, fan, { showId, seats: ['A-1-1'] });
      expect(held.status).toBe(201);
      const events = (headers: Record<string, string>) => fetch(`${server.url}/api/notifications/events?limit=5`, { headers: { ...bearer(staff), ...headers } });

      const read = await events({ 'x-min-position': held.body.position });
      expect(read.status).toBe(200);
      const { items } = (await read.json()) as { items: LiveEvent[] };
      expect(items[0]).toMatchObject({ position: Number(held.body.position), data: expect.objectContaining({ bookingId: held.body.bookingId }) });

      const started = Date.now();
      const lagging = await events({ 'x-min-position': String((await store.headPosition()) + 1000) });
      expect(lagging.status).toBe(503);
      expect(((await lagging.json()) as { code: string }).code).toBe('PROJECTION_LAGGING');
      expect(Date.now() - started).toBeGreaterThanOrEqual(4900);
      for (const bad of ['abc', '-1', '1.5']) {
        const refused = await events({ 'x-min-position': bad });
        expect(refused.status).toBe(400);
        expect(((await refused.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
      }
    }, 15_000);
  });

  const until = async <T>(probe: () => Promise<T | undefined>): Promise<T> => {
    for (let i = 0; i < 300; i++) {
      const found = await probe();
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('timed out');
  };
});

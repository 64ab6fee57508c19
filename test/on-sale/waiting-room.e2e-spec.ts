import { randomUUID } from 'node:crypto';
import { queueStream, type WaitingRoomEvent } from '@tessera/contracts';
import { fold } from '@tessera/domain/decider';
import { queueOrderOf, waitingRoomDecider } from '@tessera/domain';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { BookingProbe } from '../../apps/command-api/src/bookings/booking-probe';
import { createShow, GOOD_CARD, ManualClock, post, type Answer } from '../box-office/box-office-client';
import { accessTokenFor, bearer } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The waiting room over HTTP against a started server (API.md, On-sale): configuring it, joining
 * before and after the opening, admission at the rate by the schedule, the token the booking
 * needs, and a restart that keeps every place. The clock is the test's: admission follows it.
 */
describe('waiting room', () => {
  const JWT_SECRET = 'waiting-room-e2e-jwt-secret-0123456789abcdef';
  const TICKET_SIGNING_KEY = 'waiting-room-e2e-ticket-key-0123456789abcdef';
  const env = { JWT_SECRET, TICKET_SIGNING_KEY, WAITING_ROOM_TICK_MS: '20', RATE_LIMIT_QUEUE_JOIN_PER_IP: '100000' };
  const clock = new ManualClock();
  let server: TestApp;
  let admin: string;

  const OPENS_IN_MS = 60_000;
  const opensAt = () => new Date(clock.now().getTime() + OPENS_IN_MS).toISOString();
  const room = (overrides: Record<string, unknown> = {}) => ({ enabled: true, opensAt: opensAt(), admitPerMinute: 60, tokenMinutes: 5, ...overrides });
  const put = async (path: string, token: string, body: unknown): Promise<Answer> => {
    const res = await fetch(`${server.url}${path}`, { method: 'PUT', headers: { ...bearer(token), 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
  };
  const get = async (path: string, token: string): Promise<Answer> => {
    const res = await fetch(`${server.url}${path}`, { headers: bearer(token) });
    return { status: res.status, body: (await res.json()) as Record<string, unknown>, headers: res.headers };
  };
  const join = (showId: string, token: string) => post<{ queueId: string; position: number; estimatedWaitSeconds: number }>(`${server.url}/api/shows/${showId}/queue`, token);
  const place = (showId: string, queueId: string, token: string) => get(`/api/shows/${showId}/queue/${queueId}`, token);
  const book = (token: string, showId: string, seats: string[], admission?: string) =>
    post(`${server.url}/api/bookings`, token, { showId, seats }, admission === undefined ? {} : { 'x-admission-token': admission });
  const fans = (n: number) => Promise.all(Array.from({ length: n }, () => accessTokenFor(server, `fan-${randomUUID()}`)));
  const until = async <T>(what: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
    for (let i = 0; i < 250; i++) {
      const value = await what();
      if (done(value)) return value;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('timed out');
  };

  beforeAll(async () => {
    server = await startTestApp({ overrides: { clock }, env });
    admin = await accessTokenFor(server, `admin-${randomUUID()}`, ['admin']);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('configures a room (admin): 200 with the settings; 400 for bad settings, 404 for no show, 403 for a fan', async () => {
    const showId = await createShow(server.url, admin);
    const settings = room();
    const configured = await put(`/api/shows/${showId}/waiting-room`, admin, settings);
    expect(configured).toMatchObject({ status: 200, body: { showId, ...settings, position: expect.stringMatching(/^\d+$/) } });
    expect(configured.headers.get('x-position')).toBe(configured.body.position);
    // The show detail tells the web app that the show has a room, once projected.
    const detail = await fetch(`${server.url}/api/shows/${showId}`, { headers: { 'x-min-position': String(configured.body.position) } });
    expect(await detail.json()).toMatchObject({ showId, waitingRoom: { enabled: true, opensAt: settings.opensAt, admitPerMinute: 60, tokenMinutes: 5 } });
    for (const body of [room({ admitPerMinute: 0 }), room({ admitPerMinute: 100_001 }), room({ tokenMinutes: 61 }), room({ opensAt: 'soon' }), room({ enabled: 'yes' }), room({ extra: 1 }), {}]) {
      expect({ body, status: (await put(`/api/shows/${showId}/waiting-room`, admin, body)).status }).toEqual({ body, status: 400 });
    }
    expect(await put(`/api/shows/${randomUUID()}/waiting-room`, admin, room())).toMatchObject({ status: 404, body: { code: 'SHOW_NOT_FOUND' } });
    const [fan] = await fans(1);
    expect((await put(`/api/shows/${showId}/waiting-room`, fan, room())).status).toBe(403);
  });

  it('refuses to queue for a show without an open room (409 WAITING_ROOM_DISABLED), and books it without a token', async () => {
    const showId = await createShow(server.url, admin);
    const [fan] = await fans(1);
    expect(await join(showId, fan)).toMatchObject({ status: 409, body: { code: 'WAITING_ROOM_DISABLED' } });
    expect((await book(fan, showId, ['A-1-1'])).status).toBe(201);
  });

  it('shuffles the early arrivals as the log says, puts later ones at the end, admits at the rate, and the token is the way in', async () => {
    const showId = await createShow(server.url, admin);
    expect((await put(`/api/shows/${showId}/waiting-room`, admin, room({ admitPerMinute: 60, tokenMinutes: 5 }))).status).toBe(200);
    const early = await fans(8);
    const joined = await Promise.all(early.map((fan) => join(showId, fan)));
    for (const answer of joined) expect(answer).toMatchObject({ status: 201, body: { queueId: expect.any(String), position: expect.any(Number), estimatedWaitSeconds: expect.any(Number) } });
    // Each answer is the place among those who had come by then: a random one among the early arrivals.
    for (const answer of joined) expect(answer.body.position).toBeLessThanOrEqual(8);
    // One place per account: a repeat answers the same place.
    expect((await join(showId, early[0])).body.queueId).toBe(joined[0].body.queueId);

    // The audit: the order recomputed from the stream alone is the order the server answers.
    const events = await server.app.get(EventStore).readStream(queueStream(showId));
    const order = queueOrderOf(fold(waitingRoomDecider.evolve, waitingRoomDecider.initialState, events.map((e) => ({ type: e.type, data: e.data }) as WaitingRoomEvent)));
    const standings = await Promise.all(joined.map((a, i) => place(showId, a.body.queueId, early[i])));
    joined.forEach((a, i) => expect(standings[i].body.position).toBe(order.indexOf(a.body.queueId) + 1));
    expect(standings.map((s) => s.body.position).sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(Math.max(...standings.map((s) => Number(s.body.estimatedWaitSeconds)))).toBeGreaterThanOrEqual(60);

    // Someone else's place answers like a missing one.
    expect(await place(showId, joined[0].body.queueId, early[1])).toMatchObject({ status: 404, body: { code: 'QUEUE_PLACE_NOT_FOUND' } });
    expect((await place(showId, randomUUID(), early[0])).status).toBe(404);

    // Nobody books without a token while the room is open: not one of many at once, nor with a forged one.
    const attempts = await Promise.all(early.map((fan, i) => book(fan, showId, [`A-1-${i + 1}`])));
    expect(attempts.map((a) => a.status)).toEqual(early.map(() => 403));
    expect(attempts[0].body).toMatchObject({ code: 'ADMISSION_REQUIRED' });
    expect((await book(early[0], showId, ['A-1-1'], 'A1.forged.token')).body).toMatchObject({ code: 'ADMISSION_REQUIRED' });

    // The opening: a late fan joins the end; one place a second is admitted, first in order first.
    clock.advance(OPENS_IN_MS);
    const [late] = await fans(1);
    const lateJoin = await join(showId, late);
    expect(lateJoin.body.position).toBeGreaterThanOrEqual(8);
    clock.advance(1_000); // 60/min: the first place a second after the opening
    const first = order[0];
    const firstFan = early[joined.findIndex((a) => a.body.queueId === first)];
    const admitted = await until(() => place(showId, first, firstFan), (a) => a.body.admitted === true);
    expect(admitted.body).toMatchObject({ position: 0, estimatedWaitSeconds: 0, admitted: true, admissionToken: expect.stringMatching(/^A1\./), admissionExpiresAt: expect.any(String) });
    const token = String(admitted.body.admissionToken);
    clock.advance(1_000);
    await until(() => place(showId, order[1], early[joined.findIndex((a) => a.body.queueId === order[1])]), (a) => a.body.admitted === true);
    const third = await place(showId, order[2], early[joined.findIndex((a) => a.body.queueId === order[2])]);
    expect(third.body).toMatchObject({ admitted: false, position: 1 });

    // The token works for its account only, and is spent once its booking is paid.
    const other = early.find((fan) => fan !== firstFan) as string;
    expect((await book(other, showId, ['A-1-9'], token)).body).toMatchObject({ code: 'ADMISSION_REQUIRED' });
    const held = await book(firstFan, showId, ['A-1-9'], token);
    expect(held.status).toBe(201);
    expect((await post(`${server.url}/api/bookings/${String(held.body.bookingId)}/payment`, firstFan, { card: GOOD_CARD })).status).toBe(200);
    expect((await book(firstFan, showId, ['A-1-10'], token)).body).toMatchObject({ code: 'ADMISSION_REQUIRED' });

    // An expired token no longer admits.
    const second = await place(showId, order[1], early[joined.findIndex((a) => a.body.queueId === order[1])]);
    clock.advance(5 * 60_000 + 1_000);
    expect((await book(early[joined.findIndex((a) => a.body.queueId === order[1])], showId, ['A-1-11'], String(second.body.admissionToken))).body).toMatchObject({ code: 'ADMISSION_REQUIRED' });
  });

  it('spends the token of a Prefer: respond-async booking once it is paid, as of one answered at once', async () => {
    const showId = await createShow(server.url, admin);
    expect((await put(`/api/shows/${showId}/waiting-room`, admin, room())).status).toBe(200);
    const [fan] = await fans(1);
    const { queueId } = (await join(showId, fan)).body;
    clock.advance(OPENS_IN_MS + 1_000);
    const admitted = await until(() => place(showId, queueId, fan), (a) => a.body.admitted === true);
    const token = String(admitted.body.admissionToken);
    const async = { prefer: 'respond-async' };
    // Without the token the request itself is refused, before anything is written.
    expect((await post(`${server.url}/api/bookings`, fan, { showId, seats: ['A-1-1'] }, async)).body).toMatchObject({ code: 'ADMISSION_REQUIRED' });
    const requested = await post(`${server.url}/api/bookings`, fan, { showId, seats: ['A-1-1'] }, { ...async, 'x-admission-token': token });
    expect(requested).toMatchObject({ status: 202, body: { status: 'pending' } });
    const bookingId = String(requested.body.bookingId);
    expect((await until(() => get(`/api/bookings/${bookingId}`, fan), (a) => a.body.status !== 'pending')).body).toMatchObject({ status: 'held' });
    expect((await post(`${server.url}/api/bookings/${bookingId}/payment`, fan, { card: GOOD_CARD })).status).toBe(200);
    expect((await post(`${server.url}/api/bookings`, fan, { showId, seats: ['A-1-2'] }, { ...async, 'x-admission-token': token })).body).toMatchObject({ code: 'ADMISSION_REQUIRED' });
    expect((await book(fan, showId, ['A-1-3'], token)).body).toMatchObject({ code: 'ADMISSION_REQUIRED' });
  });

  it('refuses an attempt without a valid token before it takes any seat lock: an admitted fan’s hold is never made to wait on it, and the attempt learns nothing of the seats', async () => {
    const showId = await createShow(server.url, admin);
    expect((await put(`/api/shows/${showId}/waiting-room`, admin, room())).status).toBe(200);
    const [fan, stranger] = await fans(2);
    const { queueId } = (await join(showId, fan)).body;
    clock.advance(OPENS_IN_MS + 1_000);
    const token = String((await until(() => place(showId, queueId, fan), (a) => a.body.admitted === true)).body.admissionToken);

    // The admitted fan's hold stops with its seat lock taken; meanwhile the stranger tries the same seat.
    let resume: () => void = () => undefined;
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    server.app.get(BookingProbe).pauseAt('place-booking:after-lock', () => {
      locked();
      return new Promise<void>((resolve) => (resume = resolve));
    });
    const holding = book(fan, showId, ['A-1-5'], token);
    await isLocked;
    const tries = [await book(stranger, showId, ['A-1-5']), await book(stranger, showId, ['A-1-5'], 'A1.forged.token'), await book(stranger, showId, ['A-1-5'], token)];
    for (const attempt of tries) expect(attempt).toMatchObject({ status: 403, body: { code: 'ADMISSION_REQUIRED' } });
    resume();
    expect((await holding).status).toBe(201);
  });

  it('admits at the configured rate within 5% over a minute of the test clock', async () => {
    const showId = await createShow(server.url, admin);
    expect((await put(`/api/shows/${showId}/waiting-room`, admin, room({ admitPerMinute: 120 }))).status).toBe(200);
    const crowd = await fans(200);
    const joined = await Promise.all(crowd.map((fan) => join(showId, fan)));
    expect(joined.every((a) => a.status === 201)).toBe(true);
    const store = server.app.get(EventStore);
    const admittedSoFar = async () => {
      const events = await store.readStream(queueStream(showId));
      return events.filter((e) => e.type === 'waiting_room.admitted.v1').reduce((through, e) => Math.max(through, (e.data as { through: number }).through), 0);
    };
    clock.advance(OPENS_IN_MS);
    // A minute in steps of 250 ms, each step waiting for the schedule to catch up with the clock.
    for (let step = 0; step < 240; step++) {
      clock.advance(250);
      const expected = Math.floor(((step + 1) * 250 * 120) / 60_000);
      await until(admittedSoFar, (through) => through >= expected);
    }
    const through = await admittedSoFar();
    expect(Math.abs(through - 120) / 120).toBeLessThanOrEqual(0.05);
  });

  it('keeps every place across a restart', async () => {
    const showId = await createShow(server.url, admin);
    expect((await put(`/api/shows/${showId}/waiting-room`, admin, room({ opensAt: new Date(clock.now().getTime() + 3_600_000).toISOString() }))).status).toBe(200);
    const crowd = await fans(20);
    const joined = await Promise.all(crowd.map((fan) => join(showId, fan)));
    const before = await Promise.all(joined.map((a, i) => place(showId, a.body.queueId, crowd[i])));
    await server.close({ keepData: true });
    server = await startTestApp({ overrides: { clock }, env, dataDir: server.dataDir });
    const after = await Promise.all(joined.map((a, i) => place(showId, a.body.queueId, crowd[i])));
    expect(after.map((a) => a.body.position)).toEqual(before.map((b) => b.body.position));
    expect((await join(showId, crowd[3])).body.queueId).toBe(joined[3].body.queueId);
  });

  it('limits joins per IP: 429 RATE_LIMITED with Retry-After', async () => {
    const limited = await startTestApp({ env: { RATE_LIMIT_QUEUE_JOIN_PER_IP: '3' } });
    try {
      const limitedAdmin = await accessTokenFor(limited, `admin-${randomUUID()}`, ['admin']);
      const showId = await createShow(limited.url, limitedAdmin);
      const res = await fetch(`${limited.url}/api/shows/${showId}/waiting-room`, {
        method: 'PUT',
        headers: { ...bearer(limitedAdmin), 'content-type': 'application/json' },
        body: JSON.stringify({ enabled: true, opensAt: new Date(Date.now() + 60_000).toISOString(), admitPerMinute: 60, tokenMinutes: 5 }),
      });
      expect(res.status).toBe(200);
      const tokens = await Promise.all(Array.from({ length: 4 }, () => accessTokenFor(limited, `fan-${randomUUID()}`)));
      const statuses: number[] = [];
      for (const token of tokens) {
        const answer = await post(`${limited.url}/api/shows/${showId}/queue`, token);
        statuses.push(answer.status);
        if (answer.status === 429) expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      }
      expect(statuses).toEqual([201, 201, 201, 429]);
    } finally {
      await limited.close();
    }
  });
});

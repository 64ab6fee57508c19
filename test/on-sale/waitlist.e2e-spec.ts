import { randomUUID } from 'node:crypto';
import { createShow, GOOD_CARD, ManualClock, post } from '../box-office/box-office-client';
import { accessTokenFor, bearer } from '../support/auth';
import { SseReader } from '../support/sse';
import { waitFor } from '../support/processes';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The waiting list against a started server: fans join a sold-out show, seats that come back are
 * held for the first entries that fit (a booking the fan pays as any other), an offer not taken
 * passes to the next entry, and a fan sees and leaves only their own entries.
 */

interface Entry {
  entryId: string;
  showId: string;
  status: string;
  position: number | null;
  bookingId?: string;
  expiresAt?: string;
}

describe('the waiting list', () => {
  let server: TestApp;
  let admin: string;
  const clock = new ManualClock(Date.now());

  const get = async <T>(path: string, token: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${server.url}${path}`, { headers: bearer(token) });
    return { status: res.status, body: (await res.json()) as T };
  };
  const remove = async (path: string, token: string): Promise<{ status: number; body: string }> => {
    const res = await fetch(`${server.url}${path}`, { method: 'DELETE', headers: bearer(token) });
    return { status: res.status, body: await res.text() };
  };
  const join = (token: string, showId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    post<{ entryId: string; position: string; number: number; code?: string }>(`${server.url}/api/shows/${showId}/waitlist`, token, body, headers);
  const myEntries = async (token: string): Promise<Entry[]> => (await get<{ items: Entry[] }>('/api/me/waitlist', token)).body.items;
  const entryOf = async (token: string, entryId: string): Promise<Entry | undefined> => (await myEntries(token)).find((entry) => entry.entryId === entryId);
  const untilStatus = async (token: string, entryId: string, status: string): Promise<Entry> => {
    await waitFor(async () => (await entryOf(token, entryId))?.status === status, 10_000);
    return (await entryOf(token, entryId)) as Entry;
  };
  const signUp = async (): Promise<{ token: string; email: string }> => {
    const email = `fan-${randomUUID()}@example.test`;
    const password = 'correct horse battery staple';
    expect((await post(`${server.url}/api/auth/register`, '', { email, password, displayName: 'Fan' })).status).toBe(201);
    const login = await post<{ accessToken: string }>(`${server.url}/api/auth/login`, '', { email, password });
    return { token: login.body.accessToken, email };
  };

  beforeAll(async () => {
    server = await startTestApp({ overrides: { clock }, env: { SWEEP_INTERVAL_MS: '50' } });
    admin = await accessTokenFor(server, randomUUID(), ['admin']);
  });

  afterAll(() => server?.close());

  it('offers returned seats to the first entries that fit, by e-mail too; the fan pays the offer; an offer not taken passes on', async () => {
    const showId = await createShow(server.url, admin, { rows: 1, seatsPerRow: 4, holdMinutes: 5 });
    const hoarder = await accessTokenFor(server, randomUUID());
    const all = await post<{ bookingId: string }>(`${server.url}/api/bookings`, hoarder, { showId, seats: ['A-1-1', 'A-1-2', 'A-1-3', 'A-1-4'] });
    expect(all.status).toBe(201);

    const first = await signUp();
    const second = await signUp();
    const third = await signUp();
    const a = await join(first.token, showId, { categoryId: 'vip', seats: 2 });
    expect(a).toMatchObject({ status: 201, body: { number: 1 } });
    expect(a.body.position).toMatch(/^\d+$/);
    expect(a.headers.get('x-position')).toBe(a.body.position);
    const b = await join(second.token, showId, { seats: 3 });
    const c = await join(third.token, showId, { seats: 1 });
    expect([b.body.number, c.body.number]).toEqual([2, 3]);
    // Joining again answers the entry the fan has.
    expect((await join(first.token, showId, { seats: 1 })).body).toMatchObject({ entryId: a.body.entryId, number: 1 });

    // The first fan's and the second fan's live streams, waiting-list events only.
    const streamOf = async (token: string) => {
      const ticket = (await post<{ token: string }>(`${server.url}/api/notifications/stream-tokens`, token)).body.token;
      return (await SseReader.open(`${server.url}/api/notifications/stream?token=${encodeURIComponent(ticket)}&types=waitlist.*`)).reader;
    };
    const [firstStream, secondStream] = [await streamOf(first.token), await streamOf(second.token)];

    const waiting = await get<{ items: Entry[] }>('/api/me/waitlist', third.token);
    expect(waiting.status).toBe(200);
    await waitFor(async () => (await entryOf(third.token, c.body.entryId))?.position === 3, 5000);

    // Four seats come back: the first entry (2) fits, the second (3) does not fit the 2 left, the third (1) does.
    expect((await post(`${server.url}/api/bookings/${all.body.bookingId}/cancel`, hoarder)).status).toBe(200);
    const offerA = await untilStatus(first.token, a.body.entryId, 'offered');
    const offerC = await untilStatus(third.token, c.body.entryId, 'offered');
    expect(offerA).toMatchObject({ position: null, bookingId: expect.any(String), expiresAt: expect.any(String) });
    expect((await entryOf(second.token, b.body.entryId))?.status).toBe('waiting');
    // The offer on the fan's own stream; the second fan's stream shows nothing of other fans' entries.
    await firstStream.until('the offer', () => firstStream.messages.some((m) => m.event === 'waitlist.offered.v1'));
    const offerMessage = JSON.parse(firstStream.messages.find((m) => m.event === 'waitlist.offered.v1')!.data) as { data: { entryId: string; bookingId: string } };
    expect(offerMessage.data).toMatchObject({ entryId: a.body.entryId, bookingId: offerA.bookingId });
    const entryIdsSeen = (reader: SseReader) => reader.messages.map((m) => (JSON.parse(m.data) as { data: { entryId: string } }).data.entryId);
    expect(new Set(entryIdsSeen(firstStream))).toEqual(new Set([a.body.entryId]));
    // Opened at the same moment, so it would have carried the two offers had they been its fan's.
    expect(entryIdsSeen(secondStream).filter((entryId) => entryId !== b.body.entryId)).toEqual([]);
    firstStream.close();
    secondStream.close();

    const booking = await get<{ status: string; seats: string[] }>(`/api/bookings/${offerA.bookingId}`, first.token);
    expect(booking).toMatchObject({ status: 200, body: { status: 'held' } });
    expect(booking.body.seats).toHaveLength(2);
    const offeredC = await get<{ seats: string[] }>(`/api/bookings/${offerC.bookingId}`, third.token);
    expect(new Set([...booking.body.seats, ...offeredC.body.seats]).size).toBe(3);
    // An offer's booking is the fan's: another fan cannot see it.
    expect((await get(`/api/bookings/${offerA.bookingId}`, second.token)).status).toBe(404);

    // Told by e-mail: the offer, not a plain "held" message.
    type Outbox = { items: { kind: string; status: string }[] };
    await waitFor(async () => (await get<Outbox>(`/api/admin/outbox?to=${encodeURIComponent(first.email)}`, admin)).body.items.some((mail) => mail.kind === 'waitlist-offer'), 10_000);
    const mails = (await get<Outbox>(`/api/admin/outbox?to=${encodeURIComponent(first.email)}`, admin)).body.items.map((mail) => mail.kind);
    expect(mails).not.toContain('booking-held');

    // The first fan pays the offer like any booking: fulfilled.
    expect((await post(`${server.url}/api/bookings/${offerA.bookingId}/payment`, first.token, { card: GOOD_CARD })).status).toBe(200);
    await untilStatus(first.token, a.body.entryId, 'fulfilled');

    // The third fan lets the offer lapse: it expires, and its seat joins the one left: 2, still short of the second fan's 3.
    clock.advance(6 * 60_000);
    await untilStatus(third.token, c.body.entryId, 'expired');
    expect((await entryOf(second.token, b.body.entryId))?.status).toBe('waiting');

    // A fan who joins for 2 now is offered the two free seats at once; the second fan keeps waiting.
    const fourth = await signUp();
    const d = await join(fourth.token, showId, { seats: 2 });
    const offerD = await untilStatus(fourth.token, d.body.entryId, 'offered');
    expect(offerD.bookingId).toBeDefined();
    expect((await entryOf(second.token, b.body.entryId))?.status).toBe('waiting');
  }, 60_000);

  it("answers another user's entry as a missing one, leaves one's own (204, twice), and lists only one's own", async () => {
    const showId = await createShow(server.url, admin, { rows: 1, seatsPerRow: 2 });
    const alice = await accessTokenFor(server, randomUUID());
    const bob = await accessTokenFor(server, randomUUID());
    const entry = await join(alice, showId, { seats: 1 });
    expect(entry.status).toBe(201);
    expect(await remove(`/api/shows/${showId}/waitlist/${entry.body.entryId}`, bob)).toMatchObject({ status: 404 });
    expect(JSON.parse((await remove(`/api/shows/${showId}/waitlist/${entry.body.entryId}`, bob)).body)).toMatchObject({ code: 'WAITLIST_ENTRY_NOT_FOUND' });
    expect((await remove(`/api/shows/${showId}/waitlist/${randomUUID()}`, alice)).status).toBe(404);
    expect((await myEntries(bob)).some((item) => item.entryId === entry.body.entryId)).toBe(false);

    const left = await remove(`/api/shows/${showId}/waitlist/${entry.body.entryId}`, alice);
    expect(left).toEqual({ status: 204, body: '' });
    expect((await remove(`/api/shows/${showId}/waitlist/${entry.body.entryId}`, alice)).status).toBe(204);
    await untilStatus(alice, entry.body.entryId, 'left');
  });

  it('validates at the edge and refuses what the show does not allow', async () => {
    const showId = await createShow(server.url, admin, { rows: 1, seatsPerRow: 2, maxSeatsPerBooking: 4 });
    const draft = await createShow(server.url, admin, { rows: 1, seatsPerRow: 2 }, false);
    const fan = await accessTokenFor(server, randomUUID());
    for (const body of [{ seats: 0 }, { seats: 'two' }, {}, { seats: 1, extra: true }, { seats: 1, categoryId: 'no such!' }]) {
      expect({ body, answer: (await join(fan, showId, body)).body.code }).toEqual({ body, answer: 'VALIDATION_FAILED' });
    }
    expect(await join(fan, showId, { seats: 5 })).toMatchObject({ status: 422, body: { code: 'TOO_MANY_SEATS' } });
    expect(await join(fan, showId, { seats: 1, categoryId: 'balcony' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(await join(fan, randomUUID(), { seats: 1 })).toMatchObject({ status: 404, body: { code: 'SHOW_NOT_FOUND' } });
    expect(await join(fan, draft, { seats: 1 })).toMatchObject({ status: 422, body: { code: 'SHOW_NOT_ON_SALE' } });
    expect((await join('', showId, { seats: 1 })).status).toBe(401);
    // The same Idempotency-Key: the same entry.
    const key = randomUUID();
    const once = await join(fan, showId, { seats: 1 }, { 'idempotency-key': key });
    const again = await join(fan, showId, { seats: 1 }, { 'idempotency-key': key });
    expect(again.body).toEqual(once.body);
  });
});

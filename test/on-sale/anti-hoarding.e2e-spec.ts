import { randomUUID } from 'node:crypto';
import { GOOD_CARD, post, showBody } from '../box-office/box-office-client';
import { accessTokenFor } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

/** Per-account limits of a show (API6, sensitive business flows) against a started server. */
describe('anti-hoarding limits', () => {
  let server: TestApp;
  let admin: string;

  const limitedShow = async (limits: Record<string, unknown>): Promise<string> => {
    const created = await post<{ showId: string }>(`${server.url}/api/shows`, admin, { ...showBody(), ...limits });
    expect(created.status).toBe(201);
    expect((await post(`${server.url}/api/shows/${created.body.showId}/publish`, admin)).status).toBe(200);
    return created.body.showId;
  };
  const book = (token: string, showId: string, seats: string[]) => post<Record<string, unknown>>(`${server.url}/api/bookings`, token, { showId, seats });

  beforeAll(async () => {
    server = await startTestApp();
    admin = await accessTokenFor(server, `admin-${randomUUID()}`, ['admin']);
  });

  afterAll(async () => {
    await server?.close();
  });

  it('refuses holds past maxSeatsHeldPerUser and purchases past maxTicketsPerUser, per account', async () => {
    const showId = await limitedShow({ maxSeatsHeldPerUser: 2, maxTicketsPerUser: 3 });
    const fan = await accessTokenFor(server, `fan-${randomUUID()}`);
    const first = await book(fan, showId, ['A-1-1', 'A-1-2']);
    expect(first.status).toBe(201);
    expect(await book(fan, showId, ['A-1-3'])).toMatchObject({ status: 422, body: { code: 'HOLD_LIMIT_REACHED' } });
    // Another account is not limited by this one's holds.
    expect((await book(await accessTokenFor(server, `fan-${randomUUID()}`), showId, ['A-1-3'])).status).toBe(201);
    expect((await post(`${server.url}/api/bookings/${String(first.body.bookingId)}/payment`, fan, { card: GOOD_CARD })).status).toBe(200);
    // Paid: no longer held, but bought; one more seat fits the ticket limit, a second does not.
    expect((await book(fan, showId, ['A-1-4'])).status).toBe(201);
    expect(await book(fan, showId, ['A-1-5'])).toMatchObject({ status: 422, body: { code: 'TICKET_LIMIT_REACHED' } });
  });

  it('holds under concurrency: 10 bookings at once by one account on a 2-seat limit give 2 holds', async () => {
    const showId = await limitedShow({ maxSeatsHeldPerUser: 2 });
    const fan = await accessTokenFor(server, `fan-${randomUUID()}`);
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => book(fan, showId, [`A-1-${i + 1}`])));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(2);
    for (const answer of answers.filter((a) => a.status !== 201)) expect([422, 409]).toContain(answer.status);
    expect(answers.filter((answer) => answer.body.code === 'HOLD_LIMIT_REACHED').length).toBeGreaterThan(0);
  });

  it('validates the limits at show creation: 400', async () => {
    for (const limits of [{ maxSeatsHeldPerUser: 0 }, { maxTicketsPerUser: 'many' }, { maxSeatsHeldPerUser: 5, maxTicketsPerUser: 2 }, { maxTicketsPerUser: 1001 }]) {
      const res = await post<{ code: string }>(`${server.url}/api/shows`, admin, { ...showBody(), ...limits });
      expect({ limits, status: res.status, code: res.body.code }).toEqual({ limits, status: 400, code: 'VALIDATION_FAILED' });
    }
  });
});

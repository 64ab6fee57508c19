import { showStream } from '@tessera/contracts';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { accessTokenFor } from '../support/auth';
import { startTestApp, TestApp } from '../support/test-app';
import { createShow, ManualClock, post, showBody } from './box-office-client';

/** The business rules API.md states for shows and payments, over HTTP with a hand-moved clock. */
describe('business rules of shows and payments', () => {
  let server: TestApp;
  let clock: ManualClock;
  let admin: string;
  let store: EventStore;
  const DAY = 24 * 60 * 60_000;

  beforeAll(async () => {
    // 2027-04-01T10:00Z; showBody() starts on 2027-05-01T19:30Z.
    clock = new ManualClock();
    server = await startTestApp({ overrides: { clock } });
    admin = await accessTokenFor(server, 'admin-1', ['admin']);
    store = server.app.get(EventStore);
  });

  afterAll(async () => {
    await server.close();
  });

  const typesOf = async (stream: string) => (await store.readStream(stream)).map((event) => event.type);

  describe('a show in the past', () => {
    it('cannot be created: 400 SHOW_IN_PAST naming startsAt, and nothing is written', async () => {
      const head = await store.headPosition();
      const past = await post(`${server.url}/api/shows`, admin, { ...showBody(), startsAt: '2027-03-31T19:30:00Z' });
      expect(past).toMatchObject({
        status: 400,
        body: { code: 'SHOW_IN_PAST', startsAt: '2027-03-31T19:30:00.000Z', errors: [{ field: 'startsAt', message: 'must lie in the future' }] },
      });
      expect(past.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // "Now" is the server's clock, not the wall clock: a minute before it is already past.
      const aMinuteAgo = new Date(clock.now().getTime() - 60_000).toISOString();
      expect(await post(`${server.url}/api/shows`, admin, { ...showBody(), startsAt: aMinuteAgo })).toMatchObject({
        status: 400,
        body: { code: 'SHOW_IN_PAST' },
      });
      expect(await store.headPosition()).toBe(head);
    });

    it('cannot be published: a draft whose date has passed answers 409 SHOW_IN_PAST and stays a draft', async () => {
      const showId = await createShow(server.url, admin, {}, false);
      clock.advance(31 * DAY);
      try {
        // Tokens expire by the same clock: one issued a month later.
        const late = await post(`${server.url}/api/shows/${showId}/publish`, await accessTokenFor(server, 'admin-1', ['admin']));
        expect(late).toMatchObject({ status: 409, body: { code: 'SHOW_IN_PAST', startsAt: '2027-05-01T19:30:00.000Z' } });
        expect(await typesOf(showStream(showId))).toEqual(['show.created.v1']);
      } finally {
        clock.advance(-31 * DAY);
      }
      expect(await post(`${server.url}/api/shows/${showId}/publish`, admin)).toMatchObject({ status: 200, body: { status: 'on_sale' } });
    });
  });

  describe('currency', () => {
    it.each(['XYZ', 'ABC', 'eur'])('refuses %s with 400 VALIDATION_FAILED naming the field', async (currency) => {
      const bad = await post(`${server.url}/api/shows`, admin, { ...showBody(), currency });
      expect(bad).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', errors: [{ field: 'currency' }] } });
    });

    it('accepts an ISO 4217 code other than EUR', async () => {
      expect((await post(`${server.url}/api/shows`, admin, { ...showBody(), currency: 'JPY' })).status).toBe(201);
    });
  });
});

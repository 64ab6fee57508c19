import type { OutboxResponse } from '@tessera/contracts';
import { call, login, register, uniqueEmail } from '../../../../../test/security/accounts-client';
import { accessTokenFor, bearer } from '../../../../../test/support/auth';
import { createShow, GOOD_CARD, post } from '../../../../../test/box-office/box-office-client';
import { startTestApp, type TestApp } from '../../../../../test/support/test-app';
import { leavesOf, parseMime } from '../testing/mime';
import { qrImageEncodes } from '../testing/qr-image';
import { SmtpTestServer } from '../testing/smtp-test-server';

/** The standalone server with e-mail over a real SMTP server: a fan's booking, end to end, then the admin's outbox. */
describe('e-mail on the standalone server, and GET /api/admin/outbox', () => {
  let smtp: SmtpTestServer;
  let server: TestApp;
  let admin: string;

  beforeAll(async () => {
    smtp = await SmtpTestServer.start();
    server = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_POLL_MS: '20', MAIL_FROM: 'box-office@tessera.test' } });
    admin = await accessTokenFor(server, 'admin-outbox', ['admin']);
  });

  afterAll(async () => {
    await server.close();
    await smtp.stop();
  });

  const outbox = (query = '', token = admin) => call<OutboxResponse & { code?: string }>(server, 'GET', `/api/admin/outbox${query}`, { headers: bearer(token) });

  it('e-mails a fan who registers, holds and pays; the confirmation carries the QR codes of the tickets the API answered', async () => {
    const email = uniqueEmail('outbox');
    await register(server, email, undefined, 'Ada Lovelace');
    const { accessToken } = await login(server, email);
    const showId = await createShow(server.url, admin);
    const booked = await post<{ bookingId: string }>(`${server.url}/api/bookings`, accessToken, { showId, seats: ['A-1-1', 'A-1-2'] });
    expect(booked.status).toBe(201);
    const paid = await post<{ tickets: { ticketId: string; code: string }[] }>(`${server.url}/api/bookings/${booked.body.bookingId}/payment`, accessToken, { card: GOOD_CARD });
    expect(paid.status).toBe(200);

    const received = await smtp.waitForMessages(3);
    const mine = received.filter((mail) => mail.to[0] === email).map((mail) => parseMime(mail.raw));
    expect(mine.map((mime) => mime.headers.subject)).toEqual(['Welcome to Tessera', expect.stringMatching(/^Your seats for .+ are held until/), expect.stringMatching(/^Your tickets for /)]);
    const images = leavesOf(mine[2]).filter((part) => part.contentType === 'image/png');
    expect(images).toHaveLength(2);
    for (const ticket of paid.body.tickets) expect(images.some((image) => qrImageEncodes(image.body, ticket.code))).toBe(true);

    let listed: OutboxResponse['items'] = [];
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      listed = (await outbox(`?to=${encodeURIComponent(email.toUpperCase())}`)).body.items;
      if (listed.length === 3 && listed.every((item) => item.status === 'sent')) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(listed.map((item) => item.kind)).toEqual(['booking-confirmed', 'booking-held', 'welcome']);
    for (const item of listed) {
      expect(item).toEqual({ id: expect.any(String), to: email, subject: expect.any(String), kind: item.kind, eventId: expect.any(String), sentAt: expect.any(String), status: 'sent', attempts: 1 });
    }
    // The hold warning was called off by the payment: it is not listed.
    expect(listed.some((item) => item.kind === 'hold-expiring')).toBe(false);
  });

  it('lists at most `limit`, newest first, and only to `to`', async () => {
    const all = await outbox();
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThanOrEqual(3);
    const one = await outbox('?limit=1');
    expect(one.body.items).toEqual([all.body.items[0]]);
    expect((await outbox('?to=nobody%40example.com')).body.items).toEqual([]);
  });

  it('refuses a bad limit or address with 400 VALIDATION_FAILED', async () => {
    for (const query of ['?limit=0', '?limit=501', '?limit=abc', `?to=${'a'.repeat(300)}`]) {
      const res = await outbox(query);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    }
  });

  it('is for admins only: 401 without a token, 403 for a fan or staff', async () => {
    expect((await call(server, 'GET', '/api/admin/outbox')).status).toBe(401);
    expect((await outbox('', await accessTokenFor(server, 'a-fan', ['user']))).body).toMatchObject({ code: 'FORBIDDEN' });
    expect((await outbox('', await accessTokenFor(server, 'a-steward', ['staff']))).status).toBe(403);
  });

  it('reports the e-mail channel on /health', async () => {
    const res = await fetch(`${server.url}/health`);
    const body = (await res.json()) as { details: Record<string, Record<string, unknown>> };
    expect(body.details.email).toMatchObject({ status: 'up', transport: 'smtp', state: 'ok' });
    expect(body.details['notifier-email']).toMatchObject({ status: 'up', state: 'live', channel: 'email' });
  });
});

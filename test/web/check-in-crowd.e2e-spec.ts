import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { describeWithBinary } from '@tessera/platform/testing/services';
import { ADMIN, launchChromium, loginByApi, openPage, PHONE, publishShow, registerFan, signIn, startWebServer, type WebServer } from './support/web';

const SCANNERS = 20;
const TICKETS = 10;

/**
 * "Works with 20 scanners at once on the same show": 20 browser contexts (20 gates, each its own
 * staff account and session) in one Chromium check in 10 tickets of one show, every ticket
 * presented at 2 gates at the same moment, then at 2 more. Exactly one gate may let each ticket in.
 */
describeWithBinary('chromium', 'apt-get install chromium', '20 check-in scanners at once in Chromium', (chromiumPath) => {
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    // 20 staff sign-ins and the set-up's admin calls come from one address within a minute.
    server = await startWebServer({ RATE_LIMIT_LOGIN_PER_ACCOUNT_IP: '1000', RATE_LIMIT_LOGIN_PER_IP: '1000' });
    browser = await launchChromium(chromiumPath);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const post = async (path: string, token: string, body?: unknown, method = 'POST'): Promise<Record<string, unknown>> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };

  /** Two fans each buy five seats of balcony B: ten paid tickets of one show. */
  const paidTickets = async (): Promise<{ code: string; seatId: string }[]> => {
    const showId = await publishShow(server, 'Crowded Gates');
    const tickets: { code: string; seatId: string }[] = [];
    for (const row of [1, 2]) {
      const fan = await registerFan(server);
      const token = await loginByApi(server, fan.email, fan.password);
      const seats = Array.from({ length: TICKETS / 2 }, (_, i) => `B-${row}-${i + 1}`);
      const booking = await post('/api/bookings', token, { showId, seats });
      const paid = await post(`/api/bookings/${booking.bookingId as string}/payment`, token, {
        card: { number: '4242424242424242', expMonth: 12, expYear: new Date().getFullYear() + 3, cvc: '123' },
      });
      tickets.push(...(paid.tickets as { code: string; seatId: string }[]));
    }
    return tickets;
  };

  /** One gate checks one code; answers whether the page showed green, after the server's answer. */
  const scan = async (page: Page, code: string): Promise<boolean> => {
    await page.getByLabel('Ticket code').fill(code);
    const answered = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/checkins');
    await page.getByRole('button', { name: 'Check in' }).click();
    const response = await answered;
    const ok = response.status() === 201 || response.status() === 200;
    const verdict = page.getByTestId('verdict');
    await verdict.getByText(ok ? 'Welcome in' : 'Already checked in').waitFor();
    expect(await verdict.getAttribute('data-ok')).toBe(String(ok));
    return ok;
  };

  it('20 gates, each ticket at 2 gates at the same moment, then at 2 others: exactly one green per ticket, the rest "already checked in"', async () => {
    const tickets = await paidTickets();
    expect(tickets).toHaveLength(TICKETS);
    const admin = await loginByApi(server, ADMIN.email, ADMIN.password);
    const started = Date.now();
    const gates = await Promise.all(
      Array.from({ length: SCANNERS }, async (_, gate) => {
        const staff = await registerFan(server, `Gate ${gate + 1}`);
        await post(`/api/admin/users/${staff.userId}/roles`, admin, { roles: ['user', 'staff'] }, 'PUT');
        const context = await browser.newContext(PHONE);
        const opened = await openPage(context);
        await signIn(opened.page, server, staff, '/checkin');
        return { context, ...opened };
      }),
    );
    const ready = Date.now();
    // Gate g scans ticket g % 10, then ticket (3g + 1) % 10: each ticket twice in each round.
    const rounds = [(g: number) => g % TICKETS, (g: number) => (3 * g + 1) % TICKETS];
    const greens = new Map<string, number>(tickets.map((t) => [t.seatId, 0]));
    let scans = 0;
    for (const pick of rounds) {
      const results = await Promise.all(gates.map(async ({ page }, g) => ({ ticket: tickets[pick(g)], ok: await scan(page, tickets[pick(g)].code) })));
      for (const { ticket, ok } of results) if (ok) greens.set(ticket.seatId, greens.get(ticket.seatId)! + 1);
      scans += results.length;
    }
    const done = Date.now();
    expect([...greens.values()]).toEqual(Array.from({ length: TICKETS }, () => 1));
    expect(gates.flatMap((g) => g.problems)).toEqual([]);
    // What 20 contexts cost here (printed for the report, not a pass mark).
    console.log(
      `${SCANNERS} contexts signed in in ${ready - started} ms; ${scans} scans in ${done - ready} ms; load average ${loadavg()
        .map((n) => n.toFixed(1))
        .join(', ')}`,
    );
    for (const { context } of gates) await context.close();
  }, 240_000);
});

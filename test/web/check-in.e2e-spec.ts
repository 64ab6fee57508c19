import type { Browser, BrowserContext } from 'playwright-core';
import { describeWithBinary } from '@tessera/platform/testing/services';
import {
  DESKTOP,
  launchChromium,
  loginByApi,
  openPage,
  PHONE,
  publishShow,
  registerFan,
  registerStaff,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
  startWebServer,
  type WebServer,
} from './support/web';

/** Two gate scanners (two browser contexts) check the same ticket: one lets the fan in, the other refuses. */
describeWithBinary('chromium', 'apt-get install chromium', 'staff check-in in Chromium', (chromiumPath) => {
  let server: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium(chromiumPath);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  /** A fan's paid ticket code, bought through the API (the purchase itself is box-office.e2e-spec.ts). */
  const paidTicketCode = async (): Promise<{ code: string; seatId: string }> => {
    const showId = await publishShow(server, 'Gate Test');
    const fan = await registerFan(server);
    const token = await loginByApi(server, fan.email, fan.password);
    const post = async (path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, unknown>;
    };
    const booking = await post('/api/bookings', { showId, seats: ['B-1-1'] });
    const paid = await post(`/api/bookings/${booking.bookingId as string}/payment`, {
      card: { number: '4242424242424242', expMonth: 12, expYear: new Date().getFullYear() + 3, cvc: '123' },
    });
    const [ticket] = paid.tickets as { code: string; seatId: string }[];
    return ticket;
  };

  it('the first scanner lets the fan in (green), the second says already checked in (red), a forged code is refused', async () => {
    const staff = await registerStaff(server);
    const ticket = await paidTicketCode();

    const gateA = await browser.newContext(PHONE);
    const gateB = await browser.newContext(DESKTOP);
    contexts.push(gateA, gateB);
    const a = await openPage(gateA);
    const b = await openPage(gateB);
    await signIn(a.page, server, staff, '/checkin');
    await signIn(b.page, server, staff, '/checkin');
    expect(await seriousAccessibilityViolations(a.page)).toEqual([]);

    await a.page.getByLabel('Ticket code').fill(ticket.code);
    await a.page.getByRole('button', { name: 'Check in' }).click();
    const green = a.page.getByTestId('verdict');
    await green.getByText('Welcome in').waitFor();
    expect(await green.getAttribute('data-ok')).toBe('true');
    expect(await green.innerText()).toContain(`Seat ${ticket.seatId}`);
    await screenshot(a.page, 'check-in-ok');
    expect(await seriousAccessibilityViolations(a.page)).toEqual([]);

    await b.page.getByLabel('Ticket code').fill(ticket.code);
    await b.page.getByRole('button', { name: 'Check in' }).click();
    const red = b.page.getByTestId('verdict');
    await red.getByText('Already checked in').waitFor();
    expect(await red.getAttribute('data-ok')).toBe('false');
    await screenshot(b.page, 'check-in-refused');
    expect(await seriousAccessibilityViolations(b.page)).toEqual([]);

    const forged = `${ticket.code.slice(0, -4)}AAAA`;
    await a.page.getByLabel('Ticket code').fill(forged);
    await a.page.getByRole('button', { name: 'Check in' }).click();
    await a.page.getByTestId('verdict').getByText('Not a valid ticket').waitFor();
    expect([...a.problems, ...b.problems]).toEqual([]);
  }, 120_000);

  it('a fan who opens the check-in page gets the API refusal as its problem, not a blank page', async () => {
    const fan = await registerFan(server);
    const context = await browser.newContext(PHONE);
    contexts.push(context);
    const { page, problems } = await openPage(context);
    await signIn(page, server, fan, '/checkin');
    await page.getByLabel('Ticket code').fill('anything');
    await page.getByRole('button', { name: 'Check in' }).click();
    await page.getByTestId('verdict').getByText('Forbidden').waitFor();
    expect(problems).toEqual([]);
  }, 60_000);
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeWithBinary } from '@tessera/platform/testing/services';
import { waitFor } from '../support/processes';
import { DESKTOP, launchChromium, loginByApi, openPage, publishShow, registerFan, screenshot, seriousAccessibilityViolations, signIn, startWebServer, type WebServer } from './support/web';

/**
 * Installed before the app's scripts: every status the booking page shows, in order (its
 * `data-status`), and every live message the page's EventSource hands to the app, with its log position.
 */
const RECORDER = `(() => {
  window.__statuses = [];
  window.__live = [];
  new MutationObserver(() => {
    const status = document.querySelector('[data-testid="booking-status"]')?.getAttribute('data-status');
    if (status && window.__statuses[window.__statuses.length - 1] !== status) window.__statuses.push(status);
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
  const add = EventSource.prototype.addEventListener;
  EventSource.prototype.addEventListener = function (type, listener, options) {
    return add.call(this, type, function (event) {
      try { window.__live.push({ position: event.lastEventId, type: event.type, bookingId: JSON.parse(event.data).data.bookingId }); } catch {}
      return listener.call(this, event);
    }, options);
  };
})()`;

/** A fan's hold asked with `Prefer: respond-async`: the booking page shows pending, then the result, from the stream. */
describeWithBinary('chromium', 'apt-get install chromium', 'a respond-async hold in Chromium', (chromiumPath) => {
  let server: WebServer;
  let browser: Browser;
  let showId: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium(chromiumPath);
    showId = await publishShow(server, 'Async Night');
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  const fanPage = async (): Promise<{ page: Page; problems: string[]; bookingReads: (string | undefined)[]; holdAnswers: { status: number; preferenceApplied?: string }[] }> => {
    const context = await browser.newContext(DESKTOP);
    contexts.push(context);
    await context.addInitScript(RECORDER);
    const opened = await openPage(context);
    const bookingReads: (string | undefined)[] = [];
    const holdAnswers: { status: number; preferenceApplied?: string }[] = [];
    opened.page.on('request', (request) => {
      if (request.method() === 'GET' && /\/api\/bookings\/[^/]+$/.test(new URL(request.url()).pathname)) bookingReads.push(request.headers()['x-min-position']);
    });
    opened.page.on('response', (response) => {
      if (response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/bookings')
        holdAnswers.push({ status: response.status(), preferenceApplied: response.headers()['preference-applied'] });
    });
    return { ...opened, bookingReads, holdAnswers };
  };

  const chooseSeat = async (page: Page, row: number, seat: number) => {
    await page.goto(`${server.url}/shows/${showId}?category=std&section=B`);
    await page.getByText('Live', { exact: true }).waitFor();
    await page.getByRole('checkbox', { name: new RegExp(`^Row ${row}, seat ${seat},.*available$`) }).click();
  };

  type Recorded = { position: string; type: string; bookingId?: string };
  /** Runs in the page (a function, not a string: the page's CSP has no 'unsafe-eval'). */
  const arrived = ({ type, bookingId }: { type: string; bookingId: string }) =>
    (globalThis as unknown as { __live: Recorded[] }).__live.some((m) => m.type === type && m.bookingId === bookingId);
  const liveMessages = (page: Page) => page.evaluate<Recorded[]>('window.__live');
  const statuses = (page: Page) => page.evaluate<string[]>('window.__statuses');

  it('shows the booking pending, then held, as its booking.placed.v1 arrives on the stream', async () => {
    const fan = await fanPage();
    await signIn(fan.page, server, await registerFan(server));
    await chooseSeat(fan.page, 1, 4);
    await fan.page.getByRole('button', { name: 'Hold these seats' }).click();
    await fan.page.waitForURL(/\/bookings\/[0-9a-f-]+$/);
    const bookingId = new URL(fan.page.url()).pathname.split('/').pop()!;
    await fan.page.getByRole('timer').waitFor();
    expect(await fan.page.getByTestId('booking-status').innerText()).toContain('Your seats are held');

    expect(fan.holdAnswers).toEqual([{ status: 202, preferenceApplied: 'respond-async' }]);
    expect(await statuses(fan.page)).toEqual(['pending', 'held']);
    // The stream brought the settlement, and the page read the booking at that event's position.
    await fan.page.waitForFunction(arrived, { type: 'booking.placed.v1', bookingId });
    const placed = (await liveMessages(fan.page)).find((m) => m.type === 'booking.placed.v1' && m.bookingId === bookingId)!;
    await waitFor(async () => fan.bookingReads.includes(placed.position), 5_000);
    expect(await seriousAccessibilityViolations(fan.page)).toEqual([]);
    expect(fan.problems).toEqual([]);
  }, 90_000);

  it('shows the booking pending, then refused, when another fan took the seat first', async () => {
    const fan = await fanPage();
    await signIn(fan.page, server, await registerFan(server));
    await chooseSeat(fan.page, 2, 7);
    // Another fan holds the same seat through the API; the open map turns it held (live).
    const rival = await registerFan(server, 'Rival');
    const token = await loginByApi(server, rival.email, rival.password);
    const res = await fetch(`${server.url}/api/bookings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ showId, seats: ['B-2-7'] }),
    });
    expect(res.status).toBe(201);
    await fan.page.locator('[data-seat="B-2-7"][aria-disabled="true"]').waitFor({ timeout: 10_000 });

    await fan.page.getByRole('button', { name: 'Hold these seats' }).click();
    await fan.page.waitForURL(/\/bookings\/[0-9a-f-]+$/);
    const bookingId = new URL(fan.page.url()).pathname.split('/').pop()!;
    await fan.page.getByText('The seats could not be held.').waitFor();
    expect(fan.holdAnswers).toEqual([{ status: 202, preferenceApplied: 'respond-async' }]);
    expect(await statuses(fan.page)).toEqual(['pending', 'rejected']);
    await fan.page.waitForFunction(arrived, { type: 'booking.rejected.v1', bookingId });
    await fan.page.getByRole('link', { name: 'Choose other seats' }).waitFor();
    // Why, from the event: the refusal's code and the seat taken.
    const reason = fan.page.getByRole('alert').filter({ hasText: 'Seats no longer available' });
    await reason.waitFor();
    expect(await reason.innerText()).toContain('Someone else took this seat first: B-2-7.');
    await screenshot(fan.page, 'booking-rejected');
    expect(await seriousAccessibilityViolations(fan.page)).toEqual([]);
    expect(fan.problems).toEqual([]);
  }, 90_000);
});

import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describeWithBinary } from '@tessera/platform/testing/services';
import {
  DESKTOP,
  launchChromium,
  openPage,
  PHONE,
  publishShow,
  registerFan,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
  startWebServer,
  type WebServer,
} from './support/web';

/** A fan buys, pays, reloads, is declined, and gives a ticket away: the box office in a real browser. */
describeWithBinary('chromium', 'apt-get install chromium', 'the box office in Chromium', (chromiumPath) => {
  let server: WebServer;
  let browser: Browser;
  let showId: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium(chromiumPath);
    showId = await publishShow(server);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  const fanPage = async (device: BrowserContextOptions = PHONE): Promise<{ page: Page; problems: string[] }> => {
    const context = await browser.newContext(device);
    contexts.push(context);
    return openPage(context);
  };

  /** Show → VIP → Stalls A → two seats → hold: the booking page with its countdown. */
  const holdTwoSeats = async (page: Page, seats: [number, number], row = 1): Promise<string> => {
    await page.goto(`${server.url}/shows/${showId}`);
    await page.getByRole('button', { name: /^VIP/ }).click();
    await page.getByRole('button', { name: /^Stalls A/ }).click();
    for (const seat of seats) await page.getByRole('checkbox', { name: new RegExp(`^Row ${row}, seat ${seat},.*available$`) }).click();
    await page.getByRole('button', { name: 'Hold these seats' }).click();
    await page.waitForURL(/\/bookings\/[0-9a-f-]+$/);
    await page.getByRole('timer').waitFor();
    return new URL(page.url()).pathname.split('/').pop()!;
  };

  const pay = async (page: Page, card: 'Succeeds' | 'Declined' | 'Expired') => {
    await page.getByRole('button', { name: new RegExp(`^${card}:`) }).click();
    await page.getByRole('button', { name: 'Pay now' }).click();
  };

  it('the full purchase on a phone: catalogue, seat map, hold, payment, tickets with QR codes', async () => {
    const fan = await registerFan(server);
    const { page, problems } = await fanPage(PHONE);

    await page.goto(server.url);
    const card = page.getByRole('listitem').filter({ hasText: 'Night Concert' });
    await card.getByText('From €45.00').waitFor();
    await card.getByText('46 of 46 seats left').waitFor();
    await screenshot(page, 'shows');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await signIn(page, server, fan, `/shows/${showId}`);
    await page.getByRole('button', { name: /^VIP/ }).click();
    await page.getByRole('button', { name: /^Stalls A/ }).click();
    await page.getByRole('checkbox', { name: /^Row 1, seat 4,/ }).click();
    await page.getByRole('checkbox', { name: /^Row 1, seat 5,/ }).click();
    await page.getByText('2 seats: A-1-4, A-1-5 · €240.00').waitFor();
    await screenshot(page, 'seat-map');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Hold these seats' }).click();
    await page.waitForURL(/\/bookings\//);
    await page.getByText('Your seats are held').waitFor();
    expect(await page.getByRole('timer').getAttribute('aria-label')).toMatch(/^Hold expires in: (10:00|9:5\d)$/);
    await screenshot(page, 'checkout');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await pay(page, 'Succeeds');
    await page.getByText('Paid. Your tickets are ready.').waitFor();
    await page.getByRole('link', { name: /See your tickets/ }).click();
    await page.getByRole('img', { name: 'QR code of the ticket for seat A-1-4' }).waitFor();
    await page.getByRole('img', { name: 'QR code of the ticket for seat A-1-5' }).waitFor();
    await screenshot(page, 'tickets');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The seats are sold for everyone now.
    const other = await fanPage(DESKTOP);
    await other.page.goto(`${server.url}/shows/${showId}?category=vip&section=A`);
    await other.page.getByRole('checkbox', { name: /^Row 1, seat 4,.*sold$/ }).waitFor();
    await screenshot(other.page, 'seat-map-desktop');
    // No token rests where page scripts keep things.
    expect(await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })')).toBe('{}');
    expect([...problems, ...other.problems]).toEqual([]);
  }, 120_000);

  it('a reload mid-checkout brings the fan back to the same booking and step, and payment still works', async () => {
    const fan = await registerFan(server);
    const { page, problems } = await fanPage(DESKTOP);
    await signIn(page, server, fan);
    // The show page keeps its step in the URL too.
    await page.goto(`${server.url}/shows/${showId}`);
    await page.getByRole('button', { name: /^VIP/ }).click();
    await page.getByRole('button', { name: /^Stalls A/ }).click();
    await page.reload();
    await page.getByRole('group', { name: /Seats of Stalls A/ }).waitFor();

    const bookingId = await holdTwoSeats(page, [7, 8]);
    const secondsLeft = async () => {
      const [, minutes, seconds] = /(\d+):(\d\d)$/.exec((await page.getByRole('timer').getAttribute('aria-label')) ?? '')!;
      return Number(minutes) * 60 + Number(seconds);
    };
    const before = await secondsLeft();
    await page.reload();
    expect(new URL(page.url()).pathname).toBe(`/bookings/${bookingId}`);
    await page.getByText('Your seats are held').waitFor();
    await page.getByText('A-1-7, A-1-8').waitFor();
    expect(await secondsLeft()).toBeLessThanOrEqual(before); // the same hold, counting on: not a new one
    await pay(page, 'Succeeds');
    await page.getByText('Paid. Your tickets are ready.').waitFor();
    await page.reload();
    await page.getByText('Paid. Your tickets are ready.').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it('a declined card and an expired card show the problem title and detail; another card then pays', async () => {
    const fan = await registerFan(server);
    const { page, problems } = await fanPage(PHONE);
    await signIn(page, server, fan);
    await holdTwoSeats(page, [1, 2]);

    await pay(page, 'Declined');
    const alert = page.getByRole('alert');
    await alert.getByText('Payment Required').waitFor();
    await alert.getByText(/declined/i).waitFor();
    await screenshot(page, 'payment-declined');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await pay(page, 'Expired');
    await page.getByRole('alert').getByText(/expired/i).waitFor();
    await page.getByText('Your seats are held').waitFor(); // still held: nothing was charged

    await pay(page, 'Succeeds');
    await page.getByText('Paid. Your tickets are ready.').waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it('a transfer moves the ticket to another fan, who sees it with a new QR code', async () => {
    const giver = await registerFan(server, 'Ada Giver');
    const receiver = await registerFan(server, 'Bob Receiver');
    const { page, problems } = await fanPage(DESKTOP);
    await signIn(page, server, giver);
    await holdTwoSeats(page, [1, 2], 2);
    await pay(page, 'Succeeds');
    await page.getByText('Paid. Your tickets are ready.').waitFor();
    await page.goto(`${server.url}/tickets`);
    const ticket = page.getByTestId('ticket').filter({ hasText: 'Seat A-2-1' });
    await ticket.getByRole('button', { name: 'Transfer…' }).click();
    await ticket.getByLabel('Their e-mail').fill(receiver.email);
    await screenshot(page, 'transfer');
    await ticket.getByRole('button', { name: 'Send ticket' }).click();
    await page.getByTestId('ticket').filter({ hasText: 'Seat A-2-1' }).waitFor({ state: 'detached' });
    await page.getByTestId('ticket').filter({ hasText: 'Seat A-2-2' }).waitFor();

    const other = await fanPage(PHONE);
    await signIn(other.page, server, receiver, '/tickets');
    await other.page.getByRole('img', { name: 'QR code of the ticket for seat A-2-1' }).waitFor();
    expect([...problems, ...other.problems]).toEqual([]);
  }, 120_000);

  it('cancels a paid booking from My bookings: refunded, its tickets void, the seats on sale again', async () => {
    const fan = await registerFan(server);
    const { page, problems } = await fanPage(PHONE);
    await signIn(page, server, fan);
    await holdTwoSeats(page, [3, 4], 2);
    await pay(page, 'Succeeds');
    await page.getByText('Paid. Your tickets are ready.').waitFor();
    await page.goto(`${server.url}/tickets`);
    await page.getByRole('img', { name: 'QR code of the ticket for seat A-2-3' }).waitFor();
    await page.getByRole('link', { name: 'Open booking for seats A-2-3, A-2-4' }).click();
    await page.getByRole('button', { name: 'Cancel and refund' }).click();
    await page.getByText('This booking was cancelled and refunded.').waitFor();
    await page.goto(`${server.url}/tickets`);
    await page.getByRole('listitem').filter({ hasText: 'A-2-3, A-2-4' }).getByText('Refunded').waitFor();
    await page.getByTestId('ticket').filter({ hasText: 'Seat A-2-3' }).getByText('Void').waitFor();
    expect(await page.getByRole('img', { name: 'QR code of the ticket for seat A-2-3' }).count()).toBe(0);
    await screenshot(page, 'my-bookings');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.goto(`${server.url}/shows/${showId}?category=vip&section=A`);
    await page.getByRole('checkbox', { name: /^Row 2, seat 3,.*available$/ }).waitFor();
    expect(problems).toEqual([]);
  }, 120_000);

  it('a seat held in one browser turns to held in another that has the map open, with no reload', async () => {
    const watcher = await fanPage(DESKTOP);
    await signIn(watcher.page, server, await registerFan(server));
    await watcher.page.goto(`${server.url}/shows/${showId}?category=vip&section=A`);
    await watcher.page.getByRole('checkbox', { name: /^Row 2, seat 5,.*available$/ }).waitFor();
    await watcher.page.getByText('Live', { exact: true }).waitFor();
    const fan = await registerFan(server);
    const buyer = await fanPage(PHONE);
    await signIn(buyer.page, server, fan);
    await holdTwoSeats(buyer.page, [5, 6], 2);
    // The signed-in map follows the SSE stream: well inside the 10 s a visitor's map polls at.
    await watcher.page.getByRole('checkbox', { name: /^Row 2, seat 5,.*held by someone else$/ }).waitFor({ timeout: 5_000 });
    await watcher.page.getByRole('checkbox', { name: /^Row 2, seat 6,.*held by someone else$/ }).waitFor();
    await screenshot(watcher.page, 'seat-map-held');
    expect([...watcher.problems, ...buyer.problems]).toEqual([]);
  }, 60_000);

  it('an API error is shown as its problem, never a blank page: an unknown show', async () => {
    const { page, problems } = await fanPage(DESKTOP);
    await page.goto(`${server.url}/shows/00000000-0000-4000-8000-000000000000`);
    await page.getByRole('alert').getByText('Not Found').waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/show/i);
    await page.goto(`${server.url}/no/such/page`);
    await page.getByRole('heading', { name: 'Page not found' }).waitFor();
    // The API's own pages keep theirs: /docs (Swagger UI, under helmet's policy) still renders.
    await page.goto(`${server.url}/docs`);
    await page.getByText('POST/api/bookings', { exact: false }).first().waitFor();
    expect(problems).toEqual([]);
  }, 60_000);
});

import type { Browser, BrowserContext } from 'playwright-core';
import { describeWithBinary } from '@tessera/platform/testing/services';
import { waitFor } from '../support/processes';
import { DESKTOP, launchChromium, loginByApi, openPage, publishShow, registerFan, seriousAccessibilityViolations, signIn, startWebServer, type WebServer } from './support/web';

/**
 * A fan finds VIP sold out, joins its waiting list, sees their place; seats come back, the list
 * shows the offer and takes the fan to the booking to pay; another entry is left with a click.
 */
describeWithBinary('chromium', 'apt-get install chromium', 'the waiting list in Chromium', (chromiumPath) => {
  let server: WebServer;
  let browser: Browser;
  let showId: string;
  const contexts: BrowserContext[] = [];

  const call = async <T>(method: string, path: string, token: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium(chromiumPath);
    showId = await publishShow(server);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await browser?.close();
    await server?.stop();
  });

  it('joins a sold-out category, is offered returned seats and opens the booking to pay', async () => {
    // Another fan holds every VIP seat (2 rows of 8, 6 a booking).
    const hoarder = await registerFan(server, 'Hoarder');
    const hoarderToken = await loginByApi(server, hoarder.email, hoarder.password);
    const vip = [1, 2].flatMap((row) => Array.from({ length: 8 }, (_, i) => `A-${row}-${i + 1}`));
    const holds: string[] = [];
    for (const seats of [vip.slice(0, 6), vip.slice(6, 12), vip.slice(12)]) holds.push((await call<{ bookingId: string }>('POST', '/api/bookings', hoarderToken, { showId, seats })).bookingId);
    await waitFor(async () => (await call<{ categories: { id: string; available: number }[] }>('GET', `/api/shows/${showId}`, hoarderToken)).categories[0].available === 0, 10_000);

    const context = await browser.newContext(DESKTOP);
    contexts.push(context);
    const { page, problems } = await openPage(context);
    const fan = await registerFan(server, 'Ada Lovelace');
    await signIn(page, server, fan, `/shows/${showId}`);
    await page.getByRole('button', { name: /^VIP/ }).click();
    const form = page.getByRole('form', { name: 'Waiting list for VIP' });
    await form.getByLabel('Seats').fill('2');
    await form.getByRole('button', { name: 'Join the waiting list' }).click();
    await page.getByRole('status').filter({ hasText: 'You are number 1 on the waiting list for VIP.' }).waitFor();

    await page.getByRole('link', { name: 'My waiting list' }).first().click();
    await page.waitForURL(/\/waitlist$/);
    const entry = page.getByTestId('waitlist-entry');
    await entry.filter({ hasText: 'Waiting · number 1 in line' }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The hoarder lets a booking go: two of its seats are held for the fan.
    await call('POST', `/api/bookings/${holds[0]}/cancel`, hoarderToken);
    await waitFor(async () => {
      await page.reload();
      await entry.first().waitFor();
      return (await entry.filter({ hasText: 'Seats held for you' }).count()) === 1;
    }, 15_000, 500);
    await page.getByRole('link', { name: 'Pay for the offered seats' }).click();
    await page.waitForURL(/\/bookings\/[0-9a-f-]+$/);
    await page.getByRole('timer').waitFor();
    expect(problems).toEqual([]);
  }, 90_000);

  it('leaves the list with a click', async () => {
    const context = await browser.newContext(DESKTOP);
    contexts.push(context);
    const { page, problems } = await openPage(context);
    const fan = await registerFan(server, 'Grace Hopper');
    const token = await loginByApi(server, fan.email, fan.password);
    // Standard is not sold out: nothing comes back to offer, so the entry waits.
    await call('POST', `/api/shows/${showId}/waitlist`, token, { categoryId: 'std', seats: 1 });
    await signIn(page, server, fan, '/waitlist');
    await page.getByTestId('waitlist-entry').filter({ hasText: 'Waiting' }).waitFor();
    await page.getByRole('button', { name: 'Leave the list' }).click();
    await page.getByTestId('waitlist-entry').filter({ hasText: 'Left the list' }).waitFor();
    expect(await page.getByRole('button', { name: 'Leave the list' }).count()).toBe(0);
    expect(problems).toEqual([]);
  }, 60_000);
});

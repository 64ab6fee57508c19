import type { Browser } from 'playwright-core';
import { describeWithBinary } from '@tessera/platform/testing/services';
import { ADMIN, launchChromium, loginByApi, openPage, PHONE, publishShow, registerFan, screenshot, seriousAccessibilityViolations, signIn, startWebServer, type WebServer } from './support/web';

/**
 * A fan in an on-sale's waiting room, in a real browser: joins before the opening, sees the place
 * and the wait, watches it move on the live stream as the fans ahead are admitted, and once
 * admitted holds seats (the hold carries the admission token: without it the server answers 403).
 */
describeWithBinary('chromium', 'apt-get install chromium', 'the waiting room in Chromium', (chromiumPath) => {
  let server: WebServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startWebServer();
    browser = await launchChromium(chromiumPath);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const call = async (method: string, path: string, token: string, body?: unknown): Promise<Record<string, unknown>> => {
    const res = await fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };

  it('joins the queue, watches the place move live, and holds seats once admitted', async () => {
    const showId = await publishShow(server, 'Flash Sale Night');
    const admin = await loginByApi(server, ADMIN.email, ADMIN.password);
    const room = (opensAt: Date) => ({ enabled: true, opensAt: opensAt.toISOString(), admitPerMinute: 30, tokenMinutes: 10 });
    await call('PUT', `/api/shows/${showId}/waiting-room`, admin, room(new Date(Date.now() + 3_600_000)));

    // Four fans ahead of ours, or behind: the early arrivals are shuffled.
    const others = await Promise.all(Array.from({ length: 4 }, (_, i) => registerFan(server, `Fan ${i}`)));
    for (const other of others) await call('POST', `/api/shows/${showId}/queue`, await loginByApi(server, other.email, other.password));

    const fan = await registerFan(server);
    const context = await browser.newContext(PHONE);
    const { page, problems } = await openPage(context);
    await signIn(page, server, fan, `/shows/${showId}`);
    await page.getByRole('heading', { name: 'Waiting room' }).waitFor();
    // Before its turn the fan may look at the seats but not hold them.
    await page.getByRole('button', { name: /^VIP/ }).click();
    await page.getByRole('button', { name: /^Stalls A/ }).click();
    await page.getByRole('checkbox', { name: /^Row 1, seat 3,/ }).click();
    expect(await page.getByRole('button', { name: 'Hold these seats' }).isDisabled()).toBe(true);

    await page.getByRole('button', { name: 'Join the queue' }).click();
    const position = page.getByTestId('queue-position');
    await position.waitFor();
    const first = Number((await position.innerText()).match(/^\d+/)?.[0]);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThanOrEqual(5);
    await page.getByText(/^Estimated wait:/).waitFor();
    // The place follows the live stream (the section's seat map has its own badge).
    await page.getByRole('region', { name: 'Waiting room' }).getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await screenshot(page, 'waiting-room');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The opening: one place every two seconds. The page moves on by itself (no reload) and admits the fan.
    await call('PUT', `/api/shows/${showId}/waiting-room`, admin, room(new Date()));
    if (first > 1) await page.getByTestId('queue-position').filter({ hasText: new RegExp(`^${first - 1}`) }).waitFor({ timeout: 15_000 });
    await page.getByText(/^It is your turn/).waitFor({ timeout: 20_000 });
    await screenshot(page, 'waiting-room-admitted');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Hold these seats' }).click();
    await page.waitForURL(/\/bookings\/[0-9a-f-]+$/);
    await page.getByRole('timer').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 90_000);
});

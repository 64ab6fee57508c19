import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import type { SeatMapResponse, ShowListResponse } from '@tessera/contracts';
import { describeWithBinary, makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { BOOKINGS, SHOWS, showOf } from '../../tools/demo/plan';
import { ROOT } from '../support/processes';
import { ADMIN, DESKTOP, launchChromium, openPage, PHONE, screenshot, seriousAccessibilityViolations, startWebServer, type WebServer } from './support/web';

/**
 * The web app on the demo's data (`npm run demo --no-simulator`), as a first look shows it: the
 * catalogue of its three shows on a phone, and the arena section with the most sales on a desktop.
 * The screenshots (demo-shows, demo-arena) are the README's "A first look".
 */
describeWithBinary('chromium', 'apt-get install chromium', 'the demo data in Chromium', (chromiumPath) => {
  let server: WebServer;
  let browser: Browser;
  let dir: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startWebServer();
    dir = await makeTempDir('web-demo');
    const demo = spawnSync(process.execPath, ['--require', './tools/swc-register.js', 'tools/demo/demo.ts', '--url', server.url, '--no-simulator', '--fleet', join(dir, 'fleet.json')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password },
      encoding: 'utf8',
      timeout: 90_000,
    });
    if (demo.status !== 0) throw new Error(`npm run demo failed: ${demo.stderr}${demo.stdout}`);
    browser = await launchChromium(chromiumPath);
  }, 150_000);

  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await browser?.close();
    await server?.stop();
    await removeDir(dir);
  });

  const page = async (device: typeof PHONE | typeof DESKTOP) => {
    const context = await browser.newContext(device);
    contexts.push(context);
    return openPage(context);
  };

  it('the catalogue lists the three shows with their prices and seats left', async () => {
    const { page: shows, problems } = await page(PHONE);
    await shows.goto(server.url);
    for (const show of SHOWS) await shows.getByRole('link', { name: show.request.name }).waitFor();
    await shows.getByText(/ of 60,000 seats left$/).waitFor();
    expect(await seriousAccessibilityViolations(shows)).toEqual([]);
    await screenshot(shows, 'demo-shows');
    expect(problems).toEqual([]);
  });

  it('the arena section with the most sales shows its sold and held seats on the map', async () => {
    const booked = new Map<string, number>();
    for (const booking of BOOKINGS.filter((candidate) => candidate.show === 'arena' && candidate.outcome !== 'refunded')) {
      for (const seatId of booking.seats) booked.set(seatId.split('-')[0], (booked.get(seatId.split('-')[0]) ?? 0) + 1);
    }
    const [sectionId] = [...booked.entries()].sort((a, b) => b[1] - a[1])[0];
    const section = showOf('arena').request.sections.find((candidate) => candidate.id === sectionId);
    const catalogue = (await (await fetch(`${server.url}/api/shows`)).json()) as ShowListResponse;
    const arenaId = catalogue.items.find((show) => show.name === showOf('arena').request.name)?.showId as string;
    const seats = ((await (await fetch(`${server.url}/api/shows/${arenaId}/seats?section=${sectionId}`)).json()) as SeatMapResponse).seats;

    const { page: arena, problems } = await page(DESKTOP);
    await arena.goto(`${server.url}/shows/${arenaId}?category=${section?.categoryId}&section=${sectionId}`);
    await arena.locator('[data-seat]').first().waitFor();
    // The whole section's counts, as the map states them under the canvas.
    const count = (status: string) => seats.filter((seat) => seat.status === status).length;
    const n = (value: number) => value.toLocaleString('en');
    await arena.getByText(`${n(seats.length)} seats: ${n(count('available'))} available, ${n(count('held'))} held, ${n(count('sold'))} sold.`).waitFor();
    expect(count('sold')).toBeGreaterThan(0);
    // Every seat with an element (the rows in view, up to ACCESSIBLE_SEATS) says its status as the API does.
    const words: Record<string, string> = { available: ', available', held: ', held by someone else', sold: ', sold' };
    const status = new Map(seats.map((seat) => [seat.seatId, seat.status]));
    const labelled = await arena.locator('[data-seat]').evaluateAll((elements) => elements.map((element) => [element.getAttribute('data-seat') ?? '', element.getAttribute('aria-label') ?? '']));
    if (seats.length <= 1_200) expect(labelled.length).toBe(seats.length);
    expect(labelled.length).toBeGreaterThan(0);
    for (const [seatId, label] of labelled) expect(label.endsWith(words[status.get(seatId) ?? ''])).toBe(true);
    expect(await seriousAccessibilityViolations(arena)).toEqual([]);
    await screenshot(arena, 'demo-arena');
    expect(problems).toEqual([]);
  });
});

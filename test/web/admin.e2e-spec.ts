import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describeWithBinary } from '@tessera/platform/testing/services';
import {
  ADMIN,
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

const CARD = { number: '4242424242424242', expMonth: 12, expYear: new Date().getFullYear() + 3, cvc: '123' };

/**
 * The admin pages in a real browser: the show builder (with its live seat-map preview) through
 * publishing to the fans' catalogue, the sales dashboard over bookings made in the test, users and
 * roles, the live event feed following a booking with no reload, and the outbox. Each page is
 * checked with axe-core and photographed; a fan who opens an admin page sees the API's refusal.
 */
describeWithBinary('chromium', 'apt-get install chromium', 'the admin pages in Chromium', (chromiumPath) => {
  let server: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // The admin signs in once per page here, more than the 10 logins per account and address the
    // limiter allows in its window (the limiter has its own tests).
    server = await startWebServer({ RATE_LIMIT_LOGIN_PER_ACCOUNT_IP: '0' });
    browser = await launchChromium(chromiumPath);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  const newPage = async (device: BrowserContextOptions = DESKTOP): Promise<{ page: Page; problems: string[] }> => {
    const context = await browser.newContext(device);
    contexts.push(context);
    return openPage(context);
  };

  const adminPage = async (next: string, device: BrowserContextOptions = DESKTOP) => {
    const opened = await newPage(device);
    await signIn(opened.page, server, ADMIN, next);
    return opened;
  };

  const call = async <T = Record<string, unknown>>(token: string, method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };

  /** A fan's booking through the API (the purchase in the page is box-office.e2e-spec.ts), paid unless told otherwise. */
  const book = async (token: string, showId: string, seats: string[], paid = true, voucherCode?: string): Promise<string> => {
    const { bookingId } = await call<{ bookingId: string }>(token, 'POST', '/api/bookings', { showId, seats, ...(voucherCode ? { voucherCode } : {}) });
    if (paid) await call(token, 'POST', `/api/bookings/${bookingId}/payment`, { card: CARD });
    return bookingId;
  };

  const accessible = async (page: Page) => expect(await seriousAccessibilityViolations(page)).toEqual([]);

  it('an admin builds a show with a live seat-map preview, publishes it, and a fan finds it in the catalogue', async () => {
    const name = `Harbour Lights ${randomUUID().slice(0, 6)}`;
    const { page, problems } = await adminPage('/admin/shows/new');
    await page.getByRole('heading', { name: 'New show' }).waitFor();
    const details = page.getByRole('group', { name: 'The show' });
    await details.getByLabel('Name').fill(name);
    await details.getByLabel('Venue').fill('Pier Hall');

    // Categories: the starting Standard at 45, and a VIP at 120.
    await page.getByRole('button', { name: 'Add a category' }).click();
    const vip = page.getByRole('group', { name: 'Category 2' });
    await vip.getByLabel('Id').fill('vip');
    await vip.getByLabel('Name').fill('VIP');
    await vip.getByLabel(/^Price/).fill('120');

    // Section A (5 rows of 10 to start): the preview draws its 50 seats, and follows added rows.
    const preview = page.getByTestId('seat-preview');
    await preview.locator('[data-seat="A-5-10"]').waitFor();
    await expect(preview.locator('[data-seat]').count()).resolves.toBe(50);
    const sectionA = page.getByRole('group', { name: /^Section 1:/ });
    await sectionA.getByLabel('Rows to add').fill('2');
    await sectionA.getByLabel('Seats per row').fill('12');
    await sectionA.getByRole('button', { name: 'Add rows' }).click();
    await page.getByRole('heading', { name: 'Preview · 74 seats' }).waitFor();
    await preview.locator('[data-seat="A-7-12"]').waitFor();
    await expect(preview.locator('[data-seat]').count()).resolves.toBe(74);

    // Section B in VIP: one row removed, so 4 rows of 10.
    await page.getByRole('button', { name: 'Add a section' }).click();
    const sectionB = page.getByRole('group', { name: /^Section 2:/ });
    await sectionB.getByLabel('Section name').fill('Balcony B');
    await sectionB.getByLabel('Category').selectOption('vip');
    await sectionB.getByRole('button', { name: 'Remove row 5' }).click();
    await page.getByRole('tab', { name: 'Balcony B' }).click();
    await page.getByRole('heading', { name: 'Preview · 114 seats' }).waitFor();
    await expect(page.getByTestId('seat-preview').locator('[data-seat^="B-"]').count()).resolves.toBe(40);
    expect(await page.getByRole('checkbox', { name: /^Row 1, seat 1, VIP, €120\.00, available$/ }).count()).toBe(1);
    await screenshot(page, 'admin-builder');
    await accessible(page);

    // A bad row label is refused in the page, field by field, before anything is sent.
    await sectionB.getByLabel('Label of row 1').fill('1-a');
    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page.getByRole('alert').filter({ hasText: 'The show cannot be created yet' }).getByText('sections[1].rows[0].label must be 1–8 letters or digits').waitFor();
    await sectionB.getByLabel('Label of row 1').fill('1');

    await page.getByRole('button', { name: 'Create the draft' }).click();
    await page.getByTestId('show-status').getByText('Draft').waitFor();
    const showId = new URL(page.url()).pathname.split('/').pop()!;
    expect(showId).not.toBe('new');
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByTestId('show-status').getByText('On sale').waitFor();
    await page.locator('[data-seat="A-1-1"]').waitFor();
    await screenshot(page, 'admin-show');
    await accessible(page);

    const fan = await newPage(PHONE);
    await fan.page.goto(server.url);
    const card = fan.page.getByRole('listitem').filter({ hasText: name });
    await card.getByText('From €45.00').waitFor();
    await card.getByText('114 of 114 seats left').waitFor();
    // What the builder sent is what the server keeps.
    const res = await fetch(`${server.url}/api/shows/${showId}`);
    const detail = (await res.json()) as { categories: { id: string; price: number; capacity: number }[] };
    expect(res.status).toBe(200);
    expect(detail.categories.map((c) => [c.id, c.price, c.capacity])).toEqual([
      ['std', 4500, 74],
      ['vip', 12000, 40],
    ]);

    // Cancelling asks for a reason in a modal dialog; the fans' catalogue then says so.
    await page.getByRole('button', { name: 'Cancel the show' }).click();
    const dialog = page.getByRole('dialog', { name: `Cancel ${name}?` });
    await dialog.getByLabel(/^Reason/).fill('The pier is closed for repairs');
    await screenshot(page, 'admin-cancel');
    await accessible(page);
    await dialog.getByRole('button', { name: 'Cancel the show' }).click();
    await page.getByTestId('show-status').getByText('Cancelled').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await fan.page.reload();
    await fan.page.getByRole('listitem').filter({ hasText: name }).getByText('Cancelled').waitFor();
    expect([...problems, ...fan.problems]).toEqual([]);
  }, 120_000);

  it('the sales dashboard shows the figures of the bookings made: by category, by hour, conversion and revenue', async () => {
    const showId = await publishShow(server, 'Sales Night');
    const fan = await registerFan(server);
    const token = await loginByApi(server, fan.email, fan.password);
    const admin = await loginByApi(server, ADMIN.email, ADMIN.password);
    await call(admin, 'POST', `/api/shows/${showId}/vouchers`, { code: 'HARBOUR20', kind: 'percent', value: 20, maxUses: 10, perUser: 5 });
    await book(token, showId, ['A-1-1', 'A-1-2']); // VIP 2 × 120
    await book(token, showId, ['B-1-1'], true, 'HARBOUR20'); // Standard 45, less 20 %: 36
    await book(token, showId, ['B-1-2'], false); // a hold not paid

    for (const device of [DESKTOP, PHONE]) {
      const { page, problems } = await adminPage(`/admin/shows/${showId}/sales`, device);
      await page.getByRole('heading', { name: 'Sales of Sales Night' }).waitFor();
      await page.getByTestId('tickets-sold').getByText('3', { exact: true }).waitFor({ timeout: 20_000 });
      expect(await page.getByTestId('bookings-confirmed').innerText()).toBe('2');
      expect(await page.getByTestId('holds-placed').innerText()).toBe('3');
      expect(await page.getByTestId('conversion').innerText()).toBe('66.7%');
      expect(await page.getByTestId('revenue-before').innerText()).toBe('€285.00');
      expect(await page.getByTestId('discounts').innerText()).toBe('€9.00');
      expect(await page.getByTestId('revenue-after').innerText()).toBe('€276.00');
      // The charts are images named by their titles, their figures in tables for screen readers.
      await page.getByRole('img', { name: 'Revenue by category' }).waitFor();
      const byCategory = page.getByRole('table', { name: 'Revenue by category' });
      expect(await byCategory.getByRole('row', { name: /VIP/ }).innerText()).toContain('€240.00');
      expect(await byCategory.getByRole('row', { name: /Standard/ }).innerText()).toContain('€45.00');
      // The longest bar spans the plot, the other in proportion (240 : 45 on an axis to 250).
      const vipBar = Number(await page.getByRole('img', { name: 'Revenue by category' }).locator('rect[data-bar="VIP"]').getAttribute('width'));
      const stdBar = Number(await page.getByRole('img', { name: 'Revenue by category' }).locator('rect[data-bar="Standard"]').getAttribute('width'));
      expect(stdBar / vipBar).toBeCloseTo(45 / 240, 2);
      const byHour = page.getByRole('table', { name: 'Tickets sold by hour' });
      expect(await byHour.getByRole('row').count()).toBe(1);
      expect(await byHour.getByRole('cell').innerText()).toBe('3');
      await screenshot(page, device === PHONE ? 'admin-sales-phone' : 'admin-sales');
      await accessible(page);
      expect(problems).toEqual([]);
    }

    // Live: while the stream is open the page does not poll, so the new figures come from it.
    const { page, problems } = await adminPage(`/admin/shows/${showId}/sales`);
    await page.getByRole('status').getByText('Live').waitFor({ timeout: 15_000 });
    await page.getByTestId('tickets-sold').getByText('3', { exact: true }).waitFor();
    await book(token, showId, ['B-2-1', 'B-2-2']);
    await page.getByTestId('tickets-sold').getByText('5', { exact: true }).waitFor({ timeout: 8_000 });
    expect(await page.getByTestId('revenue-after').innerText()).toBe('€366.00');
    expect(await page.getByTestId('conversion').innerText()).toBe('75%');
    expect(problems).toEqual([]);
  }, 120_000);

  it('users and roles: the search finds a fan, whose detail has their counts, and the admin makes them staff', async () => {
    const tag = randomUUID().slice(0, 8);
    const fan = await registerFan(server, `Marie Curie ${tag}`);
    const showId = await publishShow(server, 'Roles Night');
    await book(await loginByApi(server, fan.email, fan.password), showId, ['A-2-1', 'A-2-2']);

    const { page, problems } = await adminPage('/admin/users', PHONE);
    await page.getByLabel('Name or e-mail').fill(`curie ${tag}`);
    await page.getByRole('button', { name: 'Search' }).click();
    const found = page.getByRole('list', { name: 'Users found' });
    // The newest accounts were listed before the search: wait for the search's own answer.
    await page.waitForURL((url) => url.searchParams.get('q') === `curie ${tag}`);
    await page.waitForFunction('document.querySelectorAll(\'[aria-label="Users found"] > li\').length === 1');
    await found.getByRole('link', { name: `Marie Curie ${tag}` }).waitFor();
    await screenshot(page, 'admin-users');
    await accessible(page);

    await found.getByRole('link', { name: `Marie Curie ${tag}` }).click();
    await page.getByTestId('tickets-count').getByText('2').waitFor();
    expect(await page.getByTestId('bookings-count').innerText()).toBe('1');
    expect(await page.getByTestId('roles').innerText()).toBe('user');
    await page.getByRole('checkbox', { name: /^staff/ }).check();
    await page.getByRole('button', { name: 'Save roles' }).click();
    await page.getByRole('status').getByText('Roles saved.').waitFor();
    await page.getByTestId('roles').getByText('user, staff').waitFor();
    await screenshot(page, 'admin-user');
    await accessible(page);

    const admin = await loginByApi(server, ADMIN.email, ADMIN.password);
    const stored = await call<{ roles: string[] }>(admin, 'GET', `/api/admin/users/${fan.userId}`);
    expect(stored.roles.sort()).toEqual(['staff', 'user']);
    expect(problems).toEqual([]);
  }, 120_000);

  it('the live feed lists recent events, then shows a booking made meanwhile with no reload', async () => {
    const showId = await publishShow(server, 'Feed Night');
    const fan = await registerFan(server);
    const token = await loginByApi(server, fan.email, fan.password);

    const { page, problems } = await adminPage('/admin/events');
    await page.getByRole('status').getByText('Live').waitFor({ timeout: 15_000 });
    const events = page.getByRole('list', { name: 'Events, newest first' });
    await events.locator('li[data-type="show.published.v1"]').filter({ hasText: showId }).waitFor();
    const navigations = await page.evaluate('performance.getEntriesByType("navigation").length');

    const bookingId = await book(token, showId, ['B-3-4'], false);
    await events.locator('li[data-type="booking.placed.v1"]').filter({ hasText: bookingId }).waitFor({ timeout: 10_000 });
    await events.locator('li[data-type="seat.held.v1"]').filter({ hasText: 'B-3-4' }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate('performance.getEntriesByType("navigation").length')).toBe(navigations);
    expect(await events.locator(`li[data-type="booking.placed.v1"]`).filter({ hasText: bookingId }).count()).toBe(1);
    await screenshot(page, 'admin-feed');
    await accessible(page);
    expect(problems).toEqual([]);
  }, 120_000);

  it('the outbox lists the e-mails sent to a fan', async () => {
    const showId = await publishShow(server, 'Outbox Night');
    const fan = await registerFan(server);
    await book(await loginByApi(server, fan.email, fan.password), showId, ['A-1-5']);

    const { page, problems } = await adminPage('/admin/outbox', PHONE);
    await page.getByLabel('Recipient').fill(fan.email);
    await page.getByRole('button', { name: 'Filter' }).click();
    const mails = page.getByRole('list', { name: 'E-mails, newest first' });
    // The notifier sends on its own poll; the page polls the outbox every 5 s.
    await mails.locator('li[data-kind="booking-confirmed"]').filter({ hasText: fan.email }).waitFor({ timeout: 30_000 });
    await mails.locator('li[data-kind="welcome"]').filter({ hasText: fan.email }).waitFor({ timeout: 30_000 });
    for (const item of await mails.getByRole('listitem').all()) expect(await item.innerText()).toContain(`to ${fan.email}`);
    await screenshot(page, 'admin-outbox');
    await accessible(page);
    expect(problems).toEqual([]);
  }, 120_000);

  it('every admin page fits a phone screen (no sideways scrolling) and passes axe', async () => {
    const showId = await publishShow(server, 'Phone Night');
    const { page, problems } = await adminPage('/admin', PHONE);
    const pages: [string, string][] = [
      ['/admin', 'Shows'],
      ['/admin/shows/new', 'New show'],
      [`/admin/shows/${showId}`, 'Phone Night'],
      [`/admin/shows/${showId}/sales`, 'Sales of Phone Night'],
      ['/admin/users', 'Users and roles'],
      ['/admin/events', 'Live event feed'],
      ['/admin/outbox', 'Outbox'],
    ];
    for (const [path, heading] of pages) {
      await page.goto(`${server.url}${path}`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
      expect({ path, overflow }).toEqual({ path, overflow: 0 });
      expect({ path, violations: await seriousAccessibilityViolations(page) }).toEqual({ path, violations: [] });
      if (path === '/admin/shows/new') await screenshot(page, 'admin-builder-phone');
    }
    expect(problems).toEqual([]);
  }, 120_000);

  it('staff have the live feed (their header links to it) but not the admin-only pages', async () => {
    const staff = await registerStaff(server);
    const { page, problems } = await newPage(PHONE);
    await signIn(page, server, staff, '/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Live feed' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/events');
    await page.getByRole('status').getByText('Live').waitFor({ timeout: 15_000 });
    expect(await page.getByRole('navigation', { name: 'Administration' }).getByRole('link').allInnerTexts()).toEqual(['Live feed']);
    await page.goto(`${server.url}/admin/users`);
    await page.getByRole('alert').getByText('Forbidden').waitFor();
    expect(problems).toEqual([]);
  }, 60_000);

  it("a fan who opens an admin page sees the API's refusal, not a blank page nor the controls", async () => {
    const fan = await registerFan(server);
    const { page, problems } = await newPage(PHONE);
    await signIn(page, server, fan, '/admin/shows/new');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Admin|Live feed/ }).count()).toBe(0);
    const refusal = page.getByRole('alert');
    await refusal.getByText('Forbidden').waitFor();
    expect(await page.getByRole('button', { name: 'Create the draft' }).count()).toBe(0);
    await screenshot(page, 'admin-forbidden');
    await accessible(page);
    await page.goto(`${server.url}/admin/outbox`);
    await page.getByRole('alert').getByText('Forbidden').waitFor();
    await page.goto(`${server.url}/admin/events`);
    await page.getByRole('alert').getByText('Forbidden').waitFor();
    expect(problems).toEqual([]);
  }, 60_000);
});

import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describeWithBinary } from '@tessera/platform/testing/services';
import {
  ADMIN,
  api,
  DESKTOP,
  launchChromium,
  loginByApi,
  openPage,
  PHONE,
  registerFan,
  registerStaff,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
  startWebServer,
  type WebServer,
} from './support/web';

/** How soon a change made in one browser must show in the other, with no reload (issue 14: "live"). */
const LIVE_MS = 5_000;

/**
 * Venue operations in two browsers: a fan reports a broken seat on a phone and the staff board,
 * open on a desktop, shows it live; staff move it along and take it, and the fan's page follows;
 * a device's telemetry moves it on the device-health dashboard.
 */
describeWithBinary('chromium', 'apt-get install chromium', 'venue operations in Chromium', (chromiumPath) => {
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

  const pageOn = async (device: BrowserContextOptions): Promise<{ page: Page; problems: string[] }> => {
    const context = await browser.newContext(device);
    contexts.push(context);
    return openPage(context);
  };

  /** Marks the loaded document: still marked later means the page changed without a reload. */
  const markDocument = (page: Page) => page.evaluate('window.__sameDocument = true');
  const sameDocument = (page: Page) => page.evaluate<boolean>('window.__sameDocument === true');
  const waitForLive = (page: Page) => page.getByRole('status').filter({ hasText: /^Live$/ }).waitFor();

  /** A counter of the dashboard: the number under its label, in the counters list named `group`. */
  const tile = (page: Page, group: string, label: string) =>
    page.locator(`dl[aria-label="${group}"] > div`).filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('dd');

  const post = async (path: string, body: unknown, headers: Record<string, string>): Promise<Record<string, unknown>> => {
    const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as Record<string, unknown>;
  };

  it("a fan's report appears on the staff board live; staff acknowledge, take and start it, and the fan sees the status live", async () => {
    const fan = await registerFan(server);
    const staffMember = await registerStaff(server);
    const title = `Seat A-1-7 is broken ${randomUUID().slice(0, 4)}`;

    const board = await pageOn(DESKTOP);
    await signIn(board.page, server, staffMember, '/ops/incidents');
    await waitForLive(board.page);
    await markDocument(board.page);

    const fanSide = await pageOn(PHONE);
    await signIn(fanSide.page, server, fan, '/incidents');
    await waitForLive(fanSide.page);
    await markDocument(fanSide.page);
    await fanSide.page.getByText('Nothing reported yet.').waitFor();
    expect(await seriousAccessibilityViolations(fanSide.page)).toEqual([]);

    // A seat the API cannot read: its own message, next to the field.
    await fanSide.page.getByLabel('What is wrong').fill(title);
    await fanSide.page.getByLabel('Seat').fill('12');
    await fanSide.page.getByRole('button', { name: 'Send report' }).click();
    await fanSide.page.getByText('Seat must be a seat id such as A-1-7').waitFor();
    expect(await fanSide.page.getByLabel('Seat').getAttribute('aria-invalid')).toBe('true');
    await screenshot(fanSide.page, 'incident-report-refused');
    expect(await seriousAccessibilityViolations(fanSide.page)).toEqual([]);

    await fanSide.page.getByLabel('Seat').fill('A-1-7');
    await fanSide.page.getByLabel('Area').fill('Stalls');
    await fanSide.page.getByLabel('Urgency').selectOption('high');
    await fanSide.page.getByRole('button', { name: 'Send report' }).click();
    await fanSide.page.getByText(`Reported: “${title}” (priority P2). Staff have been told.`).waitFor();
    const mine = fanSide.page.getByTestId('my-incident').filter({ hasText: title });
    await mine.getByTestId('incident-status').filter({ hasText: 'New' }).waitFor();
    await screenshot(fanSide.page, 'incident-report');

    // The staff board, open all along, shows it with no reload.
    const card = board.page.getByTestId('incident').filter({ hasText: title });
    await card.waitFor({ timeout: LIVE_MS });
    await card.getByText(/Stalls · seat A-1-7/).waitFor();
    await card.getByRole('timer', { name: /^Acknowledge within: \d+:\d\d$/ }).waitFor();
    expect(await card.getByTestId('incident-status').innerText()).toBe('New');
    expect(await sameDocument(board.page)).toBe(true);
    await screenshot(board.page, 'incident-board');
    expect(await seriousAccessibilityViolations(board.page)).toEqual([]);

    await card.getByRole('button', { name: `Acknowledge: ${title}` }).click();
    await card.getByTestId('incident-status').filter({ hasText: 'Acknowledged' }).waitFor({ timeout: LIVE_MS });
    await card.getByRole('timer', { name: /^Resolve within: / }).waitFor();
    await card.getByRole('button', { name: `Assign to me: ${title}` }).click();
    await card.getByTestId('assignee').filter({ hasText: 'Assigned to you' }).waitFor({ timeout: LIVE_MS });
    await card.getByRole('button', { name: `Start work: ${title}` }).click();
    await card.getByTestId('incident-status').filter({ hasText: 'In progress' }).waitFor({ timeout: LIVE_MS });

    // The fan's page, open all along, follows the stream.
    await mine.getByTestId('incident-status').filter({ hasText: 'In progress' }).waitFor({ timeout: LIVE_MS });
    expect(await sameDocument(fanSide.page)).toBe(true);
    await screenshot(fanSide.page, 'my-incidents-live');
    expect(await seriousAccessibilityViolations(fanSide.page)).toEqual([]);

    // The filters are the list route's and live in the URL: mine, then only new ones (not this one).
    await board.page.getByLabel('Assigned').selectOption('me');
    await board.page.waitForURL((url) => url.searchParams.get('assignee') === 'me');
    await card.waitFor();
    await board.page.getByLabel('Status').selectOption('new');
    await board.page.getByText('No incident matches these filters.').waitFor();
    await board.page.reload();
    expect(await board.page.getByLabel('Status').inputValue()).toBe('new');
    await board.page.getByText('No incident matches these filters.').waitFor();
    await board.page.getByLabel('Status').selectOption('in_progress');
    await card.waitFor();

    // A status change moves it out of the filtered list, and into the one of its new status.
    await card.getByRole('button', { name: `Put on hold: ${title}` }).click();
    await card.waitFor({ state: 'detached', timeout: LIVE_MS });
    await board.page.getByLabel('Status').selectOption('pending');
    await card.getByText('SLA clock paused while on hold').waitFor();
    await mine.getByTestId('incident-status').filter({ hasText: 'On hold' }).waitFor({ timeout: LIVE_MS });

    // A phone-sized board.
    const phoneBoard = await pageOn(PHONE);
    await signIn(phoneBoard.page, server, staffMember, '/ops/incidents');
    await phoneBoard.page.getByTestId('incident').filter({ hasText: title }).waitFor();
    await screenshot(phoneBoard.page, 'incident-board-phone');
    expect(await seriousAccessibilityViolations(phoneBoard.page)).toEqual([]);

    expect([...board.problems, ...fanSide.problems, ...phoneBoard.problems]).toEqual([]);
  }, 180_000);

  it('an admin assigns an incident to another staff member; a staff member, who cannot list staff, only to themselves', async () => {
    const reporter = await registerFan(server, 'Reporter');
    const title = `Spilled drink ${randomUUID().slice(0, 6)}`;
    const { incidentId } = await api<{ incidentId: string }>(
      server,
      'POST',
      '/api/incidents',
      { title, description: 'By the bar', location: { area: 'Foyer' }, category: 'cleaning', urgency: 'low' },
      await loginByApi(server, reporter.email, reporter.password),
    );
    const colleague = await registerFan(server, 'Katherine Johnson');
    const admin = await loginByApi(server, ADMIN.email, ADMIN.password);
    await api(server, 'PUT', `/api/admin/users/${colleague.userId}/roles`, { roles: ['user', 'staff'] }, admin);

    const { page, problems } = await pageOn(DESKTOP);
    await signIn(page, server, ADMIN, '/ops/incidents');
    const card = page.getByTestId('incident').filter({ hasText: title });
    await card.waitFor();
    await card.getByLabel(`Staff member for: ${title}`).selectOption({ label: `Katherine Johnson (${colleague.email})` });
    await card.getByRole('button', { name: `Assign to the staff member chosen: ${title}` }).click();
    await card.getByTestId('assignee').filter({ hasText: 'Assigned to Katherine Johnson' }).waitFor({ timeout: LIVE_MS });
    expect((await api<{ assigneeId: string }>(server, 'GET', `/api/incidents/${incidentId}`, undefined, admin)).assigneeId).toBe(colleague.userId);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const staffMember = await registerStaff(server);
    const staffSide = await pageOn(DESKTOP);
    await signIn(staffSide.page, server, staffMember, '/ops/incidents');
    const theirs = staffSide.page.getByTestId('incident').filter({ hasText: title });
    await theirs.getByRole('button', { name: `Assign to me: ${title}` }).waitFor();
    expect(await theirs.getByLabel(`Staff member for: ${title}`).count()).toBe(0);
    expect(problems).toEqual([]);
    expect(staffSide.problems).toEqual([]);
  }, 90_000);

  it("the device-health dashboard shows a device's state after its telemetry, live, with the counters", async () => {
    const staffMember = await registerStaff(server);
    const admin = await loginByApi(server, ADMIN.email, ADMIN.password);
    const deviceId = `gate-${randomUUID().slice(0, 8)}`;
    const { deviceKey } = (await post('/api/devices', { deviceId, venueId: 'harbour-arena', type: 'gate_scanner', name: 'North gate scanner' }, { authorization: `Bearer ${admin}` })) as {
      deviceKey: string;
    };

    const { page, problems } = await pageOn(PHONE);
    await signIn(page, server, staffMember, '/ops/devices');
    await waitForLive(page);
    await markDocument(page);
    const device = page.getByTestId('device').filter({ hasText: 'North gate scanner' });
    // Registered and never heard from: offline until it speaks.
    await device.waitFor();
    expect(await device.getAttribute('data-status')).toBe('offline');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await post(`/api/devices/${deviceId}/telemetry`, { status: 'degraded', temperature: 48, battery: 64, at: new Date().toISOString() }, { 'x-device-key': deviceKey });
    await page.locator(`[data-testid="device"][data-status="degraded"]`).filter({ hasText: 'North gate scanner' }).waitFor({ timeout: LIVE_MS });
    await page.getByRole('region', { name: 'Degraded (1)' }).waitFor();
    expect(await tile(page, 'Devices by state', 'Degraded').innerText()).toBe('1');
    // Its last reading is not an event: it follows within the dashboard's 10 s refresh.
    await device.getByText(/48 °C · battery 64% · seen /).waitFor({ timeout: 15_000 });
    expect(await sameDocument(page)).toBe(true);
    await screenshot(page, 'device-health');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A fan's report moves the severity counters and the recent incidents, live.
    const fan = await registerFan(server);
    const fanToken = await loginByApi(server, fan.email, fan.password);
    const high = tile(page, 'Open incidents by severity', 'High');
    const highBefore = Number(await high.innerText());
    await post('/api/incidents', { title: 'Turnstile 4 jammed', category: 'facility', urgency: 'high', location: { area: 'North gate' } }, { authorization: `Bearer ${fanToken}` });
    await page.getByTestId('recent-incident').filter({ hasText: 'Turnstile 4 jammed' }).waitFor({ timeout: LIVE_MS });
    await high.filter({ hasText: new RegExp(`^${highBefore + 1}$`) }).waitFor({ timeout: LIVE_MS });

    const desktop = await pageOn(DESKTOP);
    await signIn(desktop.page, server, staffMember, '/ops/devices');
    await desktop.page.getByTestId('device').filter({ hasText: 'North gate scanner' }).waitFor();
    await screenshot(desktop.page, 'device-health-desktop');
    expect([...problems, ...desktop.problems]).toEqual([]);
  }, 120_000);

  it('a fan who opens a staff page gets the API refusal as its problem, not a blank page', async () => {
    const fan = await registerFan(server);
    const { page, problems } = await pageOn(PHONE);
    await signIn(page, server, fan, '/ops/incidents');
    await page.getByRole('alert').filter({ hasText: 'Forbidden' }).waitFor();
    await page.goto(`${server.url}/ops/devices`);
    await page.getByRole('alert').filter({ hasText: 'Forbidden' }).first().waitFor();
    expect(problems).toEqual([]);
  }, 60_000);
});

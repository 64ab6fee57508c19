import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { buildOnce, ROOT, startStandalone, type RunningProcess } from '../../support/processes';

/**
 * End-to-end tests of the web app: the built server (`npm run build`, dist/) serving the built app
 * on a free port with a fresh data folder, driven by Debian's Chromium through playwright-core.
 * Data is set up through the public API, as an organiser would; the fan's part happens in the page.
 */

export const ADMIN = { email: 'admin@tessera.test', password: 'Admin-Harbour-Lantern-93' };
export const PASSWORD = 'Violet-Harbour-Lantern-93';
/**
 * Where the tests' screenshots go: the README's docs/screenshots when asked
 * (`UPDATE_SCREENSHOTS=1 npx jest test/web`), otherwise test-results/screenshots (git-ignored),
 * so a test run does not rewrite the committed images (their bytes differ on every run).
 */
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : join(ROOT, 'test-results', 'screenshots');

export interface WebServer {
  url: string;
  process: RunningProcess;
  stop(): Promise<void>;
}

export const startWebServer = async (env: Record<string, string> = {}): Promise<WebServer> => {
  buildOnce();
  const dataDir = await makeTempDir('web');
  const { url, process: server } = await startStandalone({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_KEY_PREFIX: `tessera-test:${randomUUID()}:`,
    ...env,
  });
  return {
    url,
    process: server,
    stop: async () => {
      server.child.kill('SIGTERM');
      await server.exited;
      await removeDir(dataDir);
    },
  };
};

export const api = async <T = Record<string, unknown>>(server: WebServer, method: string, path: string, body?: unknown, token?: string): Promise<T> => {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
};

export const loginByApi = async (server: WebServer, email: string, password: string): Promise<string> =>
  (await api<{ accessToken: string }>(server, 'POST', '/api/auth/login', { email, password })).accessToken;

export const registerFan = async (server: WebServer, name = 'Ada Lovelace'): Promise<{ email: string; password: string; userId: string }> => {
  const email = `fan-${randomUUID().slice(0, 8)}@example.com`;
  const { userId } = await api<{ userId: string }>(server, 'POST', '/api/auth/register', { email, password: PASSWORD, displayName: name });
  return { email, password: PASSWORD, userId };
};

export const registerStaff = async (server: WebServer): Promise<{ email: string; password: string }> => {
  const staff = await registerFan(server, 'Grace Hopper');
  const admin = await loginByApi(server, ADMIN.email, ADMIN.password);
  await api(server, 'PUT', `/api/admin/users/${staff.userId}/roles`, { roles: ['user', 'staff'] }, admin);
  return staff;
};

/** A published show: VIP (stalls A, 2 rows of 8) and Standard (balcony B, 3 rows of 10). */
export const publishShow = async (server: WebServer, name = 'Night Concert'): Promise<string> => {
  const admin = await loginByApi(server, ADMIN.email, ADMIN.password);
  const startsAt = new Date(Date.now() + 30 * 24 * 3600_000).toISOString();
  const { showId } = await api<{ showId: string }>(
    server,
    'POST',
    '/api/shows',
    {
      name,
      venue: 'Harbour Arena',
      startsAt,
      currency: 'EUR',
      holdMinutes: 10,
      maxSeatsPerBooking: 6,
      categories: [
        { id: 'vip', name: 'VIP', price: 12000 },
        { id: 'std', name: 'Standard', price: 4500 },
      ],
      sections: [
        { id: 'A', name: 'Stalls A', categoryId: 'vip', rows: [{ label: '1', seats: 8 }, { label: '2', seats: 8 }] },
        { id: 'B', name: 'Balcony B', categoryId: 'std', rows: [{ label: '1', seats: 10 }, { label: '2', seats: 10 }, { label: '3', seats: 10 }] },
      ],
    },
    admin,
  );
  await api(server, 'POST', `/api/shows/${showId}/publish`, undefined, admin);
  return showId;
};

/**
 * Debian's Chromium with the flags CI uses; playwright-core gives each launch a fresh user-data
 * dir. `extraArgs`: more flags for one test (e.g. a fake camera).
 */
export const launchChromium = (executablePath: string, extraArgs: string[] = []): Promise<Browser> =>
  chromium.launch({ executablePath, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', ...extraArgs] });

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const DESKTOP = { viewport: { width: 1280, height: 900 } };

/**
 * A page that fails its test on any script error or CSP violation (the app must work under its
 * own policy) and on a request the server answered 5xx.
 */
export const openPage = async (context: BrowserContext): Promise<{ page: Page; problems: string[] }> => {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 500) problems.push(`${response.status()} from ${response.url()}`);
  });
  return { page, problems };
};

export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
};

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core on the page as it is now: the serious and critical violations, one line each. */
export const seriousAccessibilityViolations = async (page: Page): Promise<string[]> => {
  // Evaluated over the DevTools protocol, which the page's CSP does not govern (a <script> tag would be refused).
  await page.evaluate(AXE_SOURCE);
  // A string, not a function: this file is compiled without the DOM's types.
  const violations = await page.evaluate<AxeViolation[]>("axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)");
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
};

export const signIn = async (page: Page, server: WebServer, account: { email: string; password: string }, next = '/'): Promise<void> => {
  await page.goto(`${server.url}/signin?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
};

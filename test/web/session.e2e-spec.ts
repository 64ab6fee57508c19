import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeWithBinary } from '@tessera/platform/testing/services';
import { waitFor } from '../support/processes';
import { DESKTOP, launchChromium, openPage, registerFan, screenshot, seriousAccessibilityViolations, signIn, startWebServer, type WebServer } from './support/web';

/**
 * The session in the browser: the refresh token is an HttpOnly cookie the page cannot read, an
 * access token that runs out is replaced silently on the next 401, and a session that really ended
 * sends the fan to sign in. Access tokens live 5 s here (ACCESS_TOKEN_TTL_SECONDS), and verification
 * allows 5 s of clock skew: a token is refused from 10 s after it was issued.
 */
describeWithBinary('chromium', 'apt-get install chromium', 'the session in Chromium', (chromiumPath) => {
  let server: WebServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startWebServer({ ACCESS_TOKEN_TTL_SECONDS: '5', REFRESH_REUSE_GRACE_MS: '0' });
    browser = await launchChromium(chromiumPath);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  const signedInPage = async (): Promise<{ page: Page; problems: string[]; context: BrowserContext }> => {
    const context = await browser.newContext(DESKTOP);
    contexts.push(context);
    const fan = await registerFan(server);
    const opened = await openPage(context);
    await signIn(opened.page, server, fan);
    return { ...opened, context };
  };

  /** What the page asked for and got, in order: `GET /api/me/tickets 200`. */
  const recordApi = (page: Page): string[] => {
    const seen: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname.startsWith('/api/')) seen.push(`${response.request().method()} ${url.pathname} ${response.status()}`);
    });
    return seen;
  };

  it('keeps the refresh token in an HttpOnly, Secure, SameSite=Strict cookie on /api/auth, out of page scripts and storage', async () => {
    const { page, context, problems } = await signedInPage();
    const cookies = await context.cookies();
    expect(cookies.filter((c) => c.name === 'tessera_refresh')).toEqual([
      expect.objectContaining({ httpOnly: true, secure: true, sameSite: 'Strict', path: '/api/auth' }),
    ]);
    expect(await page.evaluate<string>('document.cookie')).toBe('');
    expect(await page.evaluate<string>('JSON.stringify({ ...localStorage, ...sessionStorage })')).toBe('{}');
    // A reload has no access token in memory: the cookie brings the session back.
    await page.goto(`${server.url}/tickets`);
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    expect(problems).toEqual([]);
  }, 60_000);

  it('refreshes silently when the access token expires during use: one refresh, the request retried, no sign-in', async () => {
    const { page, problems } = await signedInPage();
    await page.getByRole('link', { name: 'My tickets' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    const api = recordApi(page);
    await page.waitForTimeout(11_000); // the access token is now refused by the server
    await page.getByRole('link', { name: 'Shows' }).click();
    await page.getByRole('link', { name: 'My tickets' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    await page.getByText('No tickets yet').waitFor();
    expect(new URL(page.url()).pathname).toBe('/tickets');
    const tickets = api.filter((line) => line.includes('/api/me/tickets') || line.includes('/api/auth/refresh'));
    expect(tickets).toEqual(['GET /api/me/tickets 401', 'POST /api/auth/refresh 200', 'GET /api/me/tickets 200']);
    expect(problems).toEqual([]);
  }, 60_000);

  it('signs the fan out when the session really ends (revoked elsewhere): the refresh is refused and sign-in says so', async () => {
    const { page, context, problems } = await signedInPage();
    await page.getByRole('link', { name: 'My tickets' }).click();
    await page.getByRole('heading', { name: 'My tickets' }).waitFor();
    // The session is ended from outside the page (as "sign out everywhere" or a revoked family would).
    const cookie = (await context.cookies()).find((c) => c.name === 'tessera_refresh')!;
    const logout = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'tessera-web', cookie: `tessera_refresh=${cookie.value}` },
      body: '{}',
    });
    expect(logout.status).toBe(204);
    const api = recordApi(page);
    await page.getByRole('link', { name: 'Shows' }).click();
    await page.getByRole('link', { name: 'My tickets' }).click();
    await page.getByText('Your session has ended').waitFor();
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(api).toEqual(expect.arrayContaining(['GET /api/me/tickets 401', 'POST /api/auth/refresh 401']));
    await screenshot(page, 'session-ended');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('sign out ends the session: the cookie is cleared and a reload stays signed out', async () => {
    const { page, context, problems } = await signedInPage();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    await waitFor(async () => (await context.cookies()).every((c) => c.name !== 'tessera_refresh'), 5000);
    await page.goto(`${server.url}/tickets`);
    await page.waitForURL(/\/signin/);
    expect(problems).toEqual([]);
  }, 60_000);
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { create } from 'qrcode';
import { describeWithBinary, makeTempDir, removeDir } from '@tessera/platform/testing/services';
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

/**
 * A Y4M video (what Chromium's fake camera plays, in a loop) of `text`'s QR code: 640×480, 4:2:0,
 * black modules on white, as large as the frame allows with a 4-module quiet zone.
 */
const qrVideo = (text: string, frames = 10): Buffer => {
  const width = 640;
  const height = 480;
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const scale = Math.floor(height / (modules.size + 8));
  const left = Math.floor((width - modules.size * scale) / 2);
  const top = Math.floor((height - modules.size * scale) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const row = Math.floor((y - top) / scale);
      const column = Math.floor((x - left) / scale);
      if (row >= 0 && column >= 0 && row < modules.size && column < modules.size && modules.get(row, column)) luma[y * width + x] = 16;
    }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  return Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), ...Array.from({ length: frames }, () => frame)]);
};

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

  it('the camera reads a ticket held up to it (jsQR where Chromium has no QR BarcodeDetector): green', async () => {
    const staff = await registerStaff(server);
    const ticket = await paidTicketCode();
    const dir = await makeTempDir('fake-camera');
    const video = join(dir, 'ticket.y4m');
    writeFileSync(video, qrVideo(ticket.code));
    const cameraBrowser = await launchChromium(chromiumPath, ['--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`, '--use-fake-ui-for-media-stream']);
    try {
      const context = await cameraBrowser.newContext({ ...PHONE, permissions: ['camera'] });
      const { page, problems } = await openPage(context);
      const scripts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
      });
      await signIn(page, server, staff, '/checkin');
      const nativeQr = await page.evaluate(async () => {
        const detector = (globalThis as unknown as { BarcodeDetector?: { getSupportedFormats?: () => Promise<string[]> } }).BarcodeDetector;
        return (await detector?.getSupportedFormats?.())?.includes('qr_code') ?? false;
      });
      await page.getByRole('button', { name: 'Use the camera' }).click();
      const verdict = page.getByTestId('verdict');
      await verdict.getByText('Welcome in').waitFor({ timeout: 30_000 });
      expect(await verdict.getAttribute('data-ok')).toBe('true');
      expect(await verdict.innerText()).toContain(`Seat ${ticket.seatId}`);
      // On Linux Chromium has no QR detector: then the code was read by the lazily loaded jsQR chunk.
      if (!nativeQr) expect(scripts.some((path) => /jsQR/i.test(path))).toBe(true);
      await screenshot(page, 'check-in-camera');
      expect(problems).toEqual([]);
    } finally {
      await cameraBrowser.close();
      await removeDir(dir);
    }
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

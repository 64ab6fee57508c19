import { bookingStream } from '@tessera/contracts';
import { EmbeddedEventStore } from '@tessera/platform/event-store/embedded';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { FaultyWriteOps } from '@tessera/platform/testing/faulty-write-ops';
import { describeWithTmpfs, makeTempDir, mountTmpfs, removeDir } from '@tessera/platform/testing/services';
import { open, rm, statfs } from 'node:fs/promises';
import { join } from 'node:path';
import { createShow, post } from '../box-office/box-office-client';
import { call, GOOD_PASSWORD, register } from '../security/accounts-client';
import { accessTokenFor } from '../support/auth';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * When the event log cannot write (disk full, I/O error), writes answer 503 STORAGE_UNAVAILABLE
 * with Retry-After, reads go on, /health reports the log as down, and writes resume by themselves
 * once it can write again (API.md "Operations").
 */

interface Placed {
  bookingId: string;
  position: string;
  token: string;
}

const SHOW = { rows: 50, seatsPerRow: 40, maxSeatsPerBooking: 8 };

const waitFor = async (what: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

const health = (server: TestApp) =>
  call<{ status: string; error?: Record<string, { status: string; message?: string }>; details: Record<string, { status: string }> }>(
    server,
    'GET',
    '/health',
  );

const expectStorageUnavailable = (answer: { status: number; body: unknown; headers: Headers }): void => {
  expect(answer.status).toBe(503);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status: 503, code: 'STORAGE_UNAVAILABLE' });
  expect(answer.headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
};

/** The checks both legs share, once the log can no longer write. */
const expectWritesRefusedReadsServed = async (server: TestApp, showId: string, acked: Placed, email: string): Promise<void> => {
  const seat = 'A-50-40';
  expectStorageUnavailable(await post(`${server.url}/api/bookings`, acked.token, { showId, seats: [seat] }));
  // Login appends (a refresh-token family starts): it cannot answer 200, and must not answer 500.
  expectStorageUnavailable(await call(server, 'POST', '/api/auth/login', { body: { email, password: GOOD_PASSWORD } }));
  const booking = await call(server, 'GET', `/api/bookings/${acked.bookingId}`, {
    headers: { authorization: `Bearer ${acked.token}`, 'x-min-position': acked.position },
  });
  expect(booking.status).toBe(200);
  expect((await call(server, 'GET', `/api/shows/${showId}`)).status).toBe(200);
  const down = await health(server);
  expect(down.status).toBe(503);
  expect(down.body.error?.eventStore).toMatchObject({ status: 'down', message: expect.stringContaining('cannot write') });
  expect(down.body.details.readStore.status).toBe('up');
  // What the TesseraEventLogUnwritable and …AppendsRefused alerts read.
  const metrics = await (await fetch(`${server.url}/metrics`)).text();
  expect(metrics).toMatch(/^tessera_event_log_writable 0$/m);
  expect(metrics).toMatch(/^tessera_event_log_append_duration_seconds_count\{[^}]*outcome="unavailable"[^}]*\} [1-9]/m);
};

const expectWritesResume = async (server: TestApp, showId: string, token: string, email: string): Promise<Placed> => {
  await waitFor('/health answers 200 again', async () => (await health(server)).status === 200, 20_000);
  expect(await (await fetch(`${server.url}/metrics`)).text()).toMatch(/^tessera_event_log_writable 1$/m);
  const placed = await post<{ bookingId: string; position: string }>(`${server.url}/api/bookings`, token, { showId, seats: ['A-50-40'] });
  expect(placed.status).toBe(201);
  expect((await call(server, 'POST', '/api/auth/login', { body: { email, password: GOOD_PASSWORD } })).status).toBe(200);
  return { bookingId: placed.body.bookingId, position: placed.body.position, token };
};

describe('storage faults over HTTP (injected write errors)', () => {
  let dataDir: string;
  let ops: FaultyWriteOps;
  let store: EmbeddedEventStore;
  let server: TestApp;

  beforeAll(async () => {
    dataDir = await makeTempDir('storage-faults-http');
    ops = new FaultyWriteOps();
    store = await EmbeddedEventStore.open({ dataDir, writeOps: ops, writeRetry: { initialMs: 50, maxMs: 200 } });
    server = await startTestApp({ dataDir, overrides: { eventStore: store } });
  });

  afterAll(async () => {
    await server?.close();
    await store?.close();
    await removeDir(dataDir);
  });

  it.each([
    ['ENOSPC on write', () => (ops.writeFault = 'ENOSPC')],
    ['EIO on fdatasync', () => (ops.datasyncFault = 'EIO')],
  ])('answers 503 STORAGE_UNAVAILABLE on %s, keeps reads and reports it, then resumes by itself', async (_name, arm) => {
    const admin = await accessTokenFor(server, 'admin-1', ['admin']);
    const { email } = await register(server);
    const token = await accessTokenFor(server, `fan-${Date.now()}`);
    const showId = await createShow(server.url, admin, SHOW);
    const first = await post<{ bookingId: string; position: string }>(`${server.url}/api/bookings`, token, { showId, seats: ['A-1-1'] });
    expect(first.status).toBe(201);
    const acked: Placed = { bookingId: first.body.bookingId, position: first.body.position, token };
    await waitFor('the read models show the booking', async () => {
      const res = await call(server, 'GET', `/api/bookings/${acked.bookingId}`, { headers: { authorization: `Bearer ${token}` } });
      return res.status === 200;
    }, 10_000);

    arm();
    expectStorageUnavailable(await post(`${server.url}/api/bookings`, token, { showId, seats: ['A-1-2'] }));
    await expectWritesRefusedReadsServed(server, showId, acked, email);
    const head = await store.headPosition();

    ops.writeFault = undefined;
    ops.datasyncFault = undefined;
    const resumed = await expectWritesResume(server, showId, token, email);
    // Acknowledged positions are never handed out again.
    expect(BigInt(resumed.position)).toBeGreaterThan(BigInt(head));
    expect((await store.readStream(bookingStream(resumed.bookingId))).map((event) => event.type)).toContain('booking.placed.v1');
  });
});

describeWithTmpfs('storage faults on a real, full filesystem (20 MiB tmpfs)', () => {
  let mount: { dir: string; unmount(): Promise<void> } | undefined;
  let server: TestApp | undefined;
  let dataDir: string;
  let filler: string;

  beforeAll(async () => {
    mount = await mountTmpfs(20);
    dataDir = join(mount.dir, 'data');
    filler = join(mount.dir, 'filler');
    server = await startTestApp({ dataDir });
  });

  afterAll(async () => {
    await server?.close({ keepData: true });
    await mount?.unmount();
  });

  /** Appends to the filler file until the filesystem refuses another byte. */
  const fillUp = async (): Promise<void> => {
    const handle = await open(filler, 'a');
    try {
      for (const chunk of [1024 * 1024, 64 * 1024, 4096, 512, 1]) {
        const bytes = Buffer.alloc(chunk, 0x66);
        for (;;) {
          try {
            await handle.write(bytes);
            await handle.sync();
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
            break;
          }
        }
      }
    } finally {
      await handle.close().catch(() => undefined);
    }
  };

  it('refuses writes with 503 while the disk is full, serves reads, resumes once space is freed, and keeps every acknowledged event', async () => {
    const app = server as TestApp;
    const admin = await accessTokenFor(app, 'admin-1', ['admin']);
    const { email } = await register(app);
    const showId = await createShow(app.url, admin, SHOW);

    // Leave a little room, then book seats (and register fans) until the log cannot write.
    const { bavail, bsize } = await statfs(mount?.dir as string);
    await (await open(filler, 'w')).close();
    const handle = await open(filler, 'a');
    const leave = 192 * 1024;
    const toFill = bavail * bsize - leave;
    const block = Buffer.alloc(1024 * 1024, 0x66);
    for (let written = 0; written < toFill; written += block.length) await handle.write(block, 0, Math.min(block.length, toFill - written));
    await handle.close();

    const acked: Placed[] = [];
    let refused: { status: number; body: unknown; headers: Headers } | undefined;
    for (let i = 0; i < SHOW.rows * (SHOW.seatsPerRow - 1) && !refused; i++) {
      const token = await accessTokenFor(app, `fan-${i}`);
      const seat = `A-${Math.floor(i / (SHOW.seatsPerRow - 1)) + 1}-${(i % (SHOW.seatsPerRow - 1)) + 1}`;
      const res = await post<{ bookingId: string; position: string }>(`${app.url}/api/bookings`, token, { showId, seats: [seat] });
      if (res.status === 201) acked.push({ bookingId: res.body.bookingId, position: res.body.position, token });
      else if (res.status === 503) refused = res;
      else throw new Error(`booking ${i} answered ${res.status}: ${JSON.stringify(res.body)}`);
      if (i % 25 === 24 && !refused) {
        const fan = await call(app, 'POST', '/api/auth/register', { body: { email: `filler-${i}@example.com`, password: GOOD_PASSWORD, displayName: 'Filler' } });
        if (fan.status === 503) refused = fan;
        else expect(fan.status).toBe(201);
      }
    }
    expect(refused).toBeDefined();
    expectStorageUnavailable(refused as { status: number; body: unknown; headers: Headers });
    expect(acked.length).toBeGreaterThan(10);

    // Take whatever the failed write gave back too, so that the log stays unable to write.
    await fillUp();
    await expectWritesRefusedReadsServed(app, showId, acked[acked.length - 1], email);

    // Free the space: writes resume without a restart.
    await rm(filler);
    const last = acked[acked.length - 1];
    acked.push(await expectWritesResume(app, showId, last.token, email));

    // A restart finds every acknowledged event, and no torn tail: nothing half-written stayed.
    await app.close({ keepData: true });
    server = await startTestApp({ dataDir });
    const store = server.app.get(EventStore) as EmbeddedEventStore;
    expect(store.openReport?.tornTail).toBeUndefined();
    expect(await store.headPosition()).toBeGreaterThanOrEqual(Math.max(...acked.map((placed) => Number(placed.position))));
    for (const placed of acked) {
      const events = await store.readStream(bookingStream(placed.bookingId));
      expect(events.map((event) => event.type)).toContain('booking.placed.v1');
    }
  });
});

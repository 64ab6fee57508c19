import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type {
  DeviceListResponse,
  IncidentListResponse,
  MyBookingsResponse,
  MyTicketsResponse,
  SeatMapResponse,
  ShowDetailResponse,
  ShowListResponse,
  StatsResponse,
} from '@tessera/contracts';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { ACCOUNTS, BOOKING_STATUS, BOOKINGS, CHECK_INS, DEMO_PASSWORD, FANS, INCIDENTS, SHOWS, showOf, TRANSFERS, type ShowKey } from '../../tools/demo/plan';
import { buildOnce, ROOT, startStandalone, waitFor, watchProcess, type RunningProcess } from '../support/processes';

/**
 * `npm run demo` against the built standalone server on a free port with a fresh data folder, as
 * a reader of the README runs it: the data it loads is checked through the public API against
 * the plan (tools/demo/plan.ts), the simulator's devices must report until Ctrl-C, and a second
 * run must double nothing and drive the same devices. The arena has its full 60,000 seats
 * (creating it takes about 0.2 s).
 */

const ADMIN = { ADMIN_EMAIL: 'demo-admin@tessera.test', ADMIN_PASSWORD: 'Quartz-Harbour-Lantern-58' };

describe('npm run demo', () => {
  let dataDir: string;
  let server: RunningProcess;
  let api: string;
  let fleet: string;

  beforeAll(async () => {
    buildOnce();
    dataDir = await makeTempDir('demo');
    fleet = join(dataDir, 'demo-devices.json');
    ({ url: api, process: server } = await startStandalone({ DATA_DIR: join(dataDir, 'server'), LOG_LEVEL: 'warn', ...ADMIN }));
  }, 90_000);

  afterAll(async () => {
    server?.child.kill('SIGTERM');
    await server?.exited;
    await removeDir(dataDir);
  });

  const demo = (args: string[], env: Record<string, string> = ADMIN): RunningProcess =>
    watchProcess(
      spawn(process.execPath, ['--require', './tools/swc-register.js', 'tools/demo/demo.ts', '--url', api, '--fleet', fleet, ...args], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );

  const call = async <T>(path: string, token?: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${api}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as T;
  };
  const signIn = async (email: string, password = DEMO_PASSWORD): Promise<string> =>
    (await call<{ accessToken: string }>('/api/auth/login', undefined, { email, password })).accessToken;

  // Signed in once: sign-ins per account are rate-limited (10 a minute from one address).
  let adminToken: string | undefined;
  const admin = async (): Promise<string> => (adminToken ??= await signIn(ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD));

  const arenaDevices = async (): Promise<DeviceListResponse['items']> =>
    (await call<DeviceListResponse>(`/api/devices?venueId=${showOf('arena').venueId}`, await admin())).items;

  /** Runs the demo with its simulator until every device has reported since `since`, then presses Ctrl-C. */
  const runUntilDevicesReport = async (): Promise<string> => {
    const since = new Date().toISOString();
    const run = demo(['--rate', '2']);
    await waitFor(async () => run.output().includes('Ctrl-C stops it') || run.child.exitCode !== null, 90_000, 200);
    if (run.child.exitCode !== null) throw new Error(`the demo stopped: ${run.output()}`);
    await waitFor(async () => {
      const devices = await arenaDevices();
      return devices.length === 10 && devices.every((device) => device.lastSeenAt !== null && device.lastSeenAt > since);
    }, 20_000, 250);
    // The simulator keeps going until interrupted.
    expect(run.child.exitCode).toBeNull();
    run.child.kill('SIGINT');
    const exit = await run.exited;
    expect(run.errors()).toBe('');
    expect(exit.code).toBe(0);
    expect(run.output()).toMatch(/10 devices at aurora-arena sent [1-9]\d* readings over http \(0 refused\)/);
    return run.output();
  };

  /** What the server must hold after a run, whether it was the first or not. */
  const expectThePlan = async (): Promise<void> => {
    const catalogue = await call<ShowListResponse>('/api/shows?limit=100');
    expect(catalogue.items.map((show) => show.name).sort()).toEqual(SHOWS.map((show) => show.request.name).sort());
    const showIds = new Map<ShowKey, string>();
    for (const show of SHOWS) {
      const listed = catalogue.items.find((item) => item.name === show.request.name);
      const seats = show.request.sections.reduce((sum, section) => sum + section.rows.reduce((inRow, row) => inRow + row.seats, 0), 0);
      const taken = BOOKINGS.filter((booking) => booking.show === show.key && booking.outcome !== 'refunded').reduce((sum, booking) => sum + booking.seats.length, 0);
      expect(listed).toMatchObject({ venue: show.request.venue, status: 'on_sale', capacity: seats, available: seats - taken });
      showIds.set(show.key, listed?.showId as string);
    }
    expect(catalogue.items.find((show) => show.name === showOf('arena').request.name)?.capacity).toBe(60_000);
    const arena = await call<ShowDetailResponse>(`/api/shows/${showIds.get('arena')}`);
    expect(arena.categories.map((category) => category.name)).toEqual(['VVIP', 'VIP', 'Lower Bowl', 'Upper Bowl']);

    // Every seat of the plan's bookings as the seat map shows it: held, sold, or free again after the refund.
    const seatMaps = new Map<string, SeatMapResponse['seats']>();
    for (const booking of BOOKINGS) {
      const showId = showIds.get(booking.show) as string;
      for (const seatId of booking.seats) {
        const section = seatId.split('-')[0];
        const mapKey = `${showId}/${section}`;
        if (!seatMaps.has(mapKey)) seatMaps.set(mapKey, (await call<SeatMapResponse>(`/api/shows/${showId}/seats?section=${section}`)).seats);
        const status = seatMaps.get(mapKey)?.find((seat) => seat.seatId === seatId)?.status;
        expect(`${booking.key} ${seatId} ${status}`).toBe(`${booking.key} ${seatId} ${{ held: 'held', paid: 'sold', refunded: 'available' }[booking.outcome]}`);
      }
    }

    const tokens = new Map<string, string>();
    for (const account of ACCOUNTS) {
      const token = await signIn(account.email);
      tokens.set(account.key, token);
      const me = await call<{ roles: string[] }>('/api/auth/me', token);
      expect(me.roles.includes('staff')).toBe(account.role === 'staff');
    }

    // Each fan's bookings are the plan's, once each.
    let checkedIn = 0;
    for (const fan of FANS) {
      const token = tokens.get(fan.key) as string;
      const bookings = (await call<MyBookingsResponse>('/api/me/bookings', token)).items;
      const planned = BOOKINGS.filter((booking) => booking.fan === fan.key);
      expect(bookings.map((booking) => `${booking.seats.join(',')} ${booking.status}`).sort()).toEqual(planned.map((booking) => `${booking.seats.join(',')} ${BOOKING_STATUS[booking.outcome]}`).sort());
      const tickets = (await call<MyTicketsResponse>('/api/me/tickets', token)).items;
      checkedIn += tickets.filter((ticket) => ticket.status === 'checked_in').length;
      for (const transfer of TRANSFERS) {
        const showId = showIds.get(BOOKINGS.find((booking) => booking.key === transfer.booking)?.show as ShowKey);
        const holds = tickets.some((ticket) => ticket.showId === showId && ticket.seatId === transfer.seatId && ticket.status !== 'void');
        const from = BOOKINGS.find((booking) => booking.key === transfer.booking)?.fan;
        if (fan.key === transfer.to) expect(holds).toBe(true);
        if (fan.key === from) expect(holds).toBe(false);
      }
    }
    expect(checkedIn).toBe(CHECK_INS.length);

    // The incidents fans and staff reported, each once, where the plan takes it.
    const staffToken = tokens.get('sam') as string;
    const reported = (await call<IncidentListResponse>('/api/incidents?source=report&limit=100', staffToken)).items;
    expect(reported.map((incident) => incident.title).sort()).toEqual(INCIDENTS.map((incident) => incident.title).sort());
    const userIds = new Map<string, string>();
    for (const account of ACCOUNTS) userIds.set(account.key, (await call<{ userId: string }>('/api/auth/me', tokens.get(account.key))).userId);
    for (const plan of INCIDENTS) {
      const incident = reported.find((candidate) => candidate.title === plan.title);
      expect({ title: incident?.title, status: incident?.status, reporterId: incident?.reporterId, assigneeId: incident?.assigneeId, showId: incident?.location.showId }).toEqual({
        title: plan.title,
        status: plan.status,
        reporterId: userIds.get(plan.reporter),
        assigneeId: plan.assignee ? userIds.get(plan.assignee) : null,
        showId: showIds.get(plan.show),
      });
    }

    const stats = await call<StatsResponse>('/api/stats', await admin());
    const sold = BOOKINGS.filter((booking) => booking.outcome === 'paid').reduce((sum, booking) => sum + booking.seats.length, 0);
    expect(stats.sales).toMatchObject({ showsOnSale: 3, seatsSold: sold });
    expect(await arenaDevices()).toHaveLength(10);
  };

  it('loads the plan through the API, and its simulator drives ten devices at the arena until Ctrl-C', async () => {
    const output = await runUntilDevicesReport();
    expect(output).toMatch(/Northern Lights World Tour, Aurora Arena, .*: 60,000 seats/);
    expect(output).toContain(`Sales: ${BOOKINGS.filter((booking) => booking.outcome === 'paid').length} paid bookings,`);
    expect(output).toContain('10 devices registered, 0 reused');
    expect(output).toContain(`every demo account's password: ${DEMO_PASSWORD}`);
    await expectThePlan();
  }, 180_000);

  it('a second run creates nothing twice and drives the same devices with the keys it kept', async () => {
    const output = await runUntilDevicesReport();
    expect(output).toContain('Shows: 3 shows (0 new, 3 already there)');
    expect(output).toMatch(/Sales: \d+ paid bookings \(0 new, \d+ already there\)/);
    expect(output).toContain(`Incidents: ${INCIDENTS.length} incidents (0 new, ${INCIDENTS.length} already there)`);
    expect(output).toContain('0 devices registered, 10 reused');
    await expectThePlan();
  }, 180_000);

  it('says how to fix a wrong admin password, and stops', async () => {
    const run = demo(['--no-simulator'], { ...ADMIN, ADMIN_PASSWORD: 'not-the-admin-password' });
    const exit = await run.exited;
    expect(exit.code).toBe(1);
    expect(run.errors()).toMatch(/demo: the admin demo-admin@tessera.test cannot sign in: start the server with ADMIN_EMAIL and ADMIN_PASSWORD/);
  }, 30_000);
});

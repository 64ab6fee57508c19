/**
 * `npm run demo`: realistic data for a first look, loaded into a running server through the public
 * HTTP API only (plan.ts says what): fans, staff and the admin; three shows on sale, one of them a
 * 60,000-seat arena; holds, paid bookings with tickets, transfers, a refund and check-ins;
 * incidents in every status; then the device simulator (tools/simulator) at the arena, until
 * Ctrl-C (or not at all with --no-simulator).
 *
 * Every POST carries an Idempotency-Key derived from the plan, and every step first reads what the
 * server already holds, so a re-run (the same day or months later) creates nothing twice: it
 * reports what it found.
 */
import type {
  BookingView,
  CreateShowResponse,
  IncidentItemsResponse,
  IncidentView,
  MyTicketsResponse,
  TicketView,
  PlaceBookingResponse,
  ShowListResponse,
  ShowSummary,
  StatsResponse,
} from '@tessera/contracts';
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { DemoClient, Problem, refusedWith } from './client';
import {
  ACCOUNTS,
  BOOKING_STATUS,
  BOOKINGS,
  bookingOf,
  CHECK_INS,
  DEMO_CARD,
  DEMO_PASSWORD,
  INCIDENT_PATHS,
  INCIDENTS,
  SHOWS,
  showOf,
  startsAtOf,
  TRANSFERS,
  type AccountKey,
  type DemoAccount,
  type DemoShow,
  type ShowKey,
} from './plan';

const ROOT = join(__dirname, '..', '..');
/** The README's first admin for `npm start`, used when ADMIN_EMAIL / ADMIN_PASSWORD are not set. */
const README_ADMIN = { email: 'admin@example.com', password: 'Kestrel-Orbit-Tangerine-41' };

interface Options {
  url: string;
  adminEmail: string;
  adminPassword: string;
  password: string;
  simulator: boolean;
  fleet: string;
  devices: number;
  rate: number;
}

interface Session {
  account: DemoAccount;
  userId: string;
  token: string;
}

/** What a step did: made something new, or found it there from an earlier run. */
class Tally {
  private readonly counts = new Map<string, { created: number; found: number }>();

  count(what: string, created: boolean): void {
    const entry = this.counts.get(what) ?? { created: 0, found: 0 };
    if (created) entry.created += 1;
    else entry.found += 1;
    this.counts.set(what, entry);
  }

  has(what: string): boolean {
    return this.counts.has(what);
  }

  line(what: string): string {
    const { created, found } = this.counts.get(what) ?? { created: 0, found: 0 };
    return `${created + found} ${what}${found > 0 ? ` (${created} new, ${found} already there)` : ''}`;
  }
}

const EXPIRED_HOLDS = 'holds expired since an earlier run';

const key = (...parts: string[]): string => ['tessera-demo', ...parts].join(':');

class DemoLoader {
  private readonly api: DemoClient;
  private readonly tally = new Tally();
  private readonly warnings: string[] = [];
  private adminToken = '';
  private readonly sessions = new Map<AccountKey, Session>();
  private readonly shows = new Map<ShowKey, ShowSummary>();

  constructor(private readonly options: Options) {
    this.api = new DemoClient(options.url);
  }

  async load(): Promise<void> {
    await this.checkServer();
    await this.signInAdmin();
    for (const account of ACCOUNTS) await this.ensureAccount(account);
    for (const show of SHOWS) await this.ensureShow(show);
    for (const booking of BOOKINGS) await this.ensureBooking(booking.key);
    for (const transfer of TRANSFERS) await this.ensureTransfer(transfer.booking, transfer.seatId, transfer.to);
    for (const checkIn of CHECK_INS) await this.ensureCheckIn(checkIn.booking, checkIn.seatId);
    for (const incident of INCIDENTS) await this.ensureIncident(incident.key);
    await this.report();
  }

  private async checkServer(): Promise<void> {
    const health = await fetch(`${this.options.url}/health`).catch((error: Error) => {
      throw new Error(`no Tessera server answers at ${this.options.url} (${error.message}): start one with npm start, or pass --url`);
    });
    await health.arrayBuffer();
    if (health.status !== 200) throw new Error(`${this.options.url}/health answered ${health.status}: wait until the server is ready`);
  }

  /** Signing in creates nothing to double (and the API replays no credential): no Idempotency-Key. */
  private async login(email: string, password: string): Promise<string> {
    return (await this.api.call<{ accessToken: string }>('POST', '/api/auth/login', { body: { email, password } })).accessToken;
  }

  private async signInAdmin(): Promise<void> {
    try {
      this.adminToken = await this.login(this.options.adminEmail, this.options.adminPassword);
    } catch (error) {
      if (refusedWith(error, 'INVALID_CREDENTIALS')) {
        throw new Error(
          `the admin ${this.options.adminEmail} cannot sign in: start the server with ADMIN_EMAIL and ADMIN_PASSWORD (README, "A first look") and give the demo the same ones`,
        );
      }
      throw error;
    }
    const me = await this.api.get<{ roles: string[] }>('/api/auth/me', this.adminToken);
    if (!me.roles.includes('admin')) throw new Error(`${this.options.adminEmail} is not an admin`);
  }

  private async ensureAccount(account: DemoAccount): Promise<void> {
    const { email, displayName } = account;
    let created = true;
    try {
      const registered = await this.api.send('POST', '/api/auth/register', { key: key('account', email), body: { email, password: this.options.password, displayName } });
      created = !registered.replayed;
    } catch (error) {
      if (!refusedWith(error, 'EMAIL_TAKEN')) throw error;
      created = false;
    }
    let token = await this.login(email, this.options.password).catch((error: unknown) => {
      if (refusedWith(error, 'INVALID_CREDENTIALS')) throw new Error(`${email} exists with another password: pass the --password of the run that made it`);
      throw error;
    });
    const me = await this.api.get<{ userId: string; roles: string[] }>('/api/auth/me', token);
    if (account.role === 'staff' && !me.roles.includes('staff')) {
      await this.api.call('PUT', `/api/admin/users/${me.userId}/roles`, { token: this.adminToken, body: { roles: ['user', 'staff'] } });
      // A role change ends the access tokens issued before it: sign in again to carry the new role.
      token = await this.login(email, this.options.password);
    }
    this.sessions.set(account.key, { account, userId: me.userId, token });
    this.tally.count(account.role === 'staff' ? 'staff accounts' : 'fan accounts', created);
  }

  private session(account: AccountKey): Session {
    return this.sessions.get(account) as Session;
  }

  /** The catalogue holds every show on sale: a demo show found there is the one an earlier run made. */
  private async catalogue(): Promise<ShowSummary[]> {
    const shows: ShowSummary[] = [];
    let cursor: string | null = null;
    do {
      const page: ShowListResponse = await this.api.get<ShowListResponse>(`/api/shows?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      shows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return shows;
  }

  private async ensureShow(show: DemoShow): Promise<void> {
    const isThisShow = (summary: ShowSummary) => summary.name === show.request.name && summary.venue === show.request.venue && summary.status === 'on_sale';
    const existing = (await this.catalogue()).find(isThisShow);
    if (!existing) {
      const startsAt = startsAtOf(show, new Date());
      // The date is part of the key: a draft left by a run on another day is not this request.
      const { showId } = await this.api.post<CreateShowResponse>('/api/shows', key('show', show.key, startsAt), this.adminToken, { ...show.request, startsAt });
      try {
        await this.api.post(`/api/shows/${showId}/publish`, key('publish', showId), this.adminToken);
      } catch (error) {
        if (!refusedWith(error, 'INVALID_SHOW_STATE')) throw error;
      }
    }
    const found = (await this.catalogue()).find(isThisShow);
    if (!found) throw new Error(`${show.request.name} is not on sale after publishing it`);
    this.shows.set(show.key, found);
    this.tally.count('shows', !existing);
  }

  private async ensureBooking(bookingKey: string): Promise<void> {
    const plan = bookingOf(bookingKey);
    const { token } = this.session(plan.fan);
    const showId = (this.shows.get(plan.show) as ShowSummary).showId;
    let placed: { body: PlaceBookingResponse; replayed: boolean };
    try {
      placed = await this.api.send<PlaceBookingResponse>('POST', '/api/bookings', { key: key('booking', bookingKey), token, body: { showId, seats: plan.seats } });
    } catch (error) {
      // Someone took these seats since (in the web app, say): the demo leaves them be.
      if (refusedWith(error, 'SEATS_UNAVAILABLE')) return this.warn(`booking ${bookingKey}: ${plan.seats.join(', ')} are taken by someone else; skipped`);
      throw error;
    }
    // Replayed within a day, or, later, the booking as it is now (its id follows from the key).
    const created = !placed.replayed && placed.body.status === 'held';
    const { bookingId } = placed.body;
    let booking = await this.api.get<BookingView>(`/api/bookings/${bookingId}`, token);
    if (booking.status === 'held' && plan.outcome !== 'held') {
      await this.api.post(`/api/bookings/${bookingId}/payment`, key('payment', bookingId), token, { card: DEMO_CARD });
      booking = await this.api.get<BookingView>(`/api/bookings/${bookingId}`, token);
    }
    if (booking.status === 'confirmed' && plan.outcome === 'refunded') {
      await this.api.post(`/api/bookings/${bookingId}/cancel`, key('cancel', bookingId), token);
      booking = await this.api.get<BookingView>(`/api/bookings/${bookingId}`, token);
    }
    const expected = BOOKING_STATUS[plan.outcome];
    // A hold of an earlier run has expired by now: that is how holds end.
    if (plan.outcome === 'held' && booking.status === 'expired') return this.tally.count(EXPIRED_HOLDS, false);
    if (booking.status !== expected) return this.warn(`booking ${bookingKey} is ${booking.status} (planned: ${expected})`);
    this.tally.count({ held: 'holds', paid: 'paid bookings', refunded: 'refunded bookings' }[plan.outcome], created);
  }

  /** The ticket for this seat of a planned booking's show, among the tickets `account` holds now. */
  private async ticketAt(account: AccountKey, bookingKey: string, seatId: string): Promise<TicketView | undefined> {
    const showId = (this.shows.get(bookingOf(bookingKey).show) as ShowSummary).showId;
    const { items } = await this.api.get<MyTicketsResponse>('/api/me/tickets', this.session(account).token);
    return items.find((ticket) => ticket.showId === showId && ticket.seatId === seatId && ticket.status !== 'void');
  }

  private async ensureTransfer(bookingKey: string, seatId: string, to: AccountKey): Promise<void> {
    const received = await this.ticketAt(to, bookingKey, seatId);
    if (!received) {
      const from = bookingOf(bookingKey).fan;
      const ticket = await this.ticketAt(from, bookingKey, seatId);
      if (!ticket) return this.warn(`transfer of ${seatId}: ${this.session(from).account.email} holds no ticket for it`);
      await this.api.post(`/api/tickets/${ticket.ticketId}/transfer`, key('transfer', ticket.ticketId), this.session(from).token, { toEmail: this.session(to).account.email });
    }
    this.tally.count('tickets transferred', !received);
  }

  private async ensureCheckIn(bookingKey: string, seatId: string): Promise<void> {
    const transfer = TRANSFERS.find((planned) => planned.booking === bookingKey && planned.seatId === seatId);
    const owner = transfer?.to ?? bookingOf(bookingKey).fan;
    const ticket = await this.ticketAt(owner, bookingKey, seatId);
    if (!ticket) return this.warn(`check-in of ${seatId}: ${this.session(owner).account.email} holds no ticket for it`);
    if (ticket.status === 'valid') {
      await this.api.post('/api/checkins', key('checkin', ticket.ticketId), this.session('sam').token, { code: ticket.code });
    }
    this.tally.count('check-ins', ticket.status === 'valid');
  }

  private async ensureIncident(incidentKey: string): Promise<void> {
    const plan = INCIDENTS.find((incident) => incident.key === incidentKey) as (typeof INCIDENTS)[number];
    const reporter = this.session(plan.reporter);
    const showId = (this.shows.get(plan.show) as ShowSummary).showId;
    const mine = await this.api.get<IncidentItemsResponse>('/api/me/incidents', reporter.token);
    let incidentId = mine.items.find((incident) => incident.title === plan.title && incident.location.showId === showId)?.incidentId;
    const created = incidentId === undefined;
    if (!incidentId) {
      const location = { showId, ...(plan.seatId ? { seatId: plan.seatId } : {}), ...(plan.area ? { area: plan.area } : {}) };
      const body = { title: plan.title, description: plan.description, location, category: plan.category, urgency: plan.urgency };
      incidentId = (await this.api.post<{ incidentId: string }>('/api/incidents', key('incident', incidentKey, showId), reporter.token, body)).incidentId;
    }
    const staff = this.session(plan.assignee ?? 'sam');
    const incident = await this.api.get<IncidentView>(`/api/incidents/${incidentId}`, staff.token);
    const path = INCIDENT_PATHS[plan.status];
    // The steps after the status it has now; none when an earlier run took it there.
    for (const status of path.slice(path.indexOf(incident.status) + 1)) {
      const first = status === 'acknowledged';
      const last = status === plan.status;
      const change = {
        status,
        ...(first && plan.assignee ? { assigneeId: staff.userId } : {}),
        ...(first && plan.impact ? { impact: plan.impact } : {}),
        ...(last && plan.note ? { note: plan.note } : {}),
      };
      await this.api.call('PATCH', `/api/incidents/${incidentId}`, { token: staff.token, body: change });
    }
    this.tally.count('incidents', created);
  }

  private warn(message: string): void {
    this.warnings.push(message);
  }

  private async report(): Promise<void> {
    const web = this.options.url;
    const lines: string[] = ['', `Tessera demo data on ${web}`, '', 'Shows (on sale):'];
    const catalogue = await this.catalogue();
    for (const show of SHOWS) {
      const summary = catalogue.find((candidate) => candidate.showId === this.shows.get(show.key)?.showId) as ShowSummary;
      const categories = show.request.categories.map((category) => category.name).join(', ');
      lines.push(
        `  ${summary.name}, ${summary.venue}, ${summary.startsAt.replace('T', ' ').replace(/:00(\.000)?Z$/, ' UTC')}: ` +
          `${summary.capacity.toLocaleString('en')} seats, ${(summary.capacity - summary.available).toLocaleString('en')} held or sold (${categories})`,
        `    ${web}/shows/${summary.showId}`,
      );
    }
    const stats = await this.api.get<StatsResponse>('/api/stats', this.adminToken);
    const revenue = Object.entries(stats.sales.revenueByCurrency)
      .map(([currency, minor]) => `${(minor / 100).toLocaleString('en', { minimumFractionDigits: 2 })} ${currency}`)
      .join(', ');
    lines.push(
      '',
      `Accounts: ${this.tally.line('fan accounts')}, ${this.tally.line('staff accounts')}, and the admin ${this.options.adminEmail}`,
      `Shows: ${this.tally.line('shows')}`,
      `Sales: ${this.tally.line('paid bookings')}, ${this.tally.line('holds')}${this.tally.has(EXPIRED_HOLDS) ? ` and ${this.tally.line(EXPIRED_HOLDS)}` : ''}, ${this.tally.line('refunded bookings')},`,
      `       ${this.tally.line('tickets transferred')}, ${this.tally.line('check-ins')}; ${stats.sales.seatsSold} seats sold in all, ${revenue}`,
      `Incidents: ${this.tally.line('incidents')}; open now ${stats.incidents.open} (by status: ${Object.entries(stats.incidents.byStatus)
        .map(([status, count]) => `${status} ${count}`)
        .join(', ')})`,
    );
    for (const warning of this.warnings) lines.push(`  note: ${warning}`);
    lines.push(
      '',
      `Sign in at ${web}/signin (every demo account's password: ${this.options.password}):`,
      `  admin  ${this.options.adminEmail} (the ADMIN_PASSWORD the server was started with)`,
      ...ACCOUNTS.filter((account) => account.role === 'staff').map((account) => `  staff  ${account.email}: check-in at ${web}/checkin, the incident board (GET /api/incidents)`),
      ...ACCOUNTS.filter((account) => account.role === 'user').slice(0, 3).map((account) => `  fan    ${account.email}: tickets and bookings at ${web}/tickets`),
      `  (fans: ${ACCOUNTS.filter((account) => account.role === 'user').map((account) => account.email.split('@')[0]).join(', ')}, all @example.com)`,
      `The API's own pages: ${web}/docs`,
    );
    console.log(lines.join('\n'));
  }

}

/** `npm run simulate` at the arena, for as long as the demo runs; Ctrl-C stops both. */
const runSimulator = (options: Options): Promise<number> =>
  new Promise((done) => {
    const args = ['--require', './tools/swc-register.js', 'tools/simulator/simulate.ts'];
    args.push('--url', options.url, '--venue', showOf('arena').venueId, '--devices', String(options.devices), '--rate', String(options.rate));
    args.push('--duration', '300', '--loop', '--fleet', options.fleet, '--progress-every', '30');
    // The admin's credentials go by environment, never on a command line that `ps` shows.
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ADMIN_EMAIL: options.adminEmail, ADMIN_PASSWORD: options.adminPassword },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    process.on('SIGINT', forward('SIGINT'));
    process.on('SIGTERM', forward('SIGTERM'));
    child.on('close', (code) => done(code ?? 0));
  });

const positive = (name: string) => (value: string): number => {
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new InvalidArgumentError(`${name} must be a positive number`);
  return number;
};

const main = async (): Promise<void> => {
  const program = new Command('demo')
    .description('Load demo data into a running Tessera server through its public API, then run the device simulator until Ctrl-C')
    .option('--url <url>', 'the server (default API, else http://localhost:PORT, PORT 3000)', process.env.API ?? `http://localhost:${process.env.PORT ?? 3000}`)
    .option('--admin-email <email>', 'the first admin (default ADMIN_EMAIL, else the README\'s)', process.env.ADMIN_EMAIL ?? README_ADMIN.email)
    .option('--admin-password <password>', 'its password (default ADMIN_PASSWORD, else the README\'s)', process.env.ADMIN_PASSWORD ?? README_ADMIN.password)
    .option('--password <password>', 'the password of every demo account (default DEMO_PASSWORD)', process.env.DEMO_PASSWORD ?? DEMO_PASSWORD)
    .option('--no-simulator', 'load the data and stop, without running the device simulator')
    .option('--fleet <file>', 'where the simulated devices keep their ids and keys between runs', 'data/demo-devices.json')
    .option('--devices <n>', 'how many simulated devices at the arena', positive('--devices'), 10)
    .option('--rate <r>', 'readings per second per device (default INGEST_RATE or 0.2)', positive('--rate'), Number(process.env.INGEST_RATE ?? 0.2));
  program.parse();
  const options = program.opts<Options>();
  options.url = options.url.replace(/\/+$/, '');
  options.fleet = resolve(options.fleet);

  const started = Date.now();
  const loader = new DemoLoader(options);
  await loader.load();
  console.log(`Loaded in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  if (!options.simulator) return;
  console.log(`\nDevices: the simulator drives ${options.devices} devices at ${showOf('arena').venueId} (ids and keys in ${options.fleet}); gates go offline, a POS overheats, a battery drains and a turnstile flaps,`);
  console.log('so device incidents appear within about five minutes with the default rules. Ctrl-C stops it.\n');
  process.exitCode = await runSimulator(options);
};

main().catch((error: unknown) => {
  console.error(`demo: ${error instanceof Problem || error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});

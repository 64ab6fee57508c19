import { randomUUID } from 'node:crypto';
import { accessTokenFor, bearer } from '../support/auth';
import type { TestApp } from '../support/test-app';
import { createShow, GOOD_CARD, ManualClock, post } from '../box-office/box-office-client';
import { waitFor } from '../support/processes';

/**
 * A short, realistic burst of traffic for the operations tests: sign-up and login, browsing,
 * holds, payments, a cancellation and a refund, a contended seat, a hold that expires, a waiting
 * room admitting its queue, lookups of unknown ids and an unknown path; at the venue, a device
 * that reports and then falls silent (the rules raise an incident for it), a fan's incident report
 * that misses its acknowledge deadline, and a live-stream client. Every id is fresh on each
 * round, so a test can run it twice and see whether anything on /metrics grows with the ids (it must not).
 */

/**
 * What the server under this traffic needs: sweeps that run within the test's waits, and a P2
 * acknowledge deadline (a fan's `high` report) that the two-minute clock move passes.
 */
export const TRAFFIC_ENV: Record<string, string> = {
  SWEEP_INTERVAL_MS: '50',
  SLA_SWEEP_INTERVAL_MS: '50',
  DEVICE_SILENCE_SWEEP_MS: '100',
  SLA_P2_ACKNOWLEDGE_MINUTES: '1',
};

export interface TrafficRound {
  showId: string;
  bookings: number;
  /** Telemetry readings the device sent. */
  readings: number;
}

const get = async (url: string, token?: string, headers: Record<string, string> = {}): Promise<number> => {
  const res = await fetch(url, { headers: { ...(token ? bearer(token) : {}), ...headers } });
  await res.arrayBuffer();
  return res.status;
};

/** Waits (up to 10 s) until the JSON at `url`, read with `token`, satisfies `done`. */
const until = <T>(url: string, token: string, done: (body: T) => boolean): Promise<number> =>
  waitFor(async () => done((await (await fetch(url, { headers: bearer(token) })).json()) as T), 10_000);

const expectStatus = (what: string, status: number, expected: number[]): void => {
  if (!expected.includes(status)) throw new Error(`${what}: ${status}, expected ${expected.join(' or ')}`);
};

/** Runs one round. With `clock` (the server's ManualClock), one hold is also made to expire. */
export const driveTraffic = async (server: TestApp, options: { clock?: ManualClock } = {}): Promise<TrafficRound> => {
  const { url } = server;
  const admin = await accessTokenFor(server, randomUUID(), ['admin']);
  const email = `fan-${randomUUID()}@example.test`;
  const password = 'correct horse battery staple';
  expectStatus('register', (await post(`${url}/api/auth/register`, '', { email, password, displayName: 'Fan' })).status, [201]);
  const login = await post<{ accessToken: string }>(`${url}/api/auth/login`, '', { email, password });
  expectStatus('login', login.status, [200]);
  const fan = login.body.accessToken;
  expectStatus('wrong password', (await post(`${url}/api/auth/login`, '', { email, password: 'not the password at all' })).status, [401]);
  expectStatus('me', await get(`${url}/api/auth/me`, fan), [200]);

  const showId = await createShow(url, admin, { rows: 2, seatsPerRow: 10, holdMinutes: 1 });
  expectStatus('catalogue', await get(`${url}/api/shows`), [200]);
  expectStatus('show', await get(`${url}/api/shows/${showId}`), [200]);
  expectStatus('seats', await get(`${url}/api/shows/${showId}/seats?section=A`), [200]);
  expectStatus('unknown show', await get(`${url}/api/shows/${randomUUID()}`), [404]);
  expectStatus('unknown path', await get(`${url}/api/no-such-thing/${randomUUID()}`), [404]);

  // A sale, then its refund.
  const sold = await post<{ bookingId: string }>(`${url}/api/bookings`, fan, { showId, seats: ['A-1-1', 'A-1-2'] });
  expectStatus('hold', sold.status, [201]);
  expectStatus('pay', (await post(`${url}/api/bookings/${sold.body.bookingId}/payment`, fan, { card: GOOD_CARD })).status, [200]);
  expectStatus('refund', (await post(`${url}/api/bookings/${sold.body.bookingId}/cancel`, fan)).status, [200]);
  expectStatus('my bookings', await get(`${url}/api/me/bookings`, fan), [200]);
  expectStatus('my tickets', await get(`${url}/api/me/tickets`, fan), [200]);
  expectStatus('booking', await get(`${url}/api/bookings/${sold.body.bookingId}`, fan), [200]);

  // A sale whose ticket is scanned at the gate: once in, twice refused, and a forged code.
  const staff = await accessTokenFor(server, randomUUID(), ['staff']);
  const attended = await post<{ bookingId: string }>(`${url}/api/bookings`, fan, { showId, seats: ['A-1-8'] });
  expectStatus('hold', attended.status, [201]);
  const paid = await post<{ tickets: { code: string }[] }>(`${url}/api/bookings/${attended.body.bookingId}/payment`, fan, { card: GOOD_CARD });
  expectStatus('pay', paid.status, [200]);
  const [{ code }] = paid.body.tickets;
  expectStatus('check-in', (await post(`${url}/api/checkins`, staff, { code })).status, [200]);
  expectStatus('second check-in', (await post(`${url}/api/checkins`, staff, { code })).status, [409]);
  expectStatus('forged code', (await post(`${url}/api/checkins`, staff, { code: `${code.slice(0, -4)}AAAA` })).status, [404]);

  // A hold given up before paying.
  const dropped = await post<{ bookingId: string }>(`${url}/api/bookings`, fan, { showId, seats: ['A-1-3'] });
  expectStatus('hold', dropped.status, [201]);
  expectStatus('cancel', (await post(`${url}/api/bookings/${dropped.body.bookingId}/cancel`, fan)).status, [200]);

  // Five fans at once on one seat: one hold, the others refused (locked, or taken meanwhile).
  const rivals = await Promise.all(
    Array.from({ length: 5 }, () => post(`${url}/api/bookings`, fan, { showId, seats: ['A-1-5'] })),
  );
  const winners = rivals.filter((answer) => answer.status === 201);
  expect(winners).toHaveLength(1);
  for (const answer of rivals) expectStatus('rival hold', answer.status, [201, 409]);
  // Given up, so that only the hold below expires when the clock moves.
  const [winner] = winners as { body: { bookingId?: string } }[];
  expectStatus('cancel the winner', (await post(`${url}/api/bookings/${winner.body.bookingId}/cancel`, fan)).status, [200]);
  expectStatus('bad body', (await post(`${url}/api/bookings`, fan, { showId, seats: ['A-1-6'], extra: true })).status, [400]);

  // The venue: a gate scanner reports (and a device with a wrong key is refused), a fan reports a
  // broken seat, staff look at the board, the devices and the counters.
  const venueId = `venue-${randomUUID()}`;
  const deviceId = `${venueId}-gate-1`;
  const device = await post<{ deviceKey: string }>(`${url}/api/devices`, admin, { deviceId, venueId, type: 'gate_scanner', name: 'Gate 1' });
  expectStatus('register device', device.status, [201]);
  const heardAt = (options.clock?.now() ?? new Date()).getTime();
  const readings = [3, 2, 1].map((secondsAgo) => ({ status: 'online', temperature: 35 - secondsAgo, battery: 90, errorRate: 0.001, at: new Date(heardAt - secondsAgo * 1000).toISOString() }));
  const telemetry = (key: string) => post(`${url}/api/devices/${deviceId}/telemetry`, '', readings, { 'x-device-key': key });
  expectStatus('telemetry', (await telemetry(device.body.deviceKey)).status, [202]);
  expectStatus('telemetry with a wrong key', (await telemetry(`${device.body.deviceKey.slice(0, -4)}AAAA`)).status, [401]);
  const reported = await post<{ incidentId: string }>(`${url}/api/incidents`, fan, {
    title: 'Broken seat',
    description: 'The armrest came off.',
    location: { showId, seatId: 'A-1-4' },
    category: 'seat',
    urgency: 'high',
  });
  expectStatus('report incident', reported.status, [201]);
  expectStatus('incidents board', await get(`${url}/api/incidents?status=new`, staff), [200]);
  expectStatus('devices', await get(`${url}/api/devices?venueId=${venueId}`, staff), [200]);
  expectStatus('stats', await get(`${url}/api/stats`, staff), [200]);
  await watchLiveStream(url, staff);

  let bookings = 4;
  if (options.clock) {
    const clock = options.clock;
    const expiring = await post<{ bookingId: string }>(`${url}/api/bookings`, fan, { showId, seats: ['A-2-1'] });
    expectStatus('hold', expiring.status, [201]);
    bookings++;
    // Past the hold, the incident's acknowledge deadline and the device's silence threshold (120 s).
    clock.advance(2 * 60_000);
    await until<{ status?: string }>(`${url}/api/bookings/${expiring.body.bookingId}`, fan, (booking) => booking.status === 'expired');
    await until<{ breached?: unknown[] }>(`${url}/api/incidents/${reported.body.incidentId}`, staff, (incident) => incident.breached?.length === 1);
    // The device is silent, and the rules' incident for it is on the board.
    await until<{ items?: unknown[] }>(`${url}/api/incidents?source=device&venueId=${venueId}`, staff, (board) => board.items?.length === 1);
    await until<{ items?: { status: string }[] }>(`${url}/api/devices?venueId=${venueId}`, staff, (devices) => devices.items?.[0]?.status === 'silent');
  }
  await waitingRoomTraffic(server, admin, options.clock);
  return { showId, bookings, readings: readings.length };
};

/** A staff member's live stream (SSE), open until its first message has arrived. */
const watchLiveStream = async (url: string, staff: string): Promise<void> => {
  const issued = await post<{ token: string }>(`${url}/api/notifications/stream-tokens`, staff);
  expectStatus('stream token', issued.status, [201]);
  const stream = new AbortController();
  const res = await fetch(`${url}/api/notifications/stream?token=${encodeURIComponent(issued.body.token)}&lastEventId=0`, { signal: stream.signal });
  expectStatus('live stream', res.status, [200]);
  try {
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let received = '';
    while (!/\nid: ?\d+/.test(`\n${received}`)) {
      const { value, done } = await reader.read();
      if (done) throw new Error('the live stream ended before its first message');
      received += new TextDecoder().decode(value);
    }
  } finally {
    stream.abort();
  }
};

/**
 * A waiting room opened a minute ago at 60 places a minute, with three fans: the schedule admits
 * two at once (a second of unused rate, plus one place), the third waits for the clock.
 */
const waitingRoomTraffic = async (server: TestApp, admin: string, clock: ManualClock | undefined): Promise<void> => {
  const { url } = server;
  const showId = await createShow(url, admin, { rows: 1, seatsPerRow: 4 });
  const now = clock ? clock.now().getTime() : Date.now();
  const room = { enabled: true, opensAt: new Date(now - 60_000).toISOString(), admitPerMinute: 60, tokenMinutes: 5 };
  const configured = await fetch(`${url}/api/shows/${showId}/waiting-room`, { method: 'PUT', headers: { ...bearer(admin), 'content-type': 'application/json' }, body: JSON.stringify(room) });
  expectStatus('waiting room', configured.status, [200]);
  const fans = await Promise.all(Array.from({ length: 3 }, () => accessTokenFor(server, randomUUID())));
  const places = await Promise.all(fans.map((fan) => post<{ queueId: string }>(`${url}/api/shows/${showId}/queue`, fan)));
  for (const place of places) expectStatus('join the queue', place.status, [201]);
  await waitFor(async () => {
    const standings = await Promise.all(places.map(async (place, i) => (await fetch(`${url}/api/shows/${showId}/queue/${place.body.queueId}`, { headers: bearer(fans[i]) })).json()));
    return standings.filter((standing) => (standing as { admitted?: boolean }).admitted).length >= 2;
  }, 10_000);
};

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  help: Map<string, string>;
  samples: Sample[];
}

/** Parses Prometheus text exposition (version 0.0.4), enough for the checks: names, labels, values. */
export const parseExposition = (text: string): Exposition => {
  const types = new Map<string, string>();
  const help = new Map<string, string>();
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const meta = /^# (HELP|TYPE) (\S+) ?(.*)$/.exec(line);
    if (meta) {
      (meta[1] === 'TYPE' ? types : help).set(meta[2], meta[3]);
      continue;
    }
    if (line.startsWith('#')) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: \d+)?$/.exec(line);
    if (!sample) throw new Error(`not an exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[key] = value.replace(/\\"/g, '"').replace(/\\n/g, '\n').replace(/\\\\/g, '\\');
    }
    samples.push({ name: sample[1], labels, value: Number(sample[3]) });
  }
  return { types, help, samples };
};

export const scrape = async (url: string): Promise<string> => {
  const res = await fetch(`${url}/metrics`);
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  return res.text();
};

import { spawnSync } from 'node:child_process';
import { describeWithBinary } from '@tessera/platform/testing/services';
import { ManualClock } from '../box-office/box-office-client';
import { startTestApp, TestApp } from '../support/test-app';
import { driveTraffic, parseExposition, scrape, TRAFFIC_ENV, type Exposition, type Sample } from './traffic';

/**
 * /metrics of a started standalone server after real traffic: what operators watch is there,
 * named as Prometheus names things, and no label takes ids as values. The traffic runs twice with
 * fresh users, shows and bookings: a series set that grows with the second round would grow
 * without bound in production.
 */

/** What the dashboards and alert rules rely on, by name. */
const EXPECTED: Record<string, string> = {
  tessera_http_request_duration_seconds: 'histogram',
  tessera_events_appended_total: 'counter',
  tessera_event_log_append_duration_seconds: 'histogram',
  tessera_event_log_writable: 'gauge',
  tessera_event_log_fsync_batch_appends: 'histogram',
  tessera_event_log_fsync_batch_bytes: 'histogram',
  tessera_event_log_fsync_duration_seconds: 'histogram',
  tessera_booking_holds_total: 'counter',
  tessera_booking_sales_total: 'counter',
  tessera_booking_expiries_total: 'counter',
  tessera_booking_refunds_total: 'counter',
  tessera_seats_held_total: 'counter',
  tessera_seats_sold_total: 'counter',
  tessera_ticket_checkins_total: 'counter',
  tessera_event_log_head_position: 'gauge',
  tessera_seat_lock_acquisitions_total: 'counter',
  tessera_seat_lock_acquire_duration_seconds: 'histogram',
  tessera_subscription_gap: 'gauge',
  tessera_subscription_position: 'gauge',
  tessera_subscription_lag_seconds: 'histogram',
  tessera_subscription_errors_total: 'counter',
  tessera_subscription_restarts_total: 'counter',
  tessera_schedule_pending: 'gauge',
  tessera_schedule_due: 'gauge',
  tessera_schedule_overdue_seconds: 'gauge',
  tessera_waiting_room_queue_length: 'gauge',
  tessera_waiting_room_admissions_total: 'counter',
  tessera_notifier_deliveries_total: 'counter',
  tessera_notifier_emails_total: 'counter',
  tessera_sse_clients: 'gauge',
  tessera_sse_events_sent_total: 'counter',
  tessera_sse_clients_cut_total: 'counter',
  tessera_mqtt_messages_published_total: 'counter',
  tessera_mqtt_publish_failures_total: 'counter',
  tessera_mqtt_connected: 'gauge',
  tessera_device_readings_total: 'counter',
  tessera_device_transitions_total: 'counter',
  tessera_device_telemetry_invalid_total: 'counter',
  tessera_devices: 'gauge',
  tessera_incidents_open: 'gauge',
  tessera_incidents_sla_breached_total: 'counter',
  tessera_process_cpu_seconds_total: 'counter',
  tessera_process_resident_memory_bytes: 'gauge',
  tessera_nodejs_eventloop_lag_seconds: 'gauge',
  tessera_nodejs_heap_size_used_bytes: 'gauge',
  tessera_repeat_releaser_holds_released_total: 'counter',
  tessera_repeat_releaser_accounts: 'gauge',
  tessera_hold_release_accounts: 'gauge',
};

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const EMAIL = /[^@\s]+@[^@\s]+\.[a-z]{2,}/i;
/** A seat id (`A-1-7`), a long number or hex string: ids that are not UUIDs. */
const OTHER_ID = /^(?:[A-Z]+-\d+-\d+|\d{6,}|[0-9a-f]{16,})$/i;
/** Labels whose values are versions or bucket bounds, not dimensions. */
const FREE_TEXT_LABELS = new Set(['version', 'le', 'quantile']);
/**
 * prom-client's default Node.js gauges that end in _total. Their names are the ones every
 * community Node.js dashboard queries, so they stay; everything of Tessera's own is held to the rule.
 */
const UPSTREAM_GAUGES_NAMED_TOTAL = ['tessera_nodejs_active_handles_total', 'tessera_nodejs_active_requests_total', 'tessera_nodejs_active_resources_total'];

const seriesKey = (sample: Sample): string =>
  `${sample.name}{${Object.entries(sample.labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${v}`)
    .join(',')}}`;

/** The family a sample belongs to (histograms and summaries expose _bucket, _sum, _count). */
const familyOf = (exposition: Exposition, name: string): string => {
  for (const suffix of ['_bucket', '_sum', '_count', '']) {
    const family = suffix && name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
    if (exposition.types.has(family)) return family;
  }
  return name;
};

describe('/metrics of the standalone server under traffic', () => {
  let server: TestApp;
  let first: Exposition;
  let second: Exposition;
  let text: string;

  beforeAll(async () => {
    const clock = new ManualClock(Date.now());
    // Each round's fan releases three holds on its show (two cancelled, the last expired): past a threshold of 2.
    server = await startTestApp({ overrides: { clock }, env: { ...TRAFFIC_ENV, REPEAT_RELEASE_THRESHOLD: '2' } });
    await scrape(server.url); // the scrape route's own series, before the first count
    await driveTraffic(server, { clock });
    first = parseExposition(await scrape(server.url));
    await driveTraffic(server, { clock });
    text = await scrape(server.url);
    second = parseExposition(text);
  }, 60_000);

  afterAll(() => server?.close());

  it('exposes what operators watch, each with its type', () => {
    const missing = Object.entries(EXPECTED).filter(([name, type]) => second.types.get(name) !== type);
    expect(missing).toEqual([]);
  });

  it('counts the box office: holds, sales, expiries, refunds and seats, and lock contention', () => {
    const value = (name: string, labels: Record<string, string> = {}): number =>
      second.samples
        .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        .reduce((sum, s) => sum + s.value, 0);
    // Two rounds of: 5 holds (a sale refunded, a sale checked in, one dropped, the contended
    // winner dropped too, one left to expire when the clock moves).
    expect(value('tessera_booking_holds_total')).toBe(10);
    expect(value('tessera_booking_sales_total')).toBe(4);
    expect(value('tessera_booking_refunds_total')).toBe(2);
    expect(value('tessera_booking_expiries_total')).toBe(2);
    expect(value('tessera_seats_sold_total')).toBe(6);
    expect(value('tessera_ticket_checkins_total')).toBe(2);
    expect(value('tessera_event_log_head_position')).toBeGreaterThan(50);
    expect(value('tessera_events_appended_total', { type: 'booking.placed.v1' })).toBe(10);
    expect(value('tessera_seat_lock_acquisitions_total', { outcome: 'acquired' })).toBeGreaterThanOrEqual(10);
    expect(value('tessera_event_log_writable')).toBe(1);
    expect(value('tessera_event_log_fsync_batch_appends_count')).toBeGreaterThan(0);
    expect(value('tessera_event_log_append_duration_seconds_count', { operation: 'append_multi', outcome: 'ok' })).toBeGreaterThan(0);
    expect(value('tessera_schedule_pending', { schedule: 'command-api.hold-expiry' })).toBe(0);
    // Anti-hoarding: each round's third release (the expiry) came after two, on the same show.
    expect(value('tessera_repeat_releaser_holds_released_total', { reason: 'expired' })).toBe(2);
    expect(value('tessera_repeat_releaser_holds_released_total', { reason: 'cancelled' })).toBe(0);
    expect(value('tessera_repeat_releaser_accounts')).toBe(2);
    expect(value('tessera_hold_release_accounts', { releases: '3' })).toBe(2);
    expect(value('tessera_hold_release_accounts', { releases: '1' })).toBe(0);
    expect(second.samples.some((s) => s.name === 'tessera_subscription_gap' && s.labels.subscription === 'projections')).toBe(true);
    // Each round's waiting room: two of three places admitted at once, the third waiting (admitted when the next round moves the clock).
    expect(value('tessera_waiting_room_admissions_total')).toBeGreaterThanOrEqual(4);
    expect(value('tessera_waiting_room_queue_length')).toBeGreaterThanOrEqual(1);
  });

  it('counts the live feeds and the venue: deliveries per channel, MQTT publishes, readings, devices by status, incidents by severity, SLA breaches', () => {
    const value = (name: string, labels: Record<string, string> = {}): number =>
      second.samples
        .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
        .reduce((sum, s) => sum + s.value, 0);
    const labelValues = (name: string, label: string): string[] => [...new Set(second.samples.filter((s) => s.name === name).map((s) => s.labels[label]))].sort();
    expect(labelValues('tessera_notifier_deliveries_total', 'channel')).toEqual(['email', 'mqtt']);
    expect(labelValues('tessera_notifier_deliveries_total', 'outcome')).toEqual(['delivered', 'duplicate', 'failed', 'retried']);
    expect(value('tessera_notifier_deliveries_total', { channel: 'email', outcome: 'delivered' })).toBeGreaterThan(0);
    expect(value('tessera_notifier_deliveries_total', { channel: 'mqtt', outcome: 'delivered' })).toBeGreaterThan(0);
    expect(value('tessera_mqtt_messages_published_total', { topic: 'tessera/devices/{deviceId}/status' })).toBeGreaterThanOrEqual(2);
    expect(value('tessera_mqtt_messages_published_total', { topic: 'tessera/incidents/created' })).toBeGreaterThanOrEqual(2);
    expect(value('tessera_sse_events_sent_total')).toBeGreaterThan(0);
    // Two rounds of one device reporting three readings over HTTP, then falling silent.
    expect(value('tessera_device_readings_total', { transport: 'http' })).toBe(6);
    expect(value('tessera_device_readings_total', { transport: 'mqtt' })).toBe(0);
    expect(labelValues('tessera_devices', 'status')).toEqual(['degraded', 'offline', 'online', 'silent']);
    expect(value('tessera_devices', { status: 'silent' })).toBe(2);
    expect(value('tessera_devices')).toBe(2);
    // Per round a fan's `high` report and the rules' `high` incident for the silent device.
    expect(labelValues('tessera_incidents_open', 'severity')).toEqual(['critical', 'high', 'low', 'medium']);
    expect(value('tessera_incidents_open', { severity: 'high' })).toBe(4);
    expect(value('tessera_incidents_open')).toBe(4);
    // Both fans' reports missed their acknowledge deadline (the first round's device incident may too).
    expect(labelValues('tessera_incidents_sla_breached_total', 'kind')).toEqual(['acknowledge', 'resolve']);
    expect(value('tessera_incidents_sla_breached_total', { kind: 'acknowledge' })).toBeGreaterThanOrEqual(2);
  });

  it('labels HTTP requests with the route template, method and status: RED per route', () => {
    const routes = new Set(second.samples.filter((s) => s.name === 'tessera_http_request_duration_seconds_count').map((s) => s.labels.route));
    expect([...routes]).toEqual(expect.arrayContaining(['/api/shows/:showId', '/api/bookings/:bookingId/payment', '/api/auth/login', 'unmatched']));
    const statuses = new Set(second.samples.filter((s) => s.name === 'tessera_http_request_duration_seconds_count').map((s) => s.labels.status));
    expect([...statuses]).toEqual(expect.arrayContaining(['200', '201', '400', '401', '404', '409']));
  });

  it('follows the naming conventions: a prefix, _total on counters only, base units in the name', () => {
    const problems: string[] = [];
    for (const [name, type] of second.types) {
      if (!name.startsWith('tessera_')) problems.push(`${name}: no tessera_ prefix`);
      if (type === 'counter' && !name.endsWith('_total')) problems.push(`${name}: a counter without _total`);
      if (type !== 'counter' && name.endsWith('_total') && !UPSTREAM_GAUGES_NAMED_TOTAL.includes(name)) problems.push(`${name}: a ${type} ending in _total`);
      if (/_(ms|milliseconds|millis|microseconds|us|minutes|hours|kb|kilobytes|mb|megabytes)(_|$)/.test(name)) problems.push(`${name}: not a base unit`);
      if (/(duration|latency|lag|_time|_age|overdue)(_|$)/.test(name) && !/_seconds(_total)?$/.test(name) && !name.endsWith('_info')) {
        problems.push(`${name}: a time without _seconds`);
      }
      if (/(size|memory|heap)/.test(name) && type !== 'counter' && !/_bytes$|_appends$/.test(name) && !/_(count|spaces)$/.test(name)) {
        if (!['tessera_nodejs_heap_space_size_total_bytes'].includes(name)) problems.push(`${name}: a size without _bytes`);
      }
      if (!second.help.get(name)) problems.push(`${name}: no help text`);
    }
    expect(problems).toEqual([]);
  });

  it('takes no ids, e-mails or raw paths as label values', () => {
    const offending = second.samples
      .flatMap((s) => Object.entries(s.labels).map(([label, value]) => ({ metric: s.name, label, value })))
      .filter(({ label, value }) => !FREE_TEXT_LABELS.has(label) && (UUID.test(value) || EMAIL.test(value) || OTHER_ID.test(value)));
    expect(offending).toEqual([]);
    for (const route of second.samples.filter((s) => s.labels.route).map((s) => s.labels.route)) {
      expect(route === 'unmatched' || route.split('/').every((segment) => !/\d/.test(segment) || segment.startsWith(':'))).toBe(true);
    }
  });

  it('keeps the series set bounded: a second round with fresh ids adds no series', () => {
    // Node's own families (GC kinds, active resource types) gain series as the process meets them,
    // from small fixed sets; Tessera's must not change at all.
    const own = (sample: Sample): boolean => !/^tessera_(nodejs|process)_/.test(sample.name);
    const before = new Set(first.samples.filter(own).map(seriesKey));
    const added = second.samples.filter(own).map(seriesKey).filter((key) => !before.has(key));
    expect(added).toEqual([]);
    const families = new Map<string, number>();
    for (const sample of second.samples) families.set(familyOf(second, sample.name), (families.get(familyOf(second, sample.name)) ?? 0) + 1);
    // The widest family is the request histogram: routes × statuses × buckets. Still small.
    expect(Math.max(...families.values())).toBeLessThan(2000);
  });

  describeWithBinary('promtool', 'apt-get install prometheus', 'promtool check metrics', (promtool) => {
    it('finds nothing to lint in the exposition', () => {
      const result = spawnSync(promtool, ['check', 'metrics'], { input: text, encoding: 'utf8' });
      const problems = `${result.stdout}${result.stderr}`
        .split('\n')
        .filter((line) => line.trim() && !UPSTREAM_GAUGES_NAMED_TOTAL.some((name) => line.startsWith(`${name} `)));
      expect(problems).toEqual([]);
    });
  });
});

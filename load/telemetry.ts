import { check, sleep } from 'k6';
import { Counter } from 'k6/metrics';
import type { Options } from 'k6/options';
import { body, get, loginAdmin, post, unique } from './lib/api.ts';

/**
 * Telemetry: 200 venue devices report every 5 s, in batches of 10 readings, over HTTP
 * (`POST /api/devices/{deviceId}/telemetry` with `X-Device-Key`, API.md "Venue operations"). A
 * device that connects first sends what it buffered: a reading every 10 s over the last 90 s. Every
 * 20th device runs hot and every 20th (offset by 10) has a low battery, long enough for the device
 * rules (raise after 60 s) to raise an incident for each; teardown checks that they did. Staff
 * watch the device list and the stats meanwhile.
 *   k6 run -e BASE_URL=http://localhost:8080 -e ADMIN_EMAIL=… -e ADMIN_PASSWORD=… load/telemetry.ts
 */

const DEVICES = 200;
const TYPES = ['gate_scanner', 'turnstile', 'pos', 'sensor', 'display'] as const;

export const options: Options = {
  scenarios: {
    devices: { executor: 'constant-vus', vus: DEVICES, duration: '5m', exec: 'report' },
    staff: { executor: 'constant-vus', vus: 2, duration: '5m', exec: 'watch' },
  },
  setupTimeout: '2m',
  thresholds: {
    'http_req_duration{name:telemetry}': ['p(95)<100', 'p(99)<300'],
    'http_req_duration{name:devices}': ['p(99)<500'],
    http_req_failed: ['rate<0.001'],
    checks: ['rate>0.999'],
  },
};

const readings = new Counter('telemetry_readings');

interface Fleet {
  venueId: string;
  devices: { deviceId: string; deviceKey: string }[];
  staffToken: string;
}

export function setup(): Fleet {
  const admin = loginAdmin();
  const venueId = `venue-${unique()}`;
  const devices = Array.from({ length: DEVICES }, (_, i) => {
    const deviceId = `${venueId}-d${i}`;
    const res = post('/api/devices', { deviceId, venueId, type: TYPES[i % TYPES.length], name: `Device ${i}` }, admin.token, { tags: { name: 'register device' } });
    check(res, { 'register device: 201': (r) => r.status === 201 });
    return { deviceId, deviceKey: body<{ deviceKey: string }>(res, 'register device').deviceKey };
  });
  return { venueId, devices, staffToken: admin.token };
}

const isHot = (device: number): boolean => device % 20 === 0;
const hasLowBattery = (device: number): boolean => device % 20 === 10;

/** One device (by VU), one batch: its buffer on the first iteration, then readings taken a half-second apart. */
export function report(fleet: Fleet): void {
  const index = (__VU - 1) % fleet.devices.length;
  const device = fleet.devices[index];
  const spacingMs = __ITER === 0 ? 10_000 : 500;
  const now = Date.now();
  const batch = Array.from({ length: 10 }, (_, i) => ({
    status: 'online',
    temperature: isHot(index) ? 75 + Math.random() * 10 : 30 + Math.random() * 15,
    battery: hasLowBattery(index) ? 8 + Math.random() * 4 : 60 + Math.random() * 20,
    errorRate: Math.random() * 0.01,
    at: new Date(now - (9 - i) * spacingMs).toISOString(),
  }));
  const res = post(`/api/devices/${device.deviceId}/telemetry`, batch, undefined, { headers: { 'x-device-key': device.deviceKey }, tags: { name: 'telemetry' } });
  if (check(res, { 'telemetry: 202 accepted': (r) => r.status === 202 && body<{ accepted: number }>(r, 'telemetry').accepted === batch.length })) readings.add(batch.length);
  sleep(5);
}

/** `k6 run --vus N --iterations M` replaces the scenarios with one that runs this: devices reporting. */
export default report;

export function watch(fleet: Fleet): void {
  check(get(`/api/devices?venueId=${fleet.venueId}`, fleet.staffToken, { tags: { name: 'devices' } }), { 'devices: 200': (r) => r.status === 200 });
  check(get('/api/stats', fleet.staffToken, { tags: { name: 'stats' } }), { 'stats: 200': (r) => r.status === 200 });
  sleep(5);
}

/** The rules raised an incident for every hot or low-battery device that reported (the first device is hot). */
export function teardown(fleet: Fleet): void {
  let raised: { deviceId?: string; ruleId?: string }[] = [];
  // Raised incidents reach the board through the projector: give it a few seconds.
  for (let attempt = 0; attempt < 20; attempt++) {
    const res = get(`/api/incidents?source=device&venueId=${fleet.venueId}&limit=100`, fleet.staffToken, { tags: { name: 'device incidents' } });
    raised = res.status === 200 ? body<{ items: { deviceId?: string; ruleId?: string }[] }>(res, 'device incidents').items : [];
    if (raised.some((incident) => incident.deviceId === fleet.devices[0].deviceId && incident.ruleId === 'temperature-high')) break;
    sleep(0.5);
  }
  check(raised, {
    'a hot device raised temperature-high': (items) => items.some((incident) => incident.deviceId === fleet.devices[0].deviceId && incident.ruleId === 'temperature-high'),
    'only hot and low-battery devices raised incidents': (items) =>
      items.every((incident) => {
        const index = fleet.devices.findIndex((device) => device.deviceId === incident.deviceId);
        return incident.ruleId === 'temperature-high' ? isHot(index) : incident.ruleId === 'battery-low' ? hasLowBattery(index) : false;
      }),
  });
}

import { check, sleep } from 'k6';
import { Counter } from 'k6/metrics';
import type { Options } from 'k6/options';
import { body, get, loginAdmin, post, unique } from './lib/api.ts';

/**
 * Telemetry: 200 venue devices report every 5 s, in batches of 10 readings, over HTTP
 * (`POST /api/devices/{deviceId}/telemetry` with `X-Device-Key`, API.md "Venue operations"); now
 * and then one runs hot or its battery runs low, so the device rules raise incidents. Staff watch
 * the device list and the stats meanwhile.
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

/** One device (by VU), one batch of readings taken a half-second apart. */
export function report(fleet: Fleet): void {
  const device = fleet.devices[(__VU - 1) % fleet.devices.length];
  const hot = Math.random() < 0.02;
  const now = Date.now();
  const batch = Array.from({ length: 10 }, (_, i) => ({
    status: 'online',
    temperature: hot ? 75 + Math.random() * 10 : 30 + Math.random() * 15,
    battery: Math.max(0, 80 - (__ITER % 100)),
    errorRate: Math.random() * 0.01,
    at: new Date(now - (9 - i) * 500).toISOString(),
  }));
  const res = post(`/api/devices/${device.deviceId}/telemetry`, batch, undefined, { headers: { 'x-device-key': device.deviceKey }, tags: { name: 'telemetry' } });
  if (check(res, { 'telemetry: 202 accepted': (r) => r.status === 202 && body<{ accepted: number }>(r, 'telemetry').accepted === batch.length })) readings.add(batch.length);
  sleep(5);
}

export function watch(fleet: Fleet): void {
  check(get(`/api/devices?venueId=${fleet.venueId}`, fleet.staffToken, { tags: { name: 'devices' } }), { 'devices: 200': (r) => r.status === 200 });
  check(get('/api/stats', fleet.staffToken, { tags: { name: 'stats' } }), { 'stats: 200': (r) => r.status === 200 });
  sleep(5);
}

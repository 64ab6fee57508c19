import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { call } from '../../../../test/security/accounts-client';
import { accessTokenFor, bearer } from '../../../../test/support/auth';
import { startTestApp, type TestApp } from '../../../../test/support/test-app';
import { DeviceRuleEngine } from './rule-engine/device-rule-engine';

/**
 * Devices over HTTP on the standalone server: registration, telemetry, the rules, the device list.
 * The rules are set to raise at once (raise-after 0) where a test needs a raise, so no test waits.
 */
describe('devices and telemetry (HTTP)', () => {
  let server: TestApp;
  let admin: Record<string, string>;
  let staff: Record<string, string>;
  let user: Record<string, string>;
  const venueId = `venue-${Date.now()}`;
  let n = 0;
  const newDeviceId = (): string => `dev-${Date.now()}-${++n}`;
  const now = (): string => new Date().toISOString();

  const register = async (deviceId = newDeviceId(), type = 'gate_scanner') => {
    const res = await call<{ deviceId: string; deviceKey: string; position: string }>(server, 'POST', '/api/devices', {
      body: { deviceId, venueId, type, name: `Device ${deviceId}` },
      headers: admin,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const send = (deviceId: string, key: string | undefined, body: unknown) =>
    call<Record<string, unknown>>(server, 'POST', `/api/devices/${deviceId}/telemetry`, { body, headers: key === undefined ? {} : { 'x-device-key': key } });
  const deviceEvents = async (deviceId: string) => (await server.app.get(EventStore).readStream(`device-${deviceId}`)).map((event) => event.type);

  beforeAll(async () => {
    server = await startTestApp();
    admin = bearer(await accessTokenFor(server, crypto.randomUUID(), ['user', 'admin']));
    staff = bearer(await accessTokenFor(server, crypto.randomUUID(), ['user', 'staff']));
    user = bearer(await accessTokenFor(server, crypto.randomUUID(), ['user']));
  });

  afterAll(async () => {
    await server.close();
  });

  describe('POST /api/devices', () => {
    it('registers a device and shows its key once; the log holds only its hash', async () => {
      const deviceId = newDeviceId();
      const res = await call<{ deviceId: string; deviceKey: string; position: string }>(server, 'POST', '/api/devices', {
        body: { deviceId, venueId, type: 'pos', name: 'Bar POS 1' },
        headers: { ...admin, 'idempotency-key': `register-${deviceId}` },
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({ deviceId, deviceKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), position: expect.stringMatching(/^\d+$/) });
      expect(res.headers.get('x-position')).toBe(res.body.position);
      const [registered] = await server.app.get(EventStore).readStream(`device-${deviceId}`);
      expect(registered).toMatchObject({ type: 'device.registered.v1', data: { deviceId, venueId, deviceType: 'pos', name: 'Bar POS 1' } });
      expect(JSON.stringify(registered)).not.toContain(res.body.deviceKey);
      // The same Idempotency-Key does not replay the key: the device exists.
      const again = await call(server, 'POST', '/api/devices', {
        body: { deviceId, venueId, type: 'pos', name: 'Bar POS 1' },
        headers: { ...admin, 'idempotency-key': `register-${deviceId}` },
      });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'DEVICE_EXISTS' });
      expect(JSON.stringify(again.body)).not.toContain(res.body.deviceKey);
    });

    it('refuses a taken id with 409 DEVICE_EXISTS, bad bodies with 400, and anyone but an admin', async () => {
      const { deviceId } = await register();
      const taken = await call(server, 'POST', '/api/devices', { body: { deviceId, venueId, type: 'pos', name: 'x' }, headers: admin });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ code: 'DEVICE_EXISTS' });
      for (const body of [
        { deviceId: 'has/slash', venueId, type: 'pos', name: 'x' },
        { deviceId: newDeviceId(), venueId: 'venues/+', type: 'pos', name: 'x' },
        { deviceId: newDeviceId(), venueId, type: 'toaster', name: 'x' },
        { deviceId: newDeviceId(), venueId, type: 'pos', name: '' },
        { deviceId: newDeviceId(), venueId, type: 'pos', name: 'x', keyHash: 'mine' },
      ]) {
        const res = await call(server, 'POST', '/api/devices', { body, headers: admin });
        expect(res.status).toBe(400);
        expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      }
      const body = { deviceId: newDeviceId(), venueId, type: 'pos', name: 'x' };
      expect((await call(server, 'POST', '/api/devices', { body, headers: staff })).status).toBe(403);
      expect((await call(server, 'POST', '/api/devices', { body, headers: user })).status).toBe(403);
      expect((await call(server, 'POST', '/api/devices', { body })).status).toBe(401);
    });
  });

  describe('POST /api/devices/{deviceId}/telemetry', () => {
    it('accepts one reading or a batch with 202 { accepted }, and records only the status change', async () => {
      const { deviceId, deviceKey } = await register();
      const one = await send(deviceId, deviceKey, { status: 'online', temperature: 31.5, battery: 88, at: now() });
      expect(one.status).toBe(202);
      expect(one.body).toEqual({ accepted: 1 });
      const batch = Array.from({ length: 500 }, (_, i) => ({ status: 'online', temperature: 30 + (i % 5), battery: 88, errorRate: 0, at: new Date(Date.now() - (500 - i) * 10).toISOString() }));
      const many = await send(deviceId, deviceKey, batch);
      expect(many.status).toBe(202);
      expect(many.body).toEqual({ accepted: 500 });
      expect(await deviceEvents(deviceId)).toEqual(['device.registered.v1', 'device.status_changed.v1']);
    });

    it('answers an unknown device and a wrong key alike: 401 INVALID_DEVICE_KEY', async () => {
      const { deviceId, deviceKey } = await register();
      const other = await register();
      const reading = { status: 'online', at: now() };
      const answers = await Promise.all([
        send(deviceId, other.deviceKey, reading),
        send(deviceId, undefined, reading),
        send(deviceId, `${deviceKey.slice(0, -1)}${deviceKey.endsWith('A') ? 'B' : 'A'}`, reading),
        send(newDeviceId(), deviceKey, reading),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(401);
        expect(answer.body).toMatchObject({ code: 'INVALID_DEVICE_KEY' });
      }
      expect(new Set(answers.map((answer) => JSON.stringify({ ...answer.body, instance: undefined })))).toHaveProperty('size', 1);
      expect(await deviceEvents(deviceId)).toEqual(['device.registered.v1']);
    });

    it('refuses a bad reading with 400 and its errors, and a batch with one bad reading as a whole: nothing changes', async () => {
      const { deviceId, deviceKey } = await register();
      const bad = await send(deviceId, deviceKey, { status: 'exploded', battery: 140, at: 'yesterday', colour: 'red' });
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        errors: expect.arrayContaining([
          { field: 'colour', message: 'is not allowed' },
          { field: 'status', message: 'must be one of online, degraded, offline' },
          { field: 'battery', message: 'must be between 0 and 100' },
          { field: 'at', message: 'must be an ISO 8601 UTC date-time' },
        ]),
      });
      const batch = await send(deviceId, deviceKey, [{ status: 'offline', at: now() }, { status: 'online', errorRate: 2, at: now() }]);
      expect(batch.status).toBe(400);
      expect(batch.body).toMatchObject({ errors: [{ field: '[1].errorRate', message: 'must be between 0 and 1' }] });
      const tooMany = await send(deviceId, deviceKey, Array.from({ length: 501 }, () => ({ status: 'online', at: now() })));
      expect(tooMany.status).toBe(400);
      const future = await send(deviceId, deviceKey, { status: 'online', at: new Date(Date.now() + 3_600_000).toISOString() });
      expect(future.status).toBe(400);
      expect(await deviceEvents(deviceId)).toEqual(['device.registered.v1']);
      expect(await server.app.get(DeviceRuleEngine).stateOf(deviceId)).toMatchObject({ device: { status: 'offline' }, timers: { rules: {} } });
    });
  });

  describe('rules, raises and the device list', () => {
    const instantRules = [
      { ruleId: 'hot', deviceTypes: ['pos', 'gate_scanner'], when: { field: 'temperature', op: '>', value: 70 }, severity: 'high', raiseAfterSeconds: 0, clearAfterSeconds: 0 },
      { ruleId: 'battery-low', deviceTypes: ['gate_scanner'], when: { field: 'battery', op: '<', value: 15 }, severity: 'medium', raiseAfterSeconds: 0, clearAfterSeconds: 0 },
      { ruleId: 'offline', deviceTypes: ['gate_scanner'], when: { field: 'status', op: '=', value: 'offline' }, severity: 'critical', raiseAfterSeconds: 0, clearAfterSeconds: 0 },
    ];

    it('serves the defaults of API.md until an admin sets others', async () => {
      const res = await call<{ rules: { ruleId: string; when: unknown; severity: string; raiseAfterSeconds: number }[] }>(server, 'GET', '/api/ops/rules', { headers: staff });
      expect(res.status).toBe(200);
      expect(res.body.rules.map(({ when, severity }) => ({ when, severity }))).toEqual([
        { when: { field: 'status', op: '=', value: 'offline' }, severity: 'critical' },
        { when: { field: 'temperature', op: '>', value: 70 }, severity: 'high' },
        { when: { field: 'battery', op: '<', value: 15 }, severity: 'medium' },
        { when: { field: 'errorRate', op: '>', value: 0.05 }, severity: 'medium' },
        { when: { field: 'silentSeconds', op: '>', value: 120 }, severity: 'high' },
      ]);
    });

    it('PUT /api/ops/rules (admin) replaces the rules; refusals change nothing', async () => {
      for (const rules of [
        [{ ...instantRules[0], when: { field: 'status', op: '>', value: 3 } }],
        [instantRules[0], instantRules[0]],
        [{ ...instantRules[0], when: { field: 'temperature', op: '>', value: 'hot' } }],
        [{ ...instantRules[0], deviceTypes: [] }],
        [{ ...instantRules[0], extra: 1 }],
      ]) {
        const refused = await call(server, 'PUT', '/api/ops/rules', { body: { rules }, headers: admin });
        expect(refused.status).toBe(400);
      }
      expect((await call(server, 'PUT', '/api/ops/rules', { body: { rules: instantRules }, headers: staff })).status).toBe(403);
      expect((await call(server, 'GET', '/api/ops/rules', { headers: user })).status).toBe(403);
      const set = await call<{ rules: unknown[]; position: string }>(server, 'PUT', '/api/ops/rules', { body: { rules: instantRules }, headers: admin });
      expect(set.status).toBe(200);
      expect(set.body).toEqual({ rules: instantRules, position: expect.stringMatching(/^\d+$/) });
      const read = await call(server, 'GET', '/api/ops/rules', { headers: { ...staff, 'x-min-position': set.body.position } });
      expect(read.body).toEqual({ rules: instantRules });
    });

    it('raises once per open rule, clears on a clear reading, and lists devices with their latest state', async () => {
      const { deviceId, deviceKey } = await register();
      const quiet = await register();
      const t = Date.now() - 10_000;
      const at = (ms: number): string => new Date(t + ms).toISOString();
      expect((await send(deviceId, deviceKey, [{ status: 'online', temperature: 75, battery: 50, at: at(0) }, { status: 'online', temperature: 80, battery: 50, at: at(100) }])).status).toBe(202);
      expect((await send(deviceId, deviceKey, { status: 'online', temperature: 90, battery: 10, at: at(200) })).status).toBe(202);
      expect((await send(deviceId, deviceKey, { status: 'online', temperature: 40, battery: 10, at: at(300) })).status).toBe(202);
      const events = await server.app.get(EventStore).readStream(`device-${deviceId}`);
      expect(events.map((event) => `${event.type}${(event.data as { ruleId?: string }).ruleId ? `:${(event.data as { ruleId: string }).ruleId}` : ''}`)).toEqual([
        'device.registered.v1',
        'device.status_changed.v1',
        'device.rule_raised.v1:hot',
        'device.rule_raised.v1:battery-low',
        'device.rule_cleared.v1:hot',
      ]);
      const raisedHot = events[2].data as { incidentId: string; severity: string; venueId: string; deviceType: string };
      expect(raisedHot).toMatchObject({ severity: 'high', venueId, deviceType: 'gate_scanner', incidentId: expect.any(String) });
      expect(events[4].data).toMatchObject({ incidentId: raisedHot.incidentId });

      await server.app.get(DeviceRuleEngine).flush();
      const head = String(await server.app.get(EventStore).headPosition());
      const list = await call<{ items: Record<string, unknown>[] }>(server, 'GET', `/api/devices?venueId=${venueId}`, { headers: { ...staff, 'x-min-position': head } });
      expect(list.status).toBe(200);
      expect(list.body.items.find((item) => item.deviceId === deviceId)).toEqual({
        deviceId,
        venueId,
        type: 'gate_scanner',
        name: `Device ${deviceId}`,
        status: 'online',
        lastSeenAt: at(300),
        last: { temperature: 40, battery: 10 },
        openIncidents: 1,
      });
      expect(list.body.items.find((item) => item.deviceId === quiet.deviceId)).toMatchObject({ status: 'offline', lastSeenAt: null, last: { temperature: null, battery: null }, openIncidents: 0 });
      const online = await call<{ items: { deviceId: string }[] }>(server, 'GET', `/api/devices?venueId=${venueId}&status=online`, { headers: staff });
      expect(online.body.items.map((item) => item.deviceId)).toContain(deviceId);
      expect(online.body.items.map((item) => item.deviceId)).not.toContain(quiet.deviceId);
      expect((await call(server, 'GET', '/api/devices?status=asleep', { headers: staff })).status).toBe(400);
      expect((await call(server, 'GET', '/api/devices', { headers: user })).status).toBe(403);
    });
  });
});

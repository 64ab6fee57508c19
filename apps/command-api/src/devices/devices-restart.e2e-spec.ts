import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { call } from '../../../../test/security/accounts-client';
import { accessTokenFor, bearer } from '../../../../test/support/auth';
import { startTestApp, type TestApp } from '../../../../test/support/test-app';

/**
 * A graceful restart of the standalone server on the same data folder: a rule pending before the
 * stop raises after it at the time it would have without the stop, because the engine writes its
 * timers on the way down and the embedded read store's snapshot carries them over.
 */
describe('device rules across a restart of the server', () => {
  let dataDir: string;
  let server: TestApp | undefined;

  beforeAll(async () => {
    dataDir = await makeTempDir('devices-restart');
  });

  afterAll(async () => {
    await server?.close();
    await removeDir(dataDir);
  });

  it('resumes a pending raise with the time it had held before the stop', async () => {
    server = await startTestApp({ dataDir });
    const admin = bearer(await accessTokenFor(server, crypto.randomUUID(), ['user', 'admin']));
    const registered = await call<{ deviceKey: string }>(server, 'POST', '/api/devices', { body: { deviceId: 'pos-restart', venueId: 'arena', type: 'pos', name: 'Bar POS' }, headers: admin });
    expect(registered.status).toBe(201);
    const key = registered.body.deviceKey;
    const send = (target: TestApp, secondsAgo: number) =>
      call(target, 'POST', '/api/devices/pos-restart/telemetry', { body: { status: 'online', temperature: 82, at: new Date(Date.now() - secondsAgo * 1000).toISOString() }, headers: { 'x-device-key': key } });
    // Hot since 70 s ago; the default rule raises after 60 s of heat, so a reading now raises.
    expect((await send(server, 70)).status).toBe(202);
    await server.close({ keepData: true });

    server = await startTestApp({ dataDir });
    expect((await send(server, 0)).status).toBe(202);
    const types = (await server.app.get(EventStore).readStream('device-pos-restart')).map((event) => event.type);
    expect(types).toEqual(['device.registered.v1', 'device.status_changed.v1', 'device.rule_raised.v1']);
  }, 60_000);
});

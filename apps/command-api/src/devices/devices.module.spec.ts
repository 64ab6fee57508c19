import { MqttCredentials } from '@tessera/platform/mqtt/mqtt-credentials';
import { DeviceKeys } from '@tessera/platform/security/device-keys';
import { DevicesModule } from './devices.module';
import { DeviceAuthentication } from './record-telemetry/device-authentication';
import type { DeviceDirectory } from './rule-engine/device-directory';

describe('DevicesModule and the embedded broker', () => {
  const keys = new DeviceKeys('k'.repeat(32));
  const { key, hash } = keys.issue();
  const directory = {
    caughtUp: Promise.resolve(),
    device: (deviceId: string) => (deviceId === 'gate-1' ? { deviceId, venueId: 'arena', deviceType: 'gate_scanner' as const, keyHash: hash } : undefined),
  } as unknown as DeviceDirectory;

  it('gives MqttCredentials the device verifier: a device connects with its id and key, nothing else does', async () => {
    const credentials = new MqttCredentials();
    new DevicesModule(new DeviceAuthentication(directory, keys), credentials).onModuleInit();
    await expect(credentials.verifyDevice('gate-1', key)).resolves.toEqual({ deviceId: 'gate-1', venueId: 'arena', type: 'gate_scanner' });
    await expect(credentials.verifyDevice('gate-1', keys.issue().key)).resolves.toBeNull();
    await expect(credentials.verifyDevice('gate-2', key)).resolves.toBeNull();
  });
});

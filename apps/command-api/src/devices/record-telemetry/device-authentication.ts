import { Injectable } from '@nestjs/common';
import { DomainError } from '@tessera/domain';
import { DeviceKeys } from '@tessera/platform/security/device-keys';
import { DeviceDirectory, type KnownDevice } from '../rule-engine/device-directory';

/**
 * A device's key, checked against the directory in memory: an unknown device and a wrong key
 * take the same path (one map lookup, one HMAC, one constant-time comparison against the stored
 * hash or a dummy) and get the same answer, 401 INVALID_DEVICE_KEY.
 */
@Injectable()
export class DeviceAuthentication {
  constructor(
    private readonly directory: DeviceDirectory,
    private readonly keys: DeviceKeys,
  ) {}

  /** The device, or null for an unknown device or a wrong key. */
  async verify(deviceId: string, presentedKey: unknown): Promise<KnownDevice | null> {
    await this.directory.caughtUp;
    const device = this.directory.device(deviceId);
    return this.keys.verify(presentedKey, device?.keyHash) ? (device ?? null) : null;
  }

  async authenticate(deviceId: string, presentedKey: unknown): Promise<KnownDevice> {
    const device = await this.verify(deviceId, presentedKey);
    if (!device) throw new DomainError('INVALID_DEVICE_KEY', 'unknown device or wrong device key');
    return device;
  }
}

import { createDeviceKeys, DeviceKeys } from './device-keys';

describe('DeviceKeys', () => {
  const keys = new DeviceKeys('a'.repeat(32));

  it('issues a 256-bit key and verifies it against its hash', () => {
    const { key, hash } = keys.issue();
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain(key);
    expect(keys.verify(key, hash)).toBe(true);
  });

  it('refuses a wrong key, a malformed one and any key for an unknown device', () => {
    const { key, hash } = keys.issue();
    const other = keys.issue().key;
    expect(keys.verify(other, hash)).toBe(false);
    expect(keys.verify(`${key}x`, hash)).toBe(false);
    expect(keys.verify(undefined, hash)).toBe(false);
    expect(keys.verify(key, undefined)).toBe(false);
  });

  it('hashes under its secret: another secret does not verify the same key', () => {
    const { key, hash } = keys.issue();
    expect(new DeviceKeys('b'.repeat(32)).verify(key, hash)).toBe(false);
  });

  it('requires the secret in production', () => {
    const logger = { warn: jest.fn() };
    expect(() => createDeviceKeys({ production: true, logger })).toThrow(/DEVICE_KEY_SECRET/);
    createDeviceKeys({ production: false, logger });
    expect(logger.warn).toHaveBeenCalledWith(expect.stringContaining('DEVICE_KEY_SECRET'));
  });
});

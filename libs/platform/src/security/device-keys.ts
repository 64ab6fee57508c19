import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Device keys: 32 random bytes (base64url, 43 characters) shown once to the admin who registers
 * the device; the log keeps only HMAC-SHA-256(DEVICE_KEY_SECRET, key).
 *
 * Why a keyed hash and not argon2: a device presents its key with every reading (thousands a
 * second), and argon2 is built to be slow — tens of milliseconds and megabytes per check. Its
 * slowness protects low-entropy passwords from guessing; a 256-bit random key cannot be guessed
 * however fast the hash, so one HMAC (about a microsecond) is as safe here. The secret adds that a
 * copy of the log alone does not even let anyone test a candidate key.
 *
 * Verifying costs the same whether the device exists or not: an unknown device is compared
 * against a fixed dummy hash, so the answer's timing does not tell which device ids exist.
 */

export const DEVICE_KEY_BYTES = 32;
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Development only: hashes made with it mean nothing in production, where the secret is required. */
const DEVELOPMENT_SECRET = 'tessera-development-device-key-secret-do-not-use';

export class DeviceKeys {
  private readonly secret: Buffer;
  private readonly dummyHash: Buffer;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('the device key secret must be at least 32 characters');
    this.secret = Buffer.from(secret, 'utf8');
    this.dummyHash = this.mac('\u0000no-device');
  }

  /** A new key, and the hash to store. */
  issue(): { key: string; hash: string } {
    const key = randomBytes(DEVICE_KEY_BYTES).toString('base64url');
    return { key, hash: this.hash(key) };
  }

  hash(key: string): string {
    return this.mac(key).toString('base64url');
  }

  /** True when `presented` is the key whose hash is `storedHash`; `storedHash` undefined (no such device) is always false, in the same time. */
  verify(presented: unknown, storedHash: string | undefined): boolean {
    const wellFormed = typeof presented === 'string' && KEY_PATTERN.test(presented);
    const expected = storedHash === undefined ? this.dummyHash : Buffer.from(storedHash, 'base64url');
    const actual = this.mac(wellFormed ? presented : '\u0000malformed');
    const same = actual.length === expected.length && timingSafeEqual(actual, expected);
    return same && wellFormed && storedHash !== undefined;
  }

  private mac(key: string): Buffer {
    return createHmac('sha256', this.secret).update(key, 'utf8').digest();
  }
}

/** From configuration: production requires DEVICE_KEY_SECRET; development uses a fixed key and says so. */
export const createDeviceKeys = (config: { secret?: string; production: boolean; logger: { warn(message: string): void } }): DeviceKeys => {
  if (config.secret) return new DeviceKeys(config.secret);
  if (config.production) throw new Error('DEVICE_KEY_SECRET must be set in production');
  config.logger.warn('DEVICE_KEY_SECRET is not set: device keys are hashed with a fixed development secret.');
  return new DeviceKeys(DEVELOPMENT_SECRET);
};

import { createHash } from 'node:crypto';

/**
 * Keys that rotate without invalidating what the older ones signed: one signing key (the newest)
 * and any number of older keys still accepted for verification, each named by a key id (`kid`)
 * that every signature carries, so a verifier picks the one key to try. Key ids are derived from
 * the keys, never configured: 8 base64url characters of a SHA-256 over a label and the key, which
 * tell nothing about the key and leave operators nothing to name or keep in step.
 */

export interface RingKey {
  kid: string;
  key: Buffer;
}

export const keyIdOf = (purpose: string, key: Uint8Array): string =>
  createHash('sha256').update(`tessera-key-id\u0000${purpose}\u0000`).update(key).digest('base64url').slice(0, 8);

export class KeyRing {
  readonly signing: RingKey;
  /** Every key, the signing key first: what a signature without a key id is tried against. */
  readonly all: readonly RingKey[];
  private readonly byKid = new Map<string, RingKey>();

  constructor(purpose: string, signing: Uint8Array, verifying: readonly Uint8Array[], minBytes: number) {
    for (const key of [signing, ...verifying]) {
      if (key.byteLength < minBytes) throw new Error(`every ${purpose} key must be at least ${minBytes} bytes`);
    }
    const ring = [signing, ...verifying].map((key) => ({ kid: keyIdOf(purpose, key), key: Buffer.from(key) }));
    for (const entry of ring) if (!this.byKid.has(entry.kid)) this.byKid.set(entry.kid, entry);
    this.signing = ring[0];
    this.all = [...this.byKid.values()];
  }

  /** The key a signature's key id names, if this ring still holds it. */
  find(kid: string): RingKey | undefined {
    return this.byKid.get(kid);
  }
}

/** A comma-separated list of keys from configuration (`TICKET_VERIFICATION_KEYS`, `JWT_VERIFICATION_SECRETS`). */
export const keysFromList = (list: readonly string[] | undefined): Buffer[] => (list ?? []).map((key) => Buffer.from(key, 'utf8'));

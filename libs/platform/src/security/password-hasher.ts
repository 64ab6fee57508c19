import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/**
 * Password hashing port. The domain only ever sees the resulting PHC string; the hasher stays
 * behind this port so tests and load runs can swap the cost without touching handlers.
 */
export abstract class PasswordHasher {
  /** A self-describing hash (algorithm, parameters, per-user salt) to store in the account. */
  abstract hash(password: string): Promise<string>;
  /**
   * Whether `password` matches `storedHash`. With no stored hash (an unknown e-mail) it still
   * spends the time of one verification and answers false, so response times do not reveal
   * which e-mails have accounts.
   */
  abstract verify(password: string, storedHash: string | undefined): Promise<boolean>;
  /** True when the stored hash was made with other parameters: rehash it after a good login. */
  abstract needsRehash(storedHash: string): boolean;
}

export interface Argon2Parameters {
  /** KiB. */
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/** OWASP Password Storage Cheat Sheet, argon2id first option: m = 19 MiB, t = 2, p = 1. */
export const OWASP_ARGON2ID: Readonly<Argon2Parameters> = Object.freeze({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });

/**
 * argon2id via the `argon2` binding. The salt is 16 random bytes per hash (the binding's default),
 * and `argon2.verify` compares the digests in constant time.
 */
export class Argon2PasswordHasher extends PasswordHasher {
  private dummyHash?: Promise<string>;

  constructor(private readonly parameters: Readonly<Argon2Parameters> = OWASP_ARGON2ID) {
    super();
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id, ...this.parameters });
  }

  async verify(password: string, storedHash: string | undefined): Promise<boolean> {
    if (storedHash === undefined) {
      // Same parameters as a real hash, so an unknown account costs the same time as a wrong password.
      this.dummyHash ??= this.hash(randomBytes(32).toString('base64url'));
      await argon2.verify(await this.dummyHash, password);
      return false;
    }
    return argon2.verify(storedHash, password);
  }

  needsRehash(storedHash: string): boolean {
    return !storedHash.startsWith('$argon2id$') || argon2.needsRehash(storedHash, this.parameters);
  }
}

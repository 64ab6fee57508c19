import { createHash } from 'node:crypto';
import { normaliseEmail } from '@tessera/contracts';

/**
 * SHA-256 hex of the normalised e-mail: the key of its reservation stream (`emailStream(hash)`).
 * It normalises again (idempotent), so a caller that forgot cannot split one address in two.
 */
export const hashEmail = (email: string): string =>
  createHash('sha256').update(normaliseEmail(email), 'utf8').digest('hex');

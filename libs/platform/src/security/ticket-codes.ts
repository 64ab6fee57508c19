import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Ticket QR codes: `T1.{ticketId}.{version}.{signature}`, an HMAC-SHA256 over the ticket id and
 * its version under TICKET_SIGNING_KEY. The gate verifies a code without a lookup; a transfer
 * bumps the version, which supersedes the old code (the check-in decider compares versions).
 */

const PREFIX = 'T1';
const CODE = /^T1\.([A-Za-z0-9-]{1,64})\.([1-9]\d{0,8})\.([A-Za-z0-9_-]{43})$/;
export const MIN_TICKET_KEY_BYTES = 32;

export interface TicketCodeClaims {
  ticketId: string;
  version: number;
}

export class TicketCodes {
  private readonly key: Buffer;

  constructor(key: Uint8Array) {
    if (key.byteLength < MIN_TICKET_KEY_BYTES) throw new Error(`the ticket signing key must be at least ${MIN_TICKET_KEY_BYTES} bytes`);
    this.key = Buffer.from(key);
  }

  sign(claims: TicketCodeClaims): string {
    return `${PREFIX}.${claims.ticketId}.${claims.version}.${this.mac(claims.ticketId, claims.version).toString('base64url')}`;
  }

  /** The claims of a genuine code, or null for anything forged, altered or malformed. */
  verify(code: unknown): TicketCodeClaims | null {
    if (typeof code !== 'string' || code.length > 200) return null;
    const match = CODE.exec(code);
    if (!match) return null;
    const [, ticketId, versionText, signature] = match;
    const version = Number(versionText);
    const presented = Buffer.from(signature, 'base64url');
    const expected = this.mac(ticketId, version);
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
    return { ticketId, version };
  }

  private mac(ticketId: string, version: number): Buffer {
    return createHmac('sha256', this.key).update(`${PREFIX}\u0000${ticketId}\u0000${version}`).digest();
  }
}

/** From configuration: production requires TICKET_SIGNING_KEY; development generates one and says so. */
export const createTicketCodes = (config: { key?: string; production: boolean; logger: { warn(message: string): void } }): TicketCodes => {
  if (!config.key) {
    if (config.production) throw new Error('TICKET_SIGNING_KEY must be set in production');
    config.logger.warn('TICKET_SIGNING_KEY is not set: generated a development key; ticket codes will not survive a restart.');
    return new TicketCodes(randomBytes(MIN_TICKET_KEY_BYTES));
  }
  return new TicketCodes(Buffer.from(config.key, 'utf8'));
};

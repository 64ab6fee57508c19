import { createHmac } from 'node:crypto';
import { keyIdOf } from './key-ring';
import { createTicketCodes, TicketCodes } from './ticket-codes';

describe('ticket codes', () => {
  const codes = new TicketCodes(Buffer.alloc(32, 7));
  const ticketId = '0b6d2f0e-8d1c-4d8e-9b7a-1f2e3d4c5b6a';

  it('verifies a code it signed, without a lookup', () => {
    expect(codes.verify(codes.sign({ ticketId, version: 2 }))).toEqual({ ticketId, version: 2 });
  });

  it('refuses a code signed with another key', () => {
    const other = new TicketCodes(Buffer.alloc(32, 8));
    expect(codes.verify(other.sign({ ticketId, version: 1 }))).toBeNull();
  });

  it('refuses an altered ticket id or version', () => {
    const code = codes.sign({ ticketId, version: 1 });
    expect(codes.verify(code.replace('.1.', '.2.'))).toBeNull();
    expect(codes.verify(code.replace(ticketId, ticketId.replace('0b6d', '0b6e')))).toBeNull();
  });

  it.each(['', 'T1', 'T1...', 'garbage', 'T1.a.0.' + 'A'.repeat(43), 'T2.a.1.' + 'A'.repeat(43), 42, null, 'x'.repeat(500)])(
    'refuses the malformed code %p',
    (code) => {
      expect(codes.verify(code)).toBeNull();
    },
  );

  it('needs a key of at least 32 bytes, verification keys included', () => {
    expect(() => new TicketCodes(Buffer.alloc(16))).toThrow(/at least 32 bytes/);
    expect(() => new TicketCodes(Buffer.alloc(32, 1), [Buffer.alloc(31)])).toThrow(/at least 32 bytes/);
  });

  describe('key rotation', () => {
    const oldKey = Buffer.alloc(32, 7);
    const newKey = Buffer.alloc(32, 9);
    const before = new TicketCodes(oldKey);
    const rotating = new TicketCodes(newKey, [oldKey]);
    const after = new TicketCodes(newKey);
    const issued = before.sign({ ticketId, version: 1 });

    it('names the signing key in every code, by an id derived from the key', () => {
      expect(issued.split('.')[1]).toBe(keyIdOf('ticket', oldKey));
      expect(rotating.sign({ ticketId, version: 1 }).split('.')[1]).toBe(keyIdOf('ticket', newKey));
      expect(keyIdOf('ticket', oldKey)).toMatch(/^[A-Za-z0-9_-]{8}$/);
      expect(keyIdOf('ticket', oldKey)).not.toBe(keyIdOf('ticket', newKey));
    });

    it('still verifies codes of the old key while it is listed, and signs new ones with the new key', () => {
      expect(rotating.verify(issued)).toEqual({ ticketId, version: 1 });
      expect(rotating.keyId).toBe(keyIdOf('ticket', newKey));
      expect(before.verify(rotating.sign({ ticketId, version: 2 }))).toBeNull();
      expect(after.verify(rotating.sign({ ticketId, version: 2 }))).toEqual({ ticketId, version: 2 });
    });

    it('refuses the codes of a key once it is removed', () => {
      expect(after.verify(issued)).toBeNull();
    });

    it('refuses a code relabelled with the id of another key it holds', () => {
      const relabelled = issued.replace(keyIdOf('ticket', oldKey), keyIdOf('ticket', newKey));
      expect(rotating.verify(relabelled)).toBeNull();
    });

    it('verifies T1 codes, issued before key ids, against every key it holds', () => {
      const legacy = `T1.${ticketId}.3.${createHmac('sha256', oldKey).update(`T1\u0000${ticketId}\u00003`).digest('base64url')}`;
      expect(before.verify(legacy)).toEqual({ ticketId, version: 3 });
      expect(rotating.verify(legacy)).toEqual({ ticketId, version: 3 });
      expect(after.verify(legacy)).toBeNull();
    });

    it('takes the verification keys from configuration', () => {
      const codes = createTicketCodes({ key: 'n'.repeat(32), verificationKeys: ['o'.repeat(32)], production: true, logger: { warn: () => undefined } });
      expect(codes.verify(createTicketCodes({ key: 'o'.repeat(32), production: true, logger: { warn: () => undefined } }).sign({ ticketId, version: 1 }))).toEqual({ ticketId, version: 1 });
    });
  });
});

import { TicketCodes } from './ticket-codes';

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

  it('needs a key of at least 32 bytes', () => {
    expect(() => new TicketCodes(Buffer.alloc(16))).toThrow(/at least 32 bytes/);
  });
});

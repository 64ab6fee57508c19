import { AdmissionTokens } from './admission-tokens';
import { TicketCodes } from './ticket-codes';

describe('admission tokens', () => {
  const key = Buffer.from('admission-key-one-0123456789abcdefghij');
  const other = Buffer.from('admission-key-two-0123456789abcdefghij');
  const claims = { showId: 'show-1', userId: 'user-1', queueId: 'q-1', expiresAt: '2027-05-01T10:10:00.000Z' };

  it('verifies its own tokens: the account, the show, the place and the expiry come back', () => {
    const tokens = new AdmissionTokens(key);
    expect(tokens.verify(tokens.sign(claims))).toEqual(claims);
    // The same claims sign to the same token (a fan polling the place gets one token).
    expect(tokens.sign(claims)).toBe(tokens.sign(claims));
  });

  it('refuses anything altered, forged, malformed or signed by a key it does not hold', () => {
    const tokens = new AdmissionTokens(key);
    const token = tokens.sign(claims);
    expect(tokens.verify(token.replace('user-1', 'user-2'))).toBeNull();
    expect(tokens.verify(token.replace('show-1', 'show-2'))).toBeNull();
    expect(tokens.verify(`${token.slice(0, -2)}AA`)).toBeNull();
    expect(tokens.verify(new AdmissionTokens(other).sign(claims))).toBeNull();
    for (const bad of [undefined, '', 'A1', 42, 'x'.repeat(500), token.replace(/^A1/, 'T2')]) expect(tokens.verify(bad)).toBeNull();
  });

  it('rotates with the ticket keys: an older key still verifies what it signed, under a key id of its own purpose', () => {
    const before = AdmissionTokens.from(new TicketCodes(key));
    const after = AdmissionTokens.from(new TicketCodes(other, [key]));
    const token = before.sign(claims);
    expect(after.verify(token)).toEqual(claims);
    expect(token.split('.')[1]).not.toBe(new TicketCodes(key).keyId);
  });
});

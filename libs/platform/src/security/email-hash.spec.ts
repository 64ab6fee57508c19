import { createHash } from 'node:crypto';
import { emailStream } from '@tessera/contracts';
import { hashEmail } from './email-hash';

describe('hashEmail', () => {
  it('is the SHA-256 hex of the normalised address', () => {
    expect(hashEmail('ada@example.com')).toBe(createHash('sha256').update('ada@example.com').digest('hex'));
  });

  it('gives every spelling of one address the same reservation stream', () => {
    const streams = new Set([' Ada@Example.COM', 'ada@example.com', 'ADA@EXAMPLE.COM\t'].map((email) => emailStream(hashEmail(email))));
    expect(streams.size).toBe(1);
  });

  it('separates different addresses', () => {
    expect(hashEmail('ada@example.com')).not.toBe(hashEmail('ada@example.org'));
  });
});

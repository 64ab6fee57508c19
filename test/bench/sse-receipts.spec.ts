import { formatEvent } from '@tessera/platform/http/event-stream';
import { ISO_LENGTH, OCCURRED_AT_KEY, occurredAtMs, wholeMessagesEnd } from '../../bench/support/sse-receipts';

/** What bench:feeds' stream clients read of the server's messages, without parsing them. */
const message = (position: number, occurredAt: string): string =>
  formatEvent({ id: String(position), event: 'seat.held.v1', data: JSON.stringify({ id: `e-${position}`, position, type: 'seat.held.v1', stream: 's', occurredAt, data: { showId: 'x' } }) });

describe('bench:feeds receipts', () => {
  it.each(['2026-12-02T07:09:00.000Z', '2026-12-31T23:59:59.999Z', '2028-02-29T12:34:56.789Z', '1999-01-01T00:00:00.001Z'])('reads occurredAt %s as Date.parse does', (iso) => {
    const bytes = Buffer.from(message(1, iso));
    const at = bytes.indexOf(OCCURRED_AT_KEY) + OCCURRED_AT_KEY.length;
    expect(bytes.toString('latin1', at, at + ISO_LENGTH)).toBe(iso);
    expect(occurredAtMs(bytes, at)).toBe(Date.parse(iso));
  });

  it('falls back to Date.parse for a time in another form', () => {
    const bytes = Buffer.from('2026-12-02T08:09:00+01:00');
    expect(occurredAtMs(bytes, 0)).toBe(Date.parse('2026-12-02T08:09:00+01:0'));
    expect(occurredAtMs(Buffer.from('2026-12-02T07:09:00.000+0'), 0)).toBe(Date.parse('2026-12-02T07:09:00.000+0'));
  });

  it('finds where the whole messages of a chunk end, so a message cut between chunks is read once, whole', () => {
    const two = Buffer.from(message(1, '2026-12-02T07:09:00.000Z') + message(2, '2026-12-02T07:09:00.001Z'));
    expect(wholeMessagesEnd(two)).toBe(two.length);
    const cut = two.length - 10;
    expect(wholeMessagesEnd(two.subarray(0, cut))).toBe(Buffer.byteLength(message(1, '2026-12-02T07:09:00.000Z')));
    expect(wholeMessagesEnd(two.subarray(0, 20))).toBe(0);
  });
});

import { formatEvent } from '@tessera/platform/http/event-stream';
import { DelayHistogram, ISO_LENGTH, OCCURRED_AT_KEY, occurredAtMs, occurredAtsOf, ReceivedBlocks, wholeMessagesEnd } from '../../bench/support/sse-receipts';

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

describe('bench:feeds received blocks', () => {
  const times = ['2026-12-02T07:09:00.000Z', '2026-12-02T07:09:00.017Z', '2026-12-02T07:09:01.250Z'];
  const block = (first: number): Buffer => Buffer.from(times.map((iso, i) => message(first + i, iso)).join(''));

  it('reads every whole message\'s occurredAt, in order, and none past the end', () => {
    const bytes = block(1);
    expect(Array.from(occurredAtsOf(bytes, bytes.length))).toEqual(times.map((iso) => Date.parse(iso)));
    const end = wholeMessagesEnd(bytes.subarray(0, bytes.length - 5));
    expect(Array.from(occurredAtsOf(bytes, end))).toEqual(times.slice(0, 2).map((iso) => Date.parse(iso)));
    expect(occurredAtsOf(bytes, 0)).toHaveLength(0);
  });

  it('gives equal bytes the same answer and scans bytes that differ, even at the same length', () => {
    const blocks = new ReceivedBlocks();
    const first = blocks.occurredAts(block(1), block(1).length);
    expect(blocks.occurredAts(block(1), block(1).length)).toBe(first);
    // Positions 4-6 print as many digits as 1-3: same length, other bytes; change one time too.
    const other = Buffer.from(block(4).toString().replace('07:09:01.250Z', '07:09:01.251Z'));
    expect(other.length).toBe(block(1).length);
    expect(Array.from(blocks.occurredAts(other, other.length))).toEqual([times[0], times[1], '2026-12-02T07:09:01.251Z'].map((iso) => Date.parse(iso)));
    expect(Array.from(blocks.occurredAts(block(1), block(1).length))).toEqual(Array.from(first));
  });

  it('reads only the whole messages before end, and keeps its own copy of the bytes', () => {
    const blocks = new ReceivedBlocks();
    const bytes = block(1);
    const end = wholeMessagesEnd(bytes.subarray(0, bytes.length - 5));
    expect(blocks.occurredAts(bytes, end)).toHaveLength(2);
    // The caller's buffer is reused for other messages of the same length: the cache must not see them as its block.
    Buffer.from(block(1).toString().replace('07:09:00.017Z', '07:09:00.018Z')).copy(bytes);
    expect(Array.from(blocks.occurredAts(bytes, end))).toEqual([times[0], '2026-12-02T07:09:00.018Z'].map((iso) => Date.parse(iso)));
    const again = block(1);
    expect(Array.from(blocks.occurredAts(again, end))).toEqual(times.slice(0, 2).map((iso) => Date.parse(iso)));
    expect(blocks.occurredAts(again, again.length)).toHaveLength(3);
  });

  it('forgets the oldest block beyond its capacity, and answers it right when it comes back', () => {
    const blocks = new ReceivedBlocks(2);
    const a = blocks.occurredAts(block(1), block(1).length);
    blocks.occurredAts(block(4), block(4).length);
    blocks.occurredAts(block(7), block(7).length);
    const back = blocks.occurredAts(block(1), block(1).length);
    expect(back).not.toBe(a);
    expect(Array.from(back)).toEqual(Array.from(a));
  });
});

describe('bench:feeds delay histogram', () => {
  it('gives the quantiles and max a sorted list of the same delays gives', () => {
    const delays = Array.from({ length: 10_001 }, (_, i) => (i * 7919) % 523);
    const histogram = new DelayHistogram();
    for (const delay of delays) histogram.record(delay);
    const sorted = [...delays].sort((a, b) => a - b);
    for (const p of [0, 0.5, 0.9, 0.99, 0.999, 1]) expect(histogram.quantile(p)).toBe(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
    expect(histogram.max).toBe(522);
    expect(histogram.count).toBe(10_001);
    expect(new DelayHistogram().quantile(0.5)).toBeNaN();
  });
});

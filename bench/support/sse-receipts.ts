/**
 * What bench:feeds' stream clients (sse-clients.ts) read of each SSE message, cheaply: where the
 * whole messages of a chunk end, and each message's `occurredAt` as epoch ms straight from the
 * bytes (no decoding to a string, no JSON.parse, no Date.parse per message).
 */
export const OCCURRED_AT_KEY = Buffer.from('"occurredAt":"');
const DOUBLE_NEWLINE = Buffer.from('\n\n');

/** Where the whole messages of `bytes` end (after the last blank line), 0 when there is none yet. */
export const wholeMessagesEnd = (bytes: Buffer): number => {
  const length = bytes.length;
  if (length >= 2 && bytes[length - 1] === 10 && bytes[length - 2] === 10) return length;
  const blank = bytes.lastIndexOf(DOUBLE_NEWLINE);
  return blank === -1 ? 0 : blank + 2;
};

/** The length of `2026-12-02T07:09:00.000Z`, as Date#toISOString writes it. */
export const ISO_LENGTH = 24;

const digits = (bytes: Buffer, at: number, count: number): number => {
  let n = 0;
  for (let i = at; i < at + count; i++) n = n * 10 + bytes[i] - 48;
  return n;
};

/** Midnight UTC of each day seen, by yyyymmdd: the day part is the same for almost every message. */
const days = new Map<number, number>();

/** `YYYY-MM-DDTHH:MM:SS.mmmZ` at `at`, as epoch ms, without a string (Date.parse when it is not in that form). */
export const occurredAtMs = (bytes: Buffer, at: number): number => {
  if (bytes[at + 10] !== 84 /* T */ || bytes[at + 19] !== 46 /* . */ || bytes[at + 23] !== 90 /* Z */) return Date.parse(bytes.toString('latin1', at, at + ISO_LENGTH));
  const day = digits(bytes, at, 4) * 10000 + digits(bytes, at + 5, 2) * 100 + digits(bytes, at + 8, 2);
  let midnight = days.get(day);
  if (midnight === undefined) {
    midnight = Date.UTC(Math.floor(day / 10000), (Math.floor(day / 100) % 100) - 1, day % 100);
    days.set(day, midnight);
  }
  return midnight + digits(bytes, at + 11, 2) * 3_600_000 + digits(bytes, at + 14, 2) * 60_000 + digits(bytes, at + 17, 2) * 1000 + digits(bytes, at + 20, 3);
};

/**
 * The delays of a window (whole ms, as Date.now() and occurredAt give them) as counts per
 * millisecond up to a minute: recording one is an increment, and millions of them never make a
 * growing array for the clients' process to copy and collect while it measures (its pauses are
 * part of what it measures). Quantiles are exact: sorted[min(n − 1, ⌊p·n⌋)].
 */
export class DelayHistogram {
  private readonly counts = new Uint32Array(60_001);
  count = 0;
  max = -Infinity;

  record(ms: number): void {
    const bucket = ms <= 0 ? 0 : ms >= 60_000 ? 60_000 : Math.round(ms);
    this.counts[bucket] += 1;
    this.count += 1;
    if (ms > this.max) this.max = ms;
  }

  quantile(p: number): number {
    if (this.count === 0) return NaN;
    const rank = Math.min(this.count - 1, Math.floor(p * this.count));
    let seen = 0;
    for (let ms = 0; ms < this.counts.length; ms++) {
      seen += this.counts[ms];
      if (seen > rank) return ms;
    }
    return this.max;
  }
}

/** Every `occurredAt` (epoch ms) of the whole messages in bytes[0, end), in order. */
export const occurredAtsOf = (bytes: Buffer, end: number): Float64Array => {
  const found: number[] = [];
  for (let at = 0; ; ) {
    const key = bytes.indexOf(OCCURRED_AT_KEY, at);
    if (key === -1 || key >= end) break;
    const start = key + OCCURRED_AT_KEY.length;
    found.push(occurredAtMs(bytes, start));
    at = start + ISO_LENGTH;
  }
  return Float64Array.from(found);
};

/**
 * The `occurredAt`s of the last few distinct blocks of messages the clients received. The server
 * writes one flush to every client alike (the staff one block, the fans another), so a thousand
 * clients receive a few blocks a flush, each hundreds of times: the first client to get a block
 * finds its messages' `occurredAt` (occurredAtsOf, a scan of the bytes), and each one after it
 * only compares its bytes with that block (Buffer#equals, a memcmp of the whole block, so a
 * block that differs in any byte is scanned on its own). Every message's delay is still its own
 * `occurredAt` to its own receipt; only the scan is shared. Without it the scans were about 40%
 * of the clients' process, which shares the two cores with the server it measures. The arrays it
 * answers are shared between the clients that received the block: read them, do not change them.
 */
export class ReceivedBlocks {
  private readonly blocks: { bytes: Buffer; occurredAts: Float64Array }[] = [];

  constructor(private readonly capacity = 16) {}

  /** The `occurredAt`s of the whole messages in bytes[0, end). */
  occurredAts(bytes: Buffer, end: number): Float64Array {
    const whole = end === bytes.length ? bytes : bytes.subarray(0, end);
    for (const block of this.blocks) if (block.bytes.length === end && block.bytes.equals(whole)) return block.occurredAts;
    const occurredAts = occurredAtsOf(whole, whole.length);
    // A copy: the caller may reuse or concatenate into its buffer. Newest first: the blocks of
    // the current flush are met again at once.
    this.blocks.unshift({ bytes: Buffer.from(whole), occurredAts });
    if (this.blocks.length > this.capacity) this.blocks.pop();
    return occurredAts;
  }
}

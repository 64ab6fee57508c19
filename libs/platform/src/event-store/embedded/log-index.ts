/**
 * In-memory indexes of the durable part of the log, rebuilt by the start-up scan: where each
 * position sits in the file, and which positions each stream holds. Payloads stay on disk; for a
 * million events this is about 12 MB of typed arrays plus one entry per stream. Most streams are
 * short (a seat, a booking, a ticket: one to three events), so a stream's positions are a plain
 * number while it has one event and an array sized to fit after that: an array grown by `push`
 * from empty reserves 17 slots, about 150 bytes per stream that were never used.
 */
/** Streams up to this many events keep their positions in an array of exactly that size. */
const SHORT_STREAM = 16;

export class LogIndex {
  private offsets = new Float64Array(1024);
  private lengths = new Uint32Array(1024);
  /** Positions by revision: the position itself while the stream has one event. */
  private readonly streams = new Map<string, number | number[]>();
  private head = 0;
  /** Position ranges a log repair removed: never handed out again, and held by no event. */
  private readonly lost: Array<{ from: number; to: number }> = [];

  /** Position of the newest durable event; 0 for an empty log. */
  get headPosition(): number {
    return this.head;
  }

  get streamCount(): number {
    return this.streams.size;
  }

  /** Records a durable event. Positions arrive in order, revisions contiguous per stream. */
  add(stream: string, revision: number, position: number, offset: number, length: number): void {
    if (position !== this.head + 1) throw new Error(`log index: position ${position} after ${this.head}`);
    const positions = this.streams.get(stream);
    const count = positions === undefined ? 0 : typeof positions === 'number' ? 1 : positions.length;
    if (revision !== count) {
      throw new Error(`log index: ${stream} revision ${revision} after ${count - 1}`);
    }
    if (positions === undefined) this.streams.set(stream, position);
    else if (typeof positions === 'number') this.streams.set(stream, [positions, position]);
    // Short arrays are copied to their exact size; long ones grow as arrays do.
    else if (positions.length < SHORT_STREAM) this.streams.set(stream, [...positions, position]);
    else positions.push(position);
    if (position > this.offsets.length) this.grow();
    this.offsets[position - 1] = offset;
    this.lengths[position - 1] = length;
    this.head = position;
  }

  /**
   * Skips the positions up to `to`, which a log repair removed: they stay empty (zero-length
   * entries at `offset`, where the next event begins), so positions are never handed out twice.
   */
  skipTo(to: number, offset: number): void {
    if (to <= this.head) return;
    while (to > this.offsets.length) this.grow();
    this.offsets.fill(offset, this.head, to);
    this.lengths.fill(0, this.head, to);
    this.lost.push({ from: this.head + 1, to });
    this.head = to;
  }

  /** Whether `position` was removed by a log repair (it holds no event). */
  isLost(position: number): boolean {
    return this.lost.some((range) => position >= range.from && position <= range.to);
  }

  /** Whether `position` holds an event (false for a removed one). */
  holdsEvent(position: number): boolean {
    return position >= 1 && position <= this.head && this.lengths[position - 1] > 0;
  }

  offsetOf(position: number): number {
    return this.offsets[position - 1];
  }

  lengthOf(position: number): number {
    return this.lengths[position - 1];
  }

  /** End of the durable bytes of `position` in the file. */
  endOf(position: number): number {
    return this.offsets[position - 1] + this.lengths[position - 1];
  }

  /** Last durable revision of a stream, -1 when it has none. */
  lastRevision(stream: string): number {
    const positions = this.streams.get(stream);
    return positions === undefined ? -1 : typeof positions === 'number' ? 0 : positions.length - 1;
  }

  /** Positions of a stream by revision (index = revision). Do not mutate. */
  positionsOf(stream: string): readonly number[] {
    const positions = this.streams.get(stream);
    return positions === undefined ? [] : typeof positions === 'number' ? [positions] : positions;
  }

  private grow(): void {
    const capacity = this.offsets.length * 2;
    const offsets = new Float64Array(capacity);
    offsets.set(this.offsets);
    const lengths = new Uint32Array(capacity);
    lengths.set(this.lengths);
    this.offsets = offsets;
    this.lengths = lengths;
  }
}

/**
 * Recently appended event ids per stream, for idempotent re-appends. Like KurrentDB's, it is
 * bounded: exact-revision retries fall back to reading the events from disk, while `any` retries
 * are recognised only while their ids are still in the cache (best effort, as in KurrentDB).
 */
export class RecentEventIds {
  private readonly entries = new Map<string, { revision: number; position: number; slot: number }>();
  /**
   * Keys in the order they were remembered. Evicting through a ring, not through
   * `Map.keys().next()`: after many deletes V8 walks every deleted slot to find the first key.
   */
  private readonly ring: Array<string | undefined>;
  private next = 0;

  constructor(capacity: number) {
    this.ring = new Array<string | undefined>(Math.max(1, capacity));
  }

  remember(stream: string, id: string, revision: number, position: number): void {
    const key = `${stream}\n${id}`;
    const slot = this.next;
    this.next = (slot + 1) % this.ring.length;
    const evicted = this.ring[slot];
    if (evicted !== undefined && this.entries.get(evicted)?.slot === slot) this.entries.delete(evicted);
    this.ring[slot] = key;
    this.entries.set(key, { revision, position, slot });
  }

  find(stream: string, id: string): { revision: number; position: number } | undefined {
    return this.entries.get(`${stream}\n${id}`);
  }

  /** Forgets the ids of events after `position`: they were queued, and never written. */
  forgetAfter(position: number): void {
    for (const [key, entry] of this.entries) if (entry.position > position) this.entries.delete(key);
  }
}

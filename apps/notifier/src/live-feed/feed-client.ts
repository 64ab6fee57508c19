import type { EventStream } from '@tessera/platform/http/event-stream';
import type { FeedBatch, FeedEntry } from './feed-entry';
import type { FeedFilter } from './feed-filter';

/** Who is watching: staff and admin see every event; a fan sees what fan-view.ts lets through. */
export interface Viewer {
  userId: string;
  staff: boolean;
  /** The token epoch the stream token carried: a sign-out or role change since ends the stream. */
  epoch: number;
}

export type CutReason = 'slow' | 'shutdown' | 'revoked';

/**
 * One connected client of the live stream. It first replays the log after its Last-Event-ID
 * (live events meanwhile wait in a queue), then goes live. Every message it sends is past the
 * last one it sent (`lastSent`), so the hand-over from replay to live neither repeats nor skips.
 * What waits for it, queued or in the socket's buffer, is bounded in bytes: past the bound the
 * client is cut and resumes with Last-Event-ID.
 */
export class FeedClient {
  /** Position of the last message sent (or the point it resumes after). */
  lastSent: number;
  private queue: { position: number; frame: Buffer }[] | undefined;
  private queuedBytes = 0;

  constructor(
    readonly stream: EventStream,
    readonly viewer: Viewer,
    private readonly filter: FeedFilter,
    private readonly maxBufferBytes: number,
    private readonly cut: (client: FeedClient, reason: CutReason) => void,
    after: number,
  ) {
    this.lastSent = after;
  }

  get closed(): boolean {
    return this.stream.closed;
  }

  /** Bytes waiting to reach the client: queued during a replay, plus the socket's own buffer. */
  get pendingBytes(): number {
    return this.queuedBytes + this.stream.pendingBytes;
  }

  /** The event types this client can receive at all: what its replay reads of the log. */
  replayTypes(types: readonly string[]): string[] {
    // Fans never see show events (fan-view.ts); seat, booking and ticket events may be theirs.
    return types.filter((type) => this.filter.acceptsType(type) && (this.viewer.staff || !type.startsWith('show.')));
  }

  /** This client's message for the entry, or undefined when it may not or does not want to see it. */
  frameFor(entry: FeedEntry): Buffer | undefined {
    if (!this.filter.accepts(entry.type, entry.showId)) return undefined;
    if (this.viewer.staff) return entry.staffFrame;
    return entry.ownerFrames?.get(this.viewer.userId) ?? entry.everyFanFrame;
  }

  /** From now until `goLive`, live entries wait in the queue (the replay writes directly). */
  startReplay(): void {
    this.queue = [];
  }

  /** Writes one replayed message; false when the socket's buffer is full (wait for drain). */
  writeReplayed(entry: FeedEntry, frame: Buffer): boolean {
    if (entry.position <= this.lastSent) return true;
    this.lastSent = entry.position;
    return this.stream.write(frame);
  }

  /** Sends what queued up during the replay, then takes live entries directly. */
  goLive(): number {
    const queued = this.queue ?? [];
    this.queue = undefined;
    this.queuedBytes = 0;
    return this.sendFrames(queued);
  }

  /** Live entries of one batch, in position order. Returns how many messages were sent. */
  deliver(batch: FeedBatch): number {
    if (this.closed) return 0;
    const { entries } = batch;
    if (this.queue) {
      for (const entry of entries) {
        const frame = this.frameFor(entry);
        if (!frame) continue;
        this.queue.push({ position: entry.position, frame });
        this.queuedBytes += frame.length;
      }
      if (this.pendingBytes > this.maxBufferBytes) this.cut(this, 'slow');
      return 0;
    }
    // The common case: the batch's shared buffer, one write.
    if (this.filter.everything && this.lastSent < batch.first) {
      if (this.viewer.staff) return this.sendShared(batch.staffFrames, entries.length, batch.last);
      if (!batch.owners.has(this.viewer.userId)) {
        const { frames, count } = batch.everyFanFrames;
        return this.sendShared(frames, count, batch.last);
      }
    }
    const frames: { position: number; frame: Buffer }[] = [];
    for (const entry of entries) {
      const frame = this.frameFor(entry);
      if (frame) frames.push({ position: entry.position, frame });
    }
    return this.sendFrames(frames);
  }

  private sendShared(frames: Buffer, count: number, last: number): number {
    this.lastSent = last;
    if (count === 0) return 0;
    this.stream.write(frames);
    if (this.pendingBytes > this.maxBufferBytes) this.cut(this, 'slow');
    return count;
  }

  private sendFrames(frames: readonly { position: number; frame: Buffer }[]): number {
    if (frames.length === 0 || this.closed) return 0;
    let sent = 0;
    // One write to the socket for the whole batch.
    this.stream.writeTogether(() => {
      for (const { position, frame } of frames) {
        if (position <= this.lastSent) continue;
        this.lastSent = position;
        this.stream.write(frame);
        sent += 1;
      }
    });
    if (this.pendingBytes > this.maxBufferBytes) this.cut(this, 'slow');
    return sent;
  }
}

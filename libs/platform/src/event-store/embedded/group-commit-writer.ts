import type { EncodedFrame } from './record-codec';
import type { LogFile } from './log-file';

/**
 * Group commit: appends that arrive while a write + fdatasync is in flight wait in a queue and
 * are then written together, one write and one fdatasync for the whole batch. A submitted frame
 * is acknowledged only once its bytes are durable. A null frame is a barrier: it carries no bytes
 * and resolves once everything submitted before it is durable.
 *
 * A failed write or fsync leaves the file in an unknown state (Linux may drop the dirty pages
 * and report the error only once), so the writer fails for good and the store must be reopened,
 * which rescans and truncates to the last valid frame.
 */

export interface DurableFrame {
  frame: EncodedFrame;
  /** File offset of the frame's first byte. */
  offset: number;
}

interface Submission {
  frame: EncodedFrame | null;
  resolve: () => void;
  reject: (error: Error) => void;
}

export interface WriterStats {
  /** write + fdatasync rounds. */
  syncs: number;
  frames: number;
  bytes: number;
}

export class LogWriteFailedError extends Error {
  constructor(cause: unknown) {
    super(`event log write failed; reopen the store to recover: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'LogWriteFailedError';
  }
}

export class GroupCommitWriter {
  private queue: Submission[] = [];
  private flushing = false;
  private scheduled = false;
  private failure: Error | undefined;
  private idle: Array<() => void> = [];
  readonly stats: WriterStats = { syncs: 0, frames: 0, bytes: 0 };

  /** `onDurable` runs for each batch before its appends are acknowledged (index, wake readers). */
  constructor(
    private readonly file: LogFile,
    private readonly onDurable: (frames: DurableFrame[]) => void,
  ) {}

  get failed(): Error | undefined {
    return this.failure;
  }

  submit(frame: EncodedFrame | null): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ frame, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves once every submitted frame is durable (or failed). */
  drain(): Promise<void> {
    if (!this.flushing && !this.scheduled && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.flushing || this.scheduled) return;
    this.scheduled = true;
    // setImmediate, not a microtask: appenders woken by the previous batch get to enqueue first,
    // so they share the next fsync.
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    while (this.queue.length > 0 && !this.failure) {
      const batch = this.queue;
      this.queue = [];
      const frames = batch.filter((s) => s.frame !== null).map((s) => (s.frame as EncodedFrame).bytes);
      try {
        const durable: DurableFrame[] = [];
        if (frames.length > 0) {
          const bytes = frames.length === 1 ? frames[0] : Buffer.concat(frames);
          let offset = await this.file.appendDurably(bytes);
          this.stats.syncs++;
          this.stats.frames += frames.length;
          this.stats.bytes += bytes.length;
          for (const submission of batch) {
            if (!submission.frame) continue;
            durable.push({ frame: submission.frame, offset });
            offset += submission.frame.bytes.length;
          }
          this.onDurable(durable);
        }
        for (const submission of batch) submission.resolve();
      } catch (error) {
        this.failure = new LogWriteFailedError(error);
        for (const submission of batch) submission.reject(this.failure);
      }
    }
    if (this.failure) {
      for (const submission of this.queue) submission.reject(this.failure);
      this.queue = [];
    }
    this.flushing = false;
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
  }
}

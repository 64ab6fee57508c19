import { Logger } from '@nestjs/common';
import { StorageUnavailableError } from '../event-store.port';
import type { EncodedFrame } from './record-codec';
import type { LogFile } from './log-file';

/**
 * Group commit: appends that arrive while a write + fdatasync is in flight wait in a queue and
 * are then written together, one write and one fdatasync for the whole batch. A submitted frame
 * is acknowledged only once its bytes are durable. A null frame is a barrier: it carries no bytes
 * and resolves once everything submitted before it is durable.
 *
 * A failed write or fdatasync (disk full, I/O error) makes the log unwritable for a while: the
 * failed batch and everything queued after it are refused with StorageUnavailableError (none of
 * it was acknowledged, so `onLost` lets the store hand their positions out again), and so is
 * every submission until the writer has recovered. Recovery runs on a timer with a backoff: it
 * cuts the file back to the durable end, proves that a write and an fdatasync succeed there
 * again (LogFile.discardUndurable), and only then lets writes through. Nothing after a failure is
 * trusted or synced again, whatever the kernel did with the dirty pages.
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
  /** Times the log became unwritable. */
  outages: number;
}

export interface WriterRetryOptions {
  /** Delay before the first recovery attempt after a failure. Default 1000 ms. */
  initialMs?: number;
  /** The delay doubles after every failed attempt, up to this. Default 5000 ms. */
  maxMs?: number;
  /** Bytes a recovery attempt writes and syncs (then cuts off) to prove the log can write. Default 64 KiB. */
  probeBytes?: number;
}

/** A bug, not a storage fault: `onDurable` threw for bytes already durable. The store must be reopened. */
export class LogWriteFailedError extends Error {
  constructor(cause: unknown) {
    super(`event log writer failed; reopen the store to recover: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'LogWriteFailedError';
  }
}

interface Outage {
  cause: Error;
  since: number;
  attempts: number;
  nextAttemptAt: number;
  timer: NodeJS.Timeout | undefined;
}

export class GroupCommitWriter {
  private readonly logger = new Logger('EventLog');
  private queue: Submission[] = [];
  private flushing = false;
  private scheduled = false;
  private failure: Error | undefined;
  private outage: Outage | undefined;
  private closed = false;
  private recovering: Promise<void> | undefined;
  private idle: Array<() => void> = [];
  private readonly initialMs: number;
  private readonly maxMs: number;
  private readonly probeBytes: number;
  readonly stats: WriterStats = { syncs: 0, frames: 0, bytes: 0, outages: 0 };

  /**
   * `onDurable` runs for each batch before its appends are acknowledged (index, wake readers).
   * `onLost` runs when a failure refuses every frame not yet durable, before they are rejected.
   */
  constructor(
    private readonly file: LogFile,
    private readonly onDurable: (frames: DurableFrame[]) => void,
    private readonly onLost: () => void,
    retry: WriterRetryOptions = {},
    private readonly onSync?: (sync: { appends: number; bytes: number; seconds: number }) => void,
  ) {
    this.initialMs = retry.initialMs ?? 1000;
    this.maxMs = retry.maxMs ?? 5000;
    this.probeBytes = retry.probeBytes ?? 64 * 1024;
  }

  get failed(): Error | undefined {
    return this.failure;
  }

  /** Throws StorageUnavailableError while the log cannot write. */
  assertWritable(): void {
    if (this.outage) throw this.unavailable(this.outage);
  }

  submit(frame: EncodedFrame | null): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.outage) return Promise.reject(this.unavailable(this.outage));
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

  /** Stops recovery attempts and waits for one in progress (it swaps the file handle); call after the last drain. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.outage?.timer) clearTimeout(this.outage.timer);
    await this.recovering;
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
    while (this.queue.length > 0 && !this.failure && !this.outage) {
      const batch = this.queue;
      this.queue = [];
      const frames = batch.filter((s) => s.frame !== null).map((s) => (s.frame as EncodedFrame).bytes);
      if (frames.length > 0) {
        const bytes = frames.length === 1 ? frames[0] : Buffer.concat(frames);
        let offset: number;
        const started = performance.now();
        try {
          offset = await this.file.appendDurably(bytes);
        } catch (error) {
          this.fail(error, batch);
          break;
        }
        this.stats.syncs++;
        this.stats.frames += frames.length;
        this.stats.bytes += bytes.length;
        this.onSync?.({ appends: frames.length, bytes: bytes.length, seconds: (performance.now() - started) / 1000 });
        const durable: DurableFrame[] = [];
        for (const submission of batch) {
          if (!submission.frame) continue;
          durable.push({ frame: submission.frame, offset });
          offset += submission.frame.bytes.length;
        }
        try {
          this.onDurable(durable);
        } catch (error) {
          this.failure = new LogWriteFailedError(error);
          for (const submission of [...batch, ...this.queue]) submission.reject(this.failure);
          this.queue = [];
          break;
        }
      }
      for (const submission of batch) submission.resolve();
    }
    this.flushing = false;
    const idle = this.idle;
    this.idle = [];
    for (const resolve of idle) resolve();
  }

  /** The batch in flight failed: refuse it and everything queued after it, and start recovering. */
  private fail(error: unknown, batch: Submission[]): void {
    const cause = error instanceof Error ? error : new Error(String(error));
    const now = Date.now();
    this.outage = { cause, since: now, attempts: 0, nextAttemptAt: now + this.initialMs, timer: undefined };
    this.stats.outages++;
    const refused = [...batch, ...this.queue];
    this.queue = [];
    // First forget what was never acknowledged, so that an appender retrying on the rejection
    // finds the store as the durable log left it.
    this.onLost();
    const unavailable = this.unavailable(this.outage);
    for (const submission of refused) submission.reject(unavailable);
    this.logger.error(
      { err: cause, path: this.file.path, durableEnd: this.file.size, refused: refused.length },
      'event log write failed; writes are refused until it can write again',
    );
    // The first attempt runs at once: it begins by cutting the refused bytes off the file, which
    // must not outlive a crash in the meantime. Later attempts back off.
    this.scheduleRecovery(this.outage, 0);
  }

  private scheduleRecovery(outage: Outage, delayMs = Math.max(0, outage.nextAttemptAt - Date.now())): void {
    if (this.closed) return;
    outage.timer = setTimeout(() => {
      this.recovering = this.recover(outage).finally(() => (this.recovering = undefined));
    }, delayMs);
    outage.timer.unref();
  }

  private async recover(outage: Outage): Promise<void> {
    outage.timer = undefined;
    if (this.closed || this.outage !== outage) return;
    try {
      await this.file.discardUndurable(this.probeBytes);
    } catch (error) {
      outage.attempts++;
      outage.cause = error instanceof Error ? error : new Error(String(error));
      outage.nextAttemptAt = Date.now() + Math.min(this.maxMs, this.initialMs * 2 ** outage.attempts);
      if (outage.attempts === 1 || outage.attempts % 60 === 0) {
        this.logger.warn({ err: outage.cause, attempts: outage.attempts }, 'event log still cannot write');
      }
      this.scheduleRecovery(outage);
      return;
    }
    this.outage = undefined;
    this.logger.log({ path: this.file.path, unwritableMs: Date.now() - outage.since }, 'event log can write again; writes resume');
  }

  private unavailable(outage: Outage): StorageUnavailableError {
    const retryAfterSeconds = Math.max(1, Math.ceil((outage.nextAttemptAt - Date.now()) / 1000));
    const reason = (outage.cause as NodeJS.ErrnoException).code ?? outage.cause.message;
    return new StorageUnavailableError(
      `the event log cannot write (${reason}) since ${new Date(outage.since).toISOString()}; next attempt in ${retryAfterSeconds} s`,
      retryAfterSeconds,
      { cause: outage.cause },
    );
  }
}

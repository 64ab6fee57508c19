import type { FileHandle } from 'node:fs/promises';
import { fileWriteOps, type LogWriteOps } from '../event-store/embedded/log-file';

/**
 * For tests: the embedded log's real file operations (EmbeddedEventStore option `writeOps`), with
 * faults to arm by setting a field to an errno code, as a full disk or a failing device answers.
 */

const errno = (code: string, op: string): NodeJS.ErrnoException =>
  Object.assign(new Error(`${code}: injected failure, ${op}`), { code });

/** Real file operations, with faults to arm: a short write then an error, a failed fdatasync or truncate. */
export class FaultyWriteOps implements LogWriteOps {
  writeFault: string | undefined;
  datasyncFault: string | undefined;
  truncateFault: string | undefined;
  /** While set, a write waits for it before doing anything, so appends can queue behind it. */
  gate: Promise<void> | undefined;
  writeStarted: (() => void) | undefined;
  /** The same for truncates (the first step of a recovery). */
  truncateGate: Promise<void> | undefined;
  truncateStarted: (() => void) | undefined;
  private halfWritten = false;
  calls = { write: 0, datasync: 0, truncate: 0 };

  async write(handle: FileHandle, buf: Buffer, offset: number, length: number, position: number): Promise<{ bytesWritten: number }> {
    this.calls.write++;
    this.writeStarted?.();
    if (this.gate) await this.gate;
    if (this.writeFault) {
      // As a full disk does: part of the bytes land, then the next write fails.
      if (!this.halfWritten && length > 1) {
        this.halfWritten = true;
        return fileWriteOps.write(handle, buf, offset, Math.floor(length / 2), position);
      }
      this.halfWritten = false;
      throw errno(this.writeFault, 'write');
    }
    return fileWriteOps.write(handle, buf, offset, length, position);
  }

  async datasync(handle: FileHandle): Promise<void> {
    this.calls.datasync++;
    if (this.datasyncFault) throw errno(this.datasyncFault, 'fdatasync');
    return fileWriteOps.datasync(handle);
  }

  async truncate(handle: FileHandle, length: number): Promise<void> {
    this.calls.truncate++;
    this.truncateStarted?.();
    if (this.truncateGate) await this.truncateGate;
    if (this.truncateFault) throw errno(this.truncateFault, 'ftruncate');
    return fileWriteOps.truncate(handle, length);
  }
}

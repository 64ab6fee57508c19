"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get GroupCommitWriter () {
        return GroupCommitWriter;
    },
    get LogWriteFailedError () {
        return LogWriteFailedError;
    }
});
const _common = require("@nestjs/common");
const _eventstoreport = require("../event-store.port");
let LogWriteFailedError = class LogWriteFailedError extends Error {
    constructor(cause){
        super(`event log writer failed; reopen the store to recover: ${cause?.message ?? String(cause)}`, {
            cause
        });
        this.name = 'LogWriteFailedError';
    }
};
let GroupCommitWriter = class GroupCommitWriter {
    /**
   * `onDurable` runs for each batch before its appends are acknowledged (index, wake readers).
   * `onLost` runs when a failure refuses every frame not yet durable, before they are rejected.
   */ constructor(file, onDurable, onLost, retry = {}, onSync){
        this.file = file;
        this.onDurable = onDurable;
        this.onLost = onLost;
        this.onSync = onSync;
        this.logger = new _common.Logger('EventLog');
        this.queue = [];
        this.flushing = false;
        this.scheduled = false;
        this.closed = false;
        this.idle = [];
        this.stats = {
            syncs: 0,
            frames: 0,
            bytes: 0,
            outages: 0
        };
        this.initialMs = retry.initialMs ?? 1000;
        this.maxMs = retry.maxMs ?? 5000;
        this.probeBytes = retry.probeBytes ?? 64 * 1024;
    }
    get failed() {
        return this.failure;
    }
    /** Throws StorageUnavailableError while the log cannot write. */ assertWritable() {
        if (this.outage) throw this.unavailable(this.outage);
    }
    submit(frame) {
        if (this.failure) return Promise.reject(this.failure);
        if (this.outage) return Promise.reject(this.unavailable(this.outage));
        return new Promise((resolve, reject)=>{
            this.queue.push({
                frame,
                resolve,
                reject
            });
            this.schedule();
        });
    }
    /** Resolves once every submitted frame is durable (or failed). */ drain() {
        if (!this.flushing && !this.scheduled && this.queue.length === 0) return Promise.resolve();
        return new Promise((resolve)=>this.idle.push(resolve));
    }
    /** Stops recovery attempts and waits for one in progress (it swaps the file handle); call after the last drain. */ async close() {
        this.closed = true;
        if (this.outage?.timer) clearTimeout(this.outage.timer);
        await this.recovering;
    }
    schedule() {
        if (this.flushing || this.scheduled) return;
        this.scheduled = true;
        // setImmediate, not a microtask: appenders woken by the previous batch get to enqueue first,
        // so they share the next fsync.
        setImmediate(()=>{
            this.scheduled = false;
            void this.flush();
        });
    }
    async flush() {
        this.flushing = true;
        while(this.queue.length > 0 && !this.failure && !this.outage){
            const batch = this.queue;
            this.queue = [];
            const frames = batch.filter((s)=>s.frame !== null).map((s)=>s.frame.bytes);
            if (frames.length > 0) {
                const bytes = frames.length === 1 ? frames[0] : Buffer.concat(frames);
                let offset;
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
                this.onSync?.({
                    appends: frames.length,
                    bytes: bytes.length,
                    seconds: (performance.now() - started) / 1000
                });
                const durable = [];
                for (const submission of batch){
                    if (!submission.frame) continue;
                    durable.push({
                        frame: submission.frame,
                        offset
                    });
                    offset += submission.frame.bytes.length;
                }
                try {
                    this.onDurable(durable);
                } catch (error) {
                    this.failure = new LogWriteFailedError(error);
                    for (const submission of [
                        ...batch,
                        ...this.queue
                    ])submission.reject(this.failure);
                    this.queue = [];
                    break;
                }
            }
            for (const submission of batch)submission.resolve();
        }
        this.flushing = false;
        const idle = this.idle;
        this.idle = [];
        for (const resolve of idle)resolve();
    }
    /** The batch in flight failed: refuse it and everything queued after it, and start recovering. */ fail(error, batch) {
        const cause = error instanceof Error ? error : new Error(String(error));
        const now = Date.now();
        this.outage = {
            cause,
            since: now,
            attempts: 0,
            nextAttemptAt: now + this.initialMs,
            timer: undefined
        };
        this.stats.outages++;
        const refused = [
            ...batch,
            ...this.queue
        ];
        this.queue = [];
        // First forget what was never acknowledged, so that an appender retrying on the rejection
        // finds the store as the durable log left it.
        this.onLost();
        const unavailable = this.unavailable(this.outage);
        for (const submission of refused)submission.reject(unavailable);
        this.logger.error({
            err: cause,
            path: this.file.path,
            durableEnd: this.file.size,
            refused: refused.length
        }, 'event log write failed; writes are refused until it can write again');
        // The first attempt runs at once: it begins by cutting the refused bytes off the file, which
        // must not outlive a crash in the meantime. Later attempts back off.
        this.scheduleRecovery(this.outage, 0);
    }
    scheduleRecovery(outage, delayMs = Math.max(0, outage.nextAttemptAt - Date.now())) {
        if (this.closed) return;
        outage.timer = setTimeout(()=>{
            this.recovering = this.recover(outage).finally(()=>this.recovering = undefined);
        }, delayMs);
        outage.timer.unref();
    }
    async recover(outage) {
        outage.timer = undefined;
        if (this.closed || this.outage !== outage) return;
        try {
            await this.file.discardUndurable(this.probeBytes);
        } catch (error) {
            outage.attempts++;
            outage.cause = error instanceof Error ? error : new Error(String(error));
            outage.nextAttemptAt = Date.now() + Math.min(this.maxMs, this.initialMs * 2 ** outage.attempts);
            if (outage.attempts === 1 || outage.attempts % 60 === 0) {
                this.logger.warn({
                    err: outage.cause,
                    attempts: outage.attempts
                }, 'event log still cannot write');
            }
            this.scheduleRecovery(outage);
            return;
        }
        this.outage = undefined;
        this.logger.log({
            path: this.file.path,
            unwritableMs: Date.now() - outage.since
        }, 'event log can write again; writes resume');
    }
    unavailable(outage) {
        const retryAfterSeconds = Math.max(1, Math.ceil((outage.nextAttemptAt - Date.now()) / 1000));
        const reason = outage.cause.code ?? outage.cause.message;
        return new _eventstoreport.StorageUnavailableError(`the event log cannot write (${reason}) since ${new Date(outage.since).toISOString()}; next attempt in ${retryAfterSeconds} s`, retryAfterSeconds, {
            cause: outage.cause
        });
    }
};

//# sourceMappingURL=group-commit-writer.js.map
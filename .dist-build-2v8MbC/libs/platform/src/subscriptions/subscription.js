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
    get Subscription () {
        return Subscription;
    },
    get readStoreCheckpoint () {
        return readStoreCheckpoint;
    }
});
const _common = require("@nestjs/common");
const _promclient = require("prom-client");
const readStoreCheckpoint = (reads, name)=>({
        load: ()=>reads.getCheckpoint(name),
        save: (position)=>reads.saveCheckpoint(name, position)
    });
const DEFAULTS = {
    maxBatch: 500,
    retry: {
        attempts: 3,
        firstDelayMs: 100,
        maxDelayMs: 2000
    },
    restart: {
        firstDelayMs: 200,
        maxDelayMs: 10_000
    }
};
const asError = (error)=>error instanceof Error ? error : new Error(String(error));
let Subscription = class Subscription {
    constructor(options, dependencies){
        this.options = options;
        this.state = 'idle';
        this.handled = 0;
        this.saved = null;
        this.sinceSave = 0;
        this.restarts = 0;
        this.stopping = false;
        this.live = false;
        this.pending = [];
        /** Events of the batch being handled. */ this.inHand = 0;
        this.flushScheduled = false;
        this.chain = Promise.resolve();
        this.wakers = new Set();
        this.listeners = new Set();
        this.waiters = new Set();
        this.caughtUpOnce = false;
        this.logger = new _common.Logger(`Subscription:${options.name}`);
        this.events = dependencies.events;
        const { checkpoint } = options;
        if (typeof checkpoint === 'string') {
            if (!dependencies.reads) throw new Error(`subscription ${options.name}: a named checkpoint needs the read store`);
            this.checkpoints = readStoreCheckpoint(dependencies.reads, checkpoint);
        } else {
            this.checkpoints = checkpoint;
        }
        this.retry = {
            ...DEFAULTS.retry,
            ...options.retry
        };
        this.restart = {
            ...DEFAULTS.restart,
            ...options.restart
        };
        this.restartDelay = this.restart.firstDelayMs;
        this.maxBatch = options.maxBatch ?? DEFAULTS.maxBatch;
        this.caughtUp = new Promise((resolve)=>this.markCaughtUp = resolve);
        if (dependencies.metrics) this.instruments = instrumentsOf(dependencies.metrics.registry, this);
        dependencies.health?.register(options.name, ()=>this.readiness());
    }
    get name() {
        return this.options.name;
    }
    /** The last handled position: every event of interest up to it has been handled. */ get position() {
        return this.handled;
    }
    get status() {
        return {
            state: this.state,
            position: this.handled,
            checkpoint: this.saved,
            restarts: this.restarts,
            lastError: this.lastError?.message
        };
    }
    /**
   * Loads the checkpoint (or joins the group) and starts reading in the background. Rejects when
   * the checkpoint cannot be read, so an app does not start on a store it cannot use.
   */ async start() {
        if (this.running) return;
        this.stopping = false;
        if (this.options.group) {
            const { name, from, maxRetries, messageTimeoutMs } = this.options.group;
            const ensured = await this.events.ensureConsumerGroup(name, {
                filter: this.options.filter,
                from: from ?? 'start',
                maxRetries,
                messageTimeoutMs,
                strategy: 'pinned-by-stream'
            });
            if (ensured.outcome === 'created') this.logger.log(`consumer group "${name}" created`);
            else if (ensured.outcome !== 'unchanged') {
                // A deployment that changed what the group reads or how: say so once, at start.
                this.logger.log(`consumer group "${name}" ${ensured.outcome} from its checkpoint: its ${ensured.changes.join(', ')} changed`);
            }
        } else {
            await this.loadCheckpoint();
        }
        this.running = this.run();
    }
    /** Stops reading, hands over what was already read, saves the checkpoint. Idempotent. */ async stop() {
        this.stopping = true;
        for (const wake of this.wakers)wake();
        await this.source?.close().catch(()=>undefined);
        await this.running;
        this.running = undefined;
        await this.chain;
        if (this.saveTimer) clearTimeout(this.saveTimer);
        this.saveTimer = undefined;
        await this.save();
        this.state = 'stopped';
        this.markCaughtUp();
        // Nothing will handle these any more: their callers hear it rather than wait for ever.
        for (const waiter of this.waiters)waiter.reject(stoppedBefore(this.name, waiter.position));
        this.waiters.clear();
    }
    /** Saves the checkpoint now (after the batch in hand), e.g. once a consumer's resume point moved. */ commit() {
        this.chain = this.chain.then(()=>this.save());
        return this.chain;
    }
    /** Called after each handled batch with the new position. Returns the unsubscribe. */ onAdvance(listener) {
        this.listeners.add(listener);
        return ()=>this.listeners.delete(listener);
    }
    /**
   * Resolves once the event at `position` (one this subscription receives) has been handled;
   * rejects if the subscription stops first.
   */ whenHandled(position) {
        if (this.handled >= position) return Promise.resolve();
        if (this.stopping) return Promise.reject(stoppedBefore(this.name, position));
        return new Promise((resolve, reject)=>this.waiters.add({
                position,
                resolve,
                reject
            }));
    }
    async loadCheckpoint() {
        const stored = await this.checkpoints?.load() ?? null;
        let from = stored ?? 0;
        if (from > 0 && !await this.events.holdsCheckpoint(from)) {
            this.logger.warn(`checkpoint ${from} is not in this log (past its head, or in positions a log repair removed); starting from the beginning`);
            from = 0;
        }
        this.handled = from;
        this.saved = stored;
        this.instruments?.position.set({
            subscription: this.name
        }, from);
    }
    async run() {
        while(!this.stopping){
            try {
                if (this.options.group) await this.consumeGroup(this.options.group.name);
                else await this.consumeAll();
                if (this.stopping) break;
                throw new Error('the subscription ended');
            } catch (error) {
                if (this.stopping) break;
                this.lastError = asError(error);
                this.restarts += 1;
                this.state = 'restarting';
                this.instruments?.restarts.inc({
                    subscription: this.name
                });
                const delay = this.restartDelay;
                this.restartDelay = Math.min(delay * 2, this.restart.maxDelayMs);
                this.logger.error(`stopped on an error; restarting after position ${this.handled} in ${delay} ms: ${this.lastError.message}`);
                await this.source?.close().catch(()=>undefined);
                await this.pause(delay);
            }
        }
    }
    async consumeAll() {
        this.failure = undefined;
        this.pending = [];
        this.live = false;
        if (this.state !== 'restarting') this.state = 'catching-up';
        const source = this.events.subscribeToAll({
            from: this.handled === 0 ? 'start' : {
                after: this.handled
            },
            filter: this.options.filter
        });
        this.source = source;
        source.caughtUp.then(async ()=>{
            await this.flush();
            if (this.source !== source || this.failure || this.stopping) return;
            this.live = true;
            // Caught up again after a restart (a dropped connection, say) counts as recovered too.
            if (this.state === 'catching-up' || this.state === 'restarting') this.state = 'live';
            if (!this.caughtUpOnce) {
                this.caughtUpOnce = true;
                this.logger.log(`caught up at position ${this.handled}`);
                this.markCaughtUp();
            }
        }, ()=>undefined);
        for await (const event of source){
            this.pending.push(event);
            if (this.pending.length >= this.maxBatch) await this.flush();
            else this.scheduleFlush();
            if (this.failure) break;
        }
        await this.flush();
        if (this.failure) throw this.failure;
    }
    async consumeGroup(group) {
        this.failure = undefined;
        const member = this.events.subscribeToGroup(group);
        this.source = member;
        this.live = true;
        this.state = 'live';
        if (!this.caughtUpOnce) {
            this.caughtUpOnce = true;
            this.markCaughtUp();
        }
        for await (const message of member){
            try {
                await this.handleWithRetry([
                    message.event
                ]);
            } catch (error) {
                // Back to the group: delivered again (to a member), parked after the group's maxRetries.
                await message.nack('retry', asError(error).message).catch(()=>undefined);
                throw error;
            }
            await message.ack();
            await this.handledUpTo(Math.max(this.handled, message.event.position), [
                message.event
            ]);
        }
    }
    /** Events read in one burst are handed over together once the burst ends. */ scheduleFlush() {
        if (this.flushScheduled) return;
        this.flushScheduled = true;
        setImmediate(()=>{
            this.flushScheduled = false;
            void this.flush();
        });
    }
    /** Hands over what is pending, after the batch in hand. Never rejects: a failure ends the run. */ flush() {
        this.chain = this.chain.then(()=>this.handlePending()).catch((error)=>{
            this.failure ??= asError(error);
            void this.source?.close().catch(()=>undefined);
        });
        return this.chain;
    }
    async handlePending() {
        if (this.failure) this.pending = [];
        if (this.pending.length === 0) return;
        const batch = this.pending;
        this.pending = [];
        await this.handleWithRetry(batch);
        await this.handledUpTo(batch[batch.length - 1].position, batch);
    }
    async handleWithRetry(batch) {
        const context = {
            live: this.live
        };
        this.inHand = batch.length;
        try {
            for(let attempt = 1;; attempt++){
                try {
                    await this.options.handler.handle(batch, context);
                    return;
                } catch (error) {
                    this.lastError = asError(error);
                    this.instruments?.errors.inc({
                        subscription: this.name
                    });
                    if (attempt >= this.retry.attempts || this.stopping) throw error;
                    const delay = Math.min(this.retry.firstDelayMs * 2 ** (attempt - 1), this.retry.maxDelayMs);
                    this.state = 'retrying';
                    this.logger.warn(`handling events ${batch[0].position}..${batch[batch.length - 1].position} failed (attempt ${attempt} of ${this.retry.attempts}); trying again in ${delay} ms: ${this.lastError.message}`);
                    await this.pause(delay);
                    if (this.stopping) throw error;
                }
            }
        } finally{
            this.inHand = 0;
        }
    }
    async handledUpTo(position, batch) {
        this.handled = position;
        this.sinceSave += batch.length;
        if (this.state === 'retrying' || this.state === 'restarting' || this.state === 'catching-up') this.state = this.live ? 'live' : 'catching-up';
        this.restartDelay = this.restart.firstDelayMs;
        if (this.instruments) {
            this.instruments.position.set({
                subscription: this.name
            }, position);
            if (this.live) {
                const now = Date.now();
                for (const event of batch)this.instruments.lag.observe({
                    subscription: this.name
                }, (now - Date.parse(event.recordedAt)) / 1000);
            }
        }
        await this.saveIfDue();
        for (const listener of this.listeners)listener(position);
        for (const waiter of this.waiters){
            if (waiter.position <= position) {
                this.waiters.delete(waiter);
                waiter.resolve();
            }
        }
    }
    async saveIfDue() {
        if (!this.checkpoints || this.options.group) return;
        const every = this.options.checkpointEvery ?? {};
        if (this.sinceSave >= (every.events ?? (every.ms === undefined ? 1 : Number.POSITIVE_INFINITY))) {
            await this.save();
        } else if (every.ms !== undefined && !this.saveTimer) {
            this.saveTimer = setTimeout(()=>{
                this.saveTimer = undefined;
                void this.commit();
            }, every.ms);
            this.saveTimer.unref();
        }
    }
    /** Never rejects: a checkpoint not saved now is saved with a later batch. */ async save() {
        if (!this.checkpoints || this.options.group) return;
        const at = this.options.handler.resumePoint?.(this.handled) ?? this.handled;
        if (at === this.saved || this.saved === null && at === 0) return;
        try {
            await this.checkpoints.save(at);
            this.saved = at;
            this.sinceSave = 0;
        } catch (error) {
            this.instruments?.errors.inc({
                subscription: this.name
            });
            this.logger.warn(`checkpoint ${at} not saved; it will be with a later batch: ${asError(error).message}`);
        }
    }
    async readiness() {
        const { state } = this;
        if (state === 'retrying' || state === 'restarting') {
            throw new Error(`${state} after an error past position ${this.handled}: ${this.lastError?.message ?? 'unknown'}`);
        }
        if (this.options.readiness === 'caught-up' && !this.caughtUpOnce && state !== 'stopped') {
            throw new Error(`catching up: at ${this.handled} of ${await this.events.headPosition()}`);
        }
        return {
            state,
            position: String(this.handled),
            ...this.options.healthDetails?.()
        };
    }
    /**
   * For the gap gauge: 0 when live with nothing read and not yet handled, else the log head
   * minus the last handled position (the head may be an event the filter leaves out, so only a
   * subscription that is behind is measured against it).
   */ async gap() {
        if (this.state === 'live' && this.inHand === 0 && this.pending.length === 0) return 0;
        return Math.max(0, await this.events.headPosition() - this.handled);
    }
    pause(ms) {
        return new Promise((resolve)=>{
            const wake = ()=>{
                clearTimeout(timer);
                this.wakers.delete(wake);
                resolve();
            };
            const timer = setTimeout(wake, ms);
            this.wakers.add(wake);
        });
    }
};
/** The subscriptions each registry reports a gap for. */ const gapSources = new WeakMap();
const single = (registry, name, create)=>registry.getSingleMetric(name) ?? create();
const instrumentsOf = (registry, subscription)=>{
    const labelNames = [
        'subscription'
    ];
    let sources = gapSources.get(registry);
    if (!sources) gapSources.set(registry, sources = new Map());
    sources.set(subscription.name, subscription);
    const known = sources;
    single(registry, 'tessera_subscription_gap', ()=>new _promclient.Gauge({
            name: 'tessera_subscription_gap',
            help: 'Log head position minus the last position a subscription handled; 0 when it is live with nothing left to handle',
            labelNames,
            registers: [
                registry
            ],
            async collect () {
                for (const [name, source] of known)this.set({
                    subscription: name
                }, await source.gap().catch(()=>-1));
            }
        }));
    return {
        position: single(registry, 'tessera_subscription_position', ()=>new _promclient.Gauge({
                name: 'tessera_subscription_position',
                help: 'The last log position a subscription handled',
                labelNames,
                registers: [
                    registry
                ]
            })),
        lag: single(registry, 'tessera_subscription_lag_seconds', ()=>new _promclient.Histogram({
                name: 'tessera_subscription_lag_seconds',
                help: 'From an event being written to the log to a subscription having handled it (live events only, not catch-up)',
                labelNames,
                buckets: [
                    0.001,
                    0.0025,
                    0.005,
                    0.01,
                    0.025,
                    0.05,
                    0.1,
                    0.25,
                    0.5,
                    1,
                    2.5,
                    5
                ],
                registers: [
                    registry
                ]
            })),
        errors: single(registry, 'tessera_subscription_errors_total', ()=>new _promclient.Counter({
                name: 'tessera_subscription_errors_total',
                help: 'Failed attempts at a batch (and checkpoints not saved), by subscription',
                labelNames,
                registers: [
                    registry
                ]
            })),
        restarts: single(registry, 'tessera_subscription_restarts_total', ()=>new _promclient.Counter({
                name: 'tessera_subscription_restarts_total',
                help: 'Times a subscription closed on an error and resubscribed',
                labelNames,
                registers: [
                    registry
                ]
            }))
    };
};
const stoppedBefore = (name, position)=>new Error(`subscription ${name} stopped before it handled position ${position}`);

//# sourceMappingURL=subscription.js.map
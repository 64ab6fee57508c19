"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LogSchedule", {
    enumerable: true,
    get: function() {
        return LogSchedule;
    }
});
const _duequeue = require("./due-queue");
/** The schedules each registry reports a backlog for (several schedules per app, one set of gauges). */ const backlogSources = new WeakMap();
let LogSchedule = class LogSchedule {
    constructor(logger, schedule, subscriptions, clock){
        this.logger = logger;
        this.schedule = schedule;
        this.clock = clock;
        this.entries = new Map();
        this.queue = new _duequeue.DueQueue();
        this.subscription = subscriptions.create({
            name: schedule.checkpoint,
            filter: schedule.filter,
            checkpoint: schedule.checkpoint,
            // At most once a sweep interval (each pass commits too), not after every batch of holds.
            checkpointEvery: {
                ms: schedule.sweepIntervalMs
            },
            handler: {
                handle: async (events)=>{
                    for (const recorded of events)this.track({
                        type: recorded.type,
                        data: recorded.data
                    }, recorded);
                },
                // Never past the oldest entry still waiting, so a restart finds it again in the log.
                resumePoint: (handled)=>{
                    const oldest = this.entries.values().next();
                    return oldest.done ? handled : Math.min(handled, oldest.value.position - 1);
                }
            }
        });
        this.reportBacklog(subscriptions.metrics);
    }
    /**
   * The backlog on /metrics, by schedule: entries waiting, those already due, and how long the
   * oldest due one has waited past its time. Past one sweep interval or two, the sweeps are not
   * keeping up (or keep failing): the expiry-backlog alert watches it. A scan of the entries at
   * each scrape (once per gauge): a flash sale's tens of thousands cost a few milliseconds at most.
   */ reportBacklog(metrics) {
        let schedules = backlogSources.get(metrics.registry);
        if (!schedules) backlogSources.set(metrics.registry, schedules = new Map());
        schedules.set(this.schedule.checkpoint, this);
        const known = schedules;
        const report = (name, help, value)=>{
            metrics.gauge(name, help, [
                'schedule'
            ], (gauge)=>{
                for (const [schedule, source] of known)gauge.set({
                    schedule
                }, value(source.backlog()));
            });
        };
        report('tessera_schedule_pending', "Entries waiting for a schedule's time-driven work (hold expiry, request settlement, incident SLA deadlines)", (b)=>b.pending);
        report('tessera_schedule_due', 'Entries whose scheduled work is due and not yet done', (b)=>b.due);
        report('tessera_schedule_overdue_seconds', 'How long the oldest due entry has waited past its due time (0 when none is due)', (b)=>b.overdueSeconds);
    }
    backlog() {
        const now = this.clock.now().getTime();
        let due = 0;
        let oldest = now;
        for (const entry of this.entries.values()){
            const at = this.dueAt(entry);
            if (at > now) continue;
            due++;
            if (at < oldest) oldest = at;
        }
        return {
            pending: this.entries.size,
            due,
            overdueSeconds: (now - oldest) / 1000
        };
    }
    async onApplicationBootstrap() {
        await this.subscription.start();
        this.timer = setInterval(()=>void this.sweep(), this.schedule.sweepIntervalMs);
        this.timer.unref();
    }
    async onModuleDestroy() {
        clearInterval(this.timer);
        await this.sweeping;
        await this.subscription.stop();
    }
    add(key, entry) {
        this.entries.delete(key); // to the end: the map stays in log order
        this.entries.set(key, entry);
        this.queue.push(key, entry, this.dueAt(entry));
        // Removed and replaced entries stay in the heap until due; start again once they dominate.
        if (this.queue.size > 2 * this.entries.size + 1024) this.queue.compact(this.entries, (e)=>this.dueAt(e));
    }
    remove(key) {
        this.entries.delete(key);
    }
    /** Entries still waiting, as far as the subscription has read: for tests and diagnostics. */ pending() {
        return this.entries;
    }
    /** One pass over what is due. Runs on the timer; tests may call it directly. */ sweep() {
        this.sweeping ??= this.sweepOnce().finally(()=>this.sweeping = undefined);
        return this.sweeping;
    }
    async sweepOnce() {
        const now = this.clock.now();
        const due = this.queue.takeDue(now.getTime(), (key, entry)=>this.entries.get(key) === entry);
        for (const { key: key, value: entry } of due){
            try {
                await this.work(key, now);
                // Done here or elsewhere (another instance, the entry's own flow): nothing left to wait for.
                if (this.entries.get(key) === entry) this.entries.delete(key);
            } catch (error) {
                this.workFailed(key, error);
                // Still due: the next pass tries again, unless the log has moved the entry on meanwhile.
                if (this.entries.get(key) === entry) this.queue.push(key, entry, this.dueAt(entry));
            }
        }
        await this.subscription.commit();
    }
    /** How a failed attempt is reported; it is tried again on the next pass. */ workFailed(key, error) {
        this.logger.warn({
            err: error,
            key
        }, 'could not finish the work for an entry; will try again');
    }
};

//# sourceMappingURL=log-schedule.js.map
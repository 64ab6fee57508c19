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
    get PositionWaiters () {
        return PositionWaiters;
    },
    get ProjectionProgress () {
        return ProjectionProgress;
    },
    get nothingToProjectUpTo () {
        return nothingToProjectUpTo;
    }
});
let ProjectionProgress = class ProjectionProgress {
};
const nothingToProjectUpTo = async (events, filter, processed, target)=>{
    if (processed >= target) return true;
    // A position the log has not reached yet cannot have been projected.
    if (target > await events.headPosition()) return false;
    for await (const event of events.readAll({
        after: processed,
        filter,
        maxCount: 1
    }))return event.position > target;
    return true;
};
let PositionWaiters = class PositionWaiters {
    constructor(events, filter, processed){
        this.events = events;
        this.filter = filter;
        this.processed = processed;
        this.waiters = new Set();
        this.checking = false;
        this.recheck = false;
    }
    get count() {
        return this.waiters.size;
    }
    async waitFor(target, timeoutMs) {
        if (await nothingToProjectUpTo(this.events, this.filter, await this.processed(), target)) return true;
        return new Promise((resolve)=>{
            const waiter = {
                target,
                resolve,
                timer: setTimeout(()=>{
                    this.waiters.delete(waiter);
                    resolve(false);
                }, timeoutMs)
            };
            this.waiters.add(waiter);
            // The projector may have advanced between the check above and this registration.
            this.advanced();
        });
    }
    /** Call when the processed position may have moved. */ advanced() {
        if (this.waiters.size === 0) return;
        if (this.checking) {
            this.recheck = true;
            return;
        }
        this.checking = true;
        void this.check().finally(()=>{
            this.checking = false;
            if (this.recheck) {
                this.recheck = false;
                this.advanced();
            }
        });
    }
    async check() {
        const processed = await this.processed();
        const targets = [
            ...this.waiters
        ].filter((waiter)=>waiter.target > processed).map((waiter)=>waiter.target);
        // One look at the log answers every waiter: the next projected event after `processed`.
        let next = Number.POSITIVE_INFINITY;
        const head = await this.events.headPosition();
        if (targets.length > 0) {
            for await (const event of this.events.readAll({
                after: processed,
                filter: this.filter,
                maxCount: 1
            }))next = event.position;
        }
        for (const waiter of [
            ...this.waiters
        ]){
            if (waiter.target <= processed || waiter.target <= head && waiter.target < next) {
                clearTimeout(waiter.timer);
                this.waiters.delete(waiter);
                waiter.resolve(true);
            }
        }
    }
    close() {
        for (const waiter of this.waiters){
            clearTimeout(waiter.timer);
            waiter.resolve(false);
        }
        this.waiters.clear();
    }
};

//# sourceMappingURL=projection-progress.js.map
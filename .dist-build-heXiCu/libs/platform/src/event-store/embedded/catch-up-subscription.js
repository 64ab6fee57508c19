"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CatchUpSubscription", {
    enumerable: true,
    get: function() {
        return CatchUpSubscription;
    }
});
const EVENTS_PER_READ = 512;
let CatchUpSubscription = class CatchUpSubscription {
    constructor(log, options, onClose){
        this.log = log;
        this.options = options;
        this.onClose = onClose;
        this.closed = false;
        this.iterating = false;
        this.caughtUp = new Promise((resolve)=>this.markCaughtUp = resolve);
        this.target = log.headPosition();
        const from = options.from;
        this.after = from === 'start' ? 0 : from === 'end' ? this.target : from.after;
        if (this.after >= this.target) this.markCaughtUp();
    }
    [Symbol.asyncIterator]() {
        if (this.iterating) throw new Error('a subscription can be iterated only once');
        this.iterating = true;
        return this.events();
    }
    async close() {
        if (this.closed) return;
        this.closed = true;
        this.markCaughtUp();
        this.wake?.();
        this.onClose(this);
    }
    async *events() {
        const unsubscribe = this.log.onCommit(()=>this.wake?.());
        try {
            while(!this.closed){
                const head = this.log.headPosition();
                if (this.after >= head) {
                    await new Promise((resolve)=>this.wake = resolve);
                    this.wake = undefined;
                    continue;
                }
                const { events, last } = await this.log.readRange(this.after, head, this.options.filter, EVENTS_PER_READ);
                for (const event of events){
                    if (this.closed) return;
                    this.after = event.position;
                    yield event;
                }
                this.after = last;
                if (this.after >= this.target) this.markCaughtUp();
            }
        } finally{
            unsubscribe();
            await this.close();
        }
    }
};

//# sourceMappingURL=catch-up-subscription.js.map
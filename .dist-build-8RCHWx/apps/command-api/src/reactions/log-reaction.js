"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LogReaction", {
    enumerable: true,
    get: function() {
        return LogReaction;
    }
});
/** Replaying a few events after a restart costs little; a checkpoint write per event would not. */ const CHECKPOINT_EVERY = {
    events: 100,
    ms: 1000
};
let LogReaction = class LogReaction {
    constructor(subscriptions, name, eventTypes){
        this.subscription = subscriptions.create({
            name,
            filter: {
                eventTypes
            },
            checkpoint: name,
            checkpointEvery: CHECKPOINT_EVERY,
            handler: {
                handle: async (events)=>{
                    for (const event of events)await this.handle(event);
                }
            }
        });
    }
    async onApplicationBootstrap() {
        await this.start();
    }
    async beforeApplicationShutdown() {
        await this.stop();
    }
    start() {
        return this.subscription.start();
    }
    /** Stops reading, lets the events in hand finish and saves the checkpoint. */ stop() {
        return this.subscription.stop();
    }
    /** Resolves once the reaction has handled the event at `position`, one of the types it subscribes to. */ whenProcessed(position) {
        return this.subscription.whenHandled(position);
    }
};

//# sourceMappingURL=log-reaction.js.map
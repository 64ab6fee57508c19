"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CheckpointProgress", {
    enumerable: true,
    get: function() {
        return CheckpointProgress;
    }
});
const _projectionprogress = require("./projection-progress");
const _readmodel = require("./read-model");
let CheckpointProgress = class CheckpointProgress extends _projectionprogress.ProjectionProgress {
    constructor(events, reads, descriptors, pollMs = 20){
        super(), this.reads = reads, this.descriptors = descriptors, this.pollMs = pollMs;
        this.waiters = new _projectionprogress.PositionWaiters(events, (0, _readmodel.filterOf)(descriptors), ()=>this.processedPosition());
    }
    async processedPosition() {
        const positions = await Promise.all(this.descriptors.map((projection)=>this.reads.getCheckpoint((0, _readmodel.checkpointName)(projection))));
        return Math.min(...positions.map((position)=>position ?? 0));
    }
    async waitFor(position, timeoutMs) {
        const waiting = this.waiters.waitFor(position, timeoutMs);
        this.tick();
        return waiting;
    }
    tick() {
        if (this.timer) return;
        this.timer = setTimeout(()=>{
            this.timer = undefined;
            this.waiters.advanced();
            if (this.waiters.count > 0) this.tick();
        }, this.pollMs);
        this.timer.unref();
    }
};

//# sourceMappingURL=checkpoint-progress.js.map
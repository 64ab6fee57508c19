"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecentEvents", {
    enumerable: true,
    get: function() {
        return RecentEvents;
    }
});
let RecentEvents = class RecentEvents {
    constructor(capacity){
        this.capacity = capacity;
        this.byPosition = new Map();
    }
    get(position) {
        return this.byPosition.get(position);
    }
    /** Whether `position` is new enough to be worth keeping, given the log's head. */ isRecent(position, head) {
        return head - position < this.capacity;
    }
    remember(event) {
        const known = this.byPosition.get(event.position);
        if (known) return known;
        deepFreeze(event);
        this.byPosition.set(event.position, event);
        if (this.byPosition.size > this.capacity) this.byPosition.delete(this.byPosition.keys().next().value);
        return event;
    }
};
const deepFreeze = (value)=>{
    if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
    Object.freeze(value);
    for (const child of Object.values(value))deepFreeze(child);
};

//# sourceMappingURL=recent-events.js.map
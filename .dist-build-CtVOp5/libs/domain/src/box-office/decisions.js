"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "byStream", {
    enumerable: true,
    get: function() {
        return byStream;
    }
});
const byStream = (entries)=>Object.fromEntries(entries.filter(([, events])=>events.length > 0));

//# sourceMappingURL=decisions.js.map
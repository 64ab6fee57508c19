"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "fold", {
    enumerable: true,
    get: function() {
        return fold;
    }
});
const fold = (evolve, initialState, events)=>events.reduce(evolve, initialState);

//# sourceMappingURL=decider.js.map
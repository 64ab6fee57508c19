"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "SHOW_EVENT_TYPES", {
    enumerable: true,
    get: function() {
        return SHOW_EVENT_TYPES;
    }
});
const SHOW_EVENT_TYPES = [
    'show.created.v1',
    'show.published.v1',
    'show.cancelled.v1'
];

//# sourceMappingURL=show.events.js.map
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "recentEventsProjection", {
    enumerable: true,
    get: function() {
        return recentEventsProjection;
    }
});
const _readmodels = require("../../../../libs/read-models/src");
const recentEventsProjection = {
    ..._readmodels.recentEventsDescriptor,
    async apply (event, docs) {
        const head = await docs.get(_readmodels.RECENT_EVENTS_HEAD, _readmodels.RECENT_EVENTS_HEAD_ID);
        // Counted already (a redelivery): its slot holds it, or a newer event.
        if (head && head._position >= event.position) return;
        const count = head?.count ?? 0;
        const slot = {
            _id: (0, _readmodels.recentEventSlotId)(count),
            _position: event.position,
            event: (0, _readmodels.liveEventOf)(event)
        };
        docs.put(_readmodels.RECENT_EVENTS, slot);
        const next = {
            _id: _readmodels.RECENT_EVENTS_HEAD_ID,
            _position: event.position,
            count: count + 1
        };
        docs.put(_readmodels.RECENT_EVENTS_HEAD, next);
    }
};

//# sourceMappingURL=recent-events.projection.js.map
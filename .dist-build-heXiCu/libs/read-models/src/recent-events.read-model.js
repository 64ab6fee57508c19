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
    get RECENT_EVENTS () {
        return RECENT_EVENTS;
    },
    get RECENT_EVENTS_CAPACITY () {
        return RECENT_EVENTS_CAPACITY;
    },
    get RECENT_EVENTS_HEAD () {
        return RECENT_EVENTS_HEAD;
    },
    get RECENT_EVENTS_HEAD_ID () {
        return RECENT_EVENTS_HEAD_ID;
    },
    get liveEventOf () {
        return liveEventOf;
    },
    get recentEventSlotId () {
        return recentEventSlotId;
    },
    get recentEventsDescriptor () {
        return recentEventsDescriptor;
    }
});
const _contracts = require("../../contracts/src");
const RECENT_EVENTS = 'recent_events';
const RECENT_EVENTS_HEAD = 'recent_events_head';
const RECENT_EVENTS_HEAD_ID = 'head';
const RECENT_EVENTS_CAPACITY = 10_000;
const recentEventSlotId = (sequence)=>`slot-${sequence % RECENT_EVENTS_CAPACITY}`;
const recentEventsDescriptor = {
    name: 'recent_events',
    // 2: incidents and device status joined the live feed; a rebuild takes them in from the start.
    version: 2,
    collections: [
        RECENT_EVENTS,
        RECENT_EVENTS_HEAD
    ],
    eventTypes: _contracts.LIVE_FEED_EVENT_TYPES
};
const liveEventOf = (event)=>({
        id: event.id,
        position: event.position,
        type: event.type,
        stream: event.stream,
        occurredAt: event.metadata.occurredAt,
        data: event.data
    });

//# sourceMappingURL=recent-events.read-model.js.map
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
    get COUNTED_DEVICE_STATUSES () {
        return COUNTED_DEVICE_STATUSES;
    },
    get LIVE_STATS () {
        return LIVE_STATS;
    },
    get LIVE_STATS_ID () {
        return LIVE_STATS_ID;
    },
    get liveStatsDescriptor () {
        return liveStatsDescriptor;
    }
});
const LIVE_STATS = 'live_stats';
const LIVE_STATS_ID = 'live';
const COUNTED_DEVICE_STATUSES = [
    'online',
    'degraded',
    'offline',
    'silent'
];
const liveStatsDescriptor = {
    name: 'stats',
    version: 1,
    collections: [
        LIVE_STATS
    ],
    eventTypes: [
        'incident.reported.v1',
        'incident.status_changed.v1',
        'incident.severity_set.v1',
        'incident.sla_breached.v1',
        'device.registered.v1',
        'device.status_changed.v1',
        'show.published.v1',
        'show.cancelled.v1',
        'booking.confirmed.v1',
        'booking.refunded.v1'
    ]
};

//# sourceMappingURL=stats.read-model.js.map
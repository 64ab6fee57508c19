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
    get LIVE_FEED_EVENT_TYPES () {
        return LIVE_FEED_EVENT_TYPES;
    },
    get STREAM_TOKEN_TTL_SECONDS () {
        return STREAM_TOKEN_TTL_SECONDS;
    }
});
const _bookingevents = require("../box-office/booking.events");
const _seatevents = require("../box-office/seat.events");
const _showevents = require("../box-office/show.events");
const _ticketevents = require("../box-office/ticket.events");
const _waitlistevents = require("../box-office/waitlist.events");
const _incidentevents = require("../venue-ops/incident.events");
/**
 * The live feeds (API.md "Live feeds"): the SSE stream `GET /api/notifications/stream` and the
 * last events `GET /api/notifications/events`.
 *
 * The box office's events (the waiting lists' too) and those of venue operations travel on them. Account and e-mail
 * events never do: they carry e-mail addresses and password hashes, and a feed of sign-ups is
 * nobody's need. Nor does device.registered.v1: it carries the hash of the device's key, and
 * what it says (a device exists) is in GET /api/devices. Who sees what: fan-view.ts (the
 * notifier): a fan sees their own incidents, and no device event.
 */ /**
 * A waiting room's places and admissions (not its configuration: it carries the shuffle's seed).
 * A fan sees their own place and every admission, which is what moves a position (fan-view.ts).
 */ const WAITING_ROOM_FEED_EVENT_TYPES = [
    'waiting_room.joined.v1',
    'waiting_room.admitted.v1'
];
const DEVICE_FEED_EVENT_TYPES = [
    'device.status_changed.v1',
    'device.rule_raised.v1',
    'device.rule_cleared.v1'
];
const LIVE_FEED_EVENT_TYPES = [
    ..._showevents.SHOW_EVENT_TYPES,
    ..._seatevents.SEAT_EVENT_TYPES,
    ..._bookingevents.BOOKING_EVENT_TYPES,
    ..._ticketevents.TICKET_EVENT_TYPES,
    ..._waitlistevents.WAITLIST_EVENT_TYPES,
    ..._incidentevents.INCIDENT_EVENT_TYPES,
    ...DEVICE_FEED_EVENT_TYPES,
    ...WAITING_ROOM_FEED_EVENT_TYPES
];
const STREAM_TOKEN_TTL_SECONDS = 60;

//# sourceMappingURL=live-feed.js.map
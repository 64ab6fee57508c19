"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PROJECTION_DESCRIPTORS", {
    enumerable: true,
    get: function() {
        return PROJECTION_DESCRIPTORS;
    }
});
const _bookingsreadmodel = _export_star(require("./bookings.read-model"), exports);
const _incidentsreadmodel = _export_star(require("./incidents.read-model"), exports);
const _statsreadmodel = _export_star(require("./stats.read-model"), exports);
const _devicesreadmodel = _export_star(require("./devices.read-model"), exports);
const _recenteventsreadmodel = _export_star(require("./recent-events.read-model"), exports);
const _salesreadmodel = _export_star(require("./sales.read-model"), exports);
const _seatingreadmodel = _export_star(require("./seating.read-model"), exports);
const _ticketsreadmodel = _export_star(require("./tickets.read-model"), exports);
const _usersreadmodel = _export_star(require("./users.read-model"), exports);
const _waitlistreadmodel = _export_star(require("./waitlist.read-model"), exports);
const _holdreleasesreadmodel = _export_star(require("./hold-releases.read-model"), exports);
_export_star(require("./read-model"), exports);
_export_star(require("./projection-progress"), exports);
_export_star(require("./checkpoint-progress"), exports);
_export_star(require("./min-position.interceptor"), exports);
function _export_star(from, to) {
    Object.keys(from).forEach(function(k) {
        if (k !== "default" && !Object.prototype.hasOwnProperty.call(to, k)) {
            Object.defineProperty(to, k, {
                enumerable: true,
                get: function() {
                    return from[k];
                }
            });
        }
    });
    return from;
}
const PROJECTION_DESCRIPTORS = [
    _seatingreadmodel.seatingDescriptor,
    _bookingsreadmodel.bookingsDescriptor,
    _ticketsreadmodel.ticketsDescriptor,
    _salesreadmodel.salesDescriptor,
    _devicesreadmodel.devicesDescriptor,
    _incidentsreadmodel.incidentsDescriptor,
    _statsreadmodel.liveStatsDescriptor,
    _recenteventsreadmodel.recentEventsDescriptor,
    _usersreadmodel.usersDescriptor,
    _waitlistreadmodel.waitlistDescriptor,
    _holdreleasesreadmodel.holdReleasesDescriptor
];

//# sourceMappingURL=index.js.map
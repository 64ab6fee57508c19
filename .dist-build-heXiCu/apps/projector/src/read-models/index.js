"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PROJECTIONS", {
    enumerable: true,
    get: function() {
        return PROJECTIONS;
    }
});
const _bookingsprojection = _export_star(require("./bookings.projection"), exports);
const _incidentsprojection = _export_star(require("./incidents.projection"), exports);
const _statsprojection = _export_star(require("./stats.projection"), exports);
const _devicesprojection = _export_star(require("./devices.projection"), exports);
const _recenteventsprojection = _export_star(require("./recent-events.projection"), exports);
const _salesprojection = _export_star(require("./sales.projection"), exports);
const _seatingprojection = _export_star(require("./seating.projection"), exports);
const _ticketsprojection = _export_star(require("./tickets.projection"), exports);
const _usersprojection = _export_star(require("./users.projection"), exports);
const _waitlistprojection = _export_star(require("./waitlist.projection"), exports);
const _holdreleasesprojection = _export_star(require("./hold-releases.projection"), exports);
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
const PROJECTIONS = [
    _seatingprojection.seatingProjection,
    _bookingsprojection.bookingsProjection,
    _ticketsprojection.ticketsProjection,
    _salesprojection.salesProjection,
    _devicesprojection.devicesProjection,
    _incidentsprojection.incidentsProjection,
    _statsprojection.liveStatsProjection,
    _recenteventsprojection.recentEventsProjection,
    _usersprojection.usersProjection,
    _waitlistprojection.waitlistProjection,
    _holdreleasesprojection.holdReleasesProjection
];

//# sourceMappingURL=index.js.map
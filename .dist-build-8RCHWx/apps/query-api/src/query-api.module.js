"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "QueryApiModule", {
    enumerable: true,
    get: function() {
        return QueryApiModule;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _userdetailhandler = require("./admin/user-detail/user-detail.handler");
const _userdetailhttpcontroller = require("./admin/user-detail/user-detail.http.controller");
const _usersearchhandler = require("./admin/user-search/user-search.handler");
const _usersearchhttpcontroller = require("./admin/user-search/user-search.http.controller");
const _showsaleshandler = require("./analytics/show-sales/show-sales.handler");
const _showsaleshttpcontroller = require("./analytics/show-sales/show-sales.http.controller");
const _streamaudithandler = require("./audit/stream-audit/stream-audit.handler");
const _streamaudithttpcontroller = require("./audit/stream-audit/stream-audit.http.controller");
const _bookingstatushandler = require("./bookings/booking-status/booking-status.handler");
const _bookingstatushttpcontroller = require("./bookings/booking-status/booking-status.http.controller");
const _mybookingshandler = require("./bookings/my-bookings/my-bookings.handler");
const _mybookingshttpcontroller = require("./bookings/my-bookings/my-bookings.http.controller");
const _myticketshandler = require("./bookings/my-tickets/my-tickets.handler");
const _myticketshttpcontroller = require("./bookings/my-tickets/my-tickets.http.controller");
const _incidentdetailhandler = require("./incidents/incident-detail/incident-detail.handler");
const _incidentdetailhttpcontroller = require("./incidents/incident-detail/incident-detail.http.controller");
const _incidentlisthandler = require("./incidents/incident-list/incident-list.handler");
const _incidentlisthttpcontroller = require("./incidents/incident-list/incident-list.http.controller");
const _myincidentshandler = require("./incidents/my-incidents/my-incidents.handler");
const _myincidentshttpcontroller = require("./incidents/my-incidents/my-incidents.http.controller");
const _recentincidentshandler = require("./incidents/recent-incidents/recent-incidents.handler");
const _recentincidentshttpcontroller = require("./incidents/recent-incidents/recent-incidents.http.controller");
const _livestatshandler = require("./stats/live-stats/live-stats.handler");
const _livestatshttpcontroller = require("./stats/live-stats/live-stats.http.controller");
const _livestatsmetrics = require("./stats/live-stats/live-stats.metrics");
const _deviceruleshandler = require("./devices/device-rules/device-rules.handler");
const _deviceruleshttpcontroller = require("./devices/device-rules/device-rules.http.controller");
const _listdeviceshandler = require("./devices/list-devices/list-devices.handler");
const _listdeviceshttpcontroller = require("./devices/list-devices/list-devices.http.controller");
const _mywaitlisthandler = require("./waitlist/my-waitlist/my-waitlist.handler");
const _mywaitlisthttpcontroller = require("./waitlist/my-waitlist/my-waitlist.http.controller");
const _minpositioninterceptor = require("./read-your-writes/min-position.interceptor");
const _seatmaphandler = require("./shows/seat-map/seat-map.handler");
const _seatmaphttpcontroller = require("./shows/seat-map/seat-map.http.controller");
const _showcataloguehandler = require("./shows/show-catalogue/show-catalogue.handler");
const _showcataloguehttpcontroller = require("./shows/show-catalogue/show-catalogue.http.controller");
const _showdetailhandler = require("./shows/show-detail/show-detail.handler");
const _showdetailhttpcontroller = require("./shows/show-detail/show-detail.http.controller");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
let QueryApiModule = class QueryApiModule {
};
QueryApiModule = _ts_decorate([
    (0, _common.Module)({
        imports: [
            _cqrs.CqrsModule
        ],
        controllers: [
            _showcataloguehttpcontroller.ShowCatalogueHttpController,
            _showdetailhttpcontroller.ShowDetailHttpController,
            _seatmaphttpcontroller.SeatMapHttpController,
            _bookingstatushttpcontroller.BookingStatusHttpController,
            _mybookingshttpcontroller.MyBookingsHttpController,
            _myticketshttpcontroller.MyTicketsHttpController,
            _mywaitlisthttpcontroller.MyWaitlistHttpController,
            _showsaleshttpcontroller.ShowSalesHttpController,
            _streamaudithttpcontroller.StreamAuditHttpController,
            // /recent before /:incidentId, so that the static route is registered first.
            _recentincidentshttpcontroller.RecentIncidentsHttpController,
            _incidentlisthttpcontroller.IncidentListHttpController,
            _myincidentshttpcontroller.MyIncidentsHttpController,
            _incidentdetailhttpcontroller.IncidentDetailHttpController,
            _livestatshttpcontroller.LiveStatsHttpController,
            _listdeviceshttpcontroller.ListDevicesHttpController,
            _deviceruleshttpcontroller.DeviceRulesHttpController,
            _usersearchhttpcontroller.UserSearchHttpController,
            _userdetailhttpcontroller.UserDetailHttpController
        ],
        providers: [
            _minpositioninterceptor.MinPositionInterceptor,
            _showcataloguehandler.ShowCatalogueHandler,
            _showdetailhandler.ShowDetailHandler,
            _seatmaphandler.SeatMapHandler,
            _bookingstatushandler.BookingStatusHandler,
            _mybookingshandler.MyBookingsHandler,
            _myticketshandler.MyTicketsHandler,
            _mywaitlisthandler.MyWaitlistHandler,
            _showsaleshandler.ShowSalesHandler,
            _streamaudithandler.StreamAuditHandler,
            _incidentlisthandler.IncidentListHandler,
            _recentincidentshandler.RecentIncidentsHandler,
            _myincidentshandler.MyIncidentsHandler,
            _incidentdetailhandler.IncidentDetailHandler,
            _livestatshandler.LiveStatsHandler,
            _livestatsmetrics.LiveStatsMetrics,
            _listdeviceshandler.ListDevicesHandler,
            _deviceruleshandler.DeviceRulesHandler,
            _usersearchhandler.UserSearchHandler,
            _userdetailhandler.UserDetailHandler
        ]
    })
], QueryApiModule);

//# sourceMappingURL=query-api.module.js.map
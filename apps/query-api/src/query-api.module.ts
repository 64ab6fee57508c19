import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { UserDetailHandler } from './admin/user-detail/user-detail.handler';
import { UserDetailHttpController } from './admin/user-detail/user-detail.http.controller';
import { UserSearchHandler } from './admin/user-search/user-search.handler';
import { UserSearchHttpController } from './admin/user-search/user-search.http.controller';
import { ShowSalesHandler } from './analytics/show-sales/show-sales.handler';
import { ShowSalesHttpController } from './analytics/show-sales/show-sales.http.controller';
import { StreamAuditHandler } from './audit/stream-audit/stream-audit.handler';
import { StreamAuditHttpController } from './audit/stream-audit/stream-audit.http.controller';
import { BookingStatusHandler } from './bookings/booking-status/booking-status.handler';
import { BookingStatusHttpController } from './bookings/booking-status/booking-status.http.controller';
import { MyBookingsHandler } from './bookings/my-bookings/my-bookings.handler';
import { MyBookingsHttpController } from './bookings/my-bookings/my-bookings.http.controller';
import { MyTicketsHandler } from './bookings/my-tickets/my-tickets.handler';
import { MyTicketsHttpController } from './bookings/my-tickets/my-tickets.http.controller';
import { IncidentDetailHandler } from './incidents/incident-detail/incident-detail.handler';
import { IncidentDetailHttpController } from './incidents/incident-detail/incident-detail.http.controller';
import { IncidentListHandler } from './incidents/incident-list/incident-list.handler';
import { IncidentListHttpController } from './incidents/incident-list/incident-list.http.controller';
import { MyIncidentsHandler } from './incidents/my-incidents/my-incidents.handler';
import { MyIncidentsHttpController } from './incidents/my-incidents/my-incidents.http.controller';
import { RecentIncidentsHandler } from './incidents/recent-incidents/recent-incidents.handler';
import { RecentIncidentsHttpController } from './incidents/recent-incidents/recent-incidents.http.controller';
import { LiveStatsHandler } from './stats/live-stats/live-stats.handler';
import { LiveStatsHttpController } from './stats/live-stats/live-stats.http.controller';
import { LiveStatsMetrics } from './stats/live-stats/live-stats.metrics';
import { DeviceRulesHandler } from './devices/device-rules/device-rules.handler';
import { DeviceRulesHttpController } from './devices/device-rules/device-rules.http.controller';
import { ListDevicesHandler } from './devices/list-devices/list-devices.handler';
import { ListDevicesHttpController } from './devices/list-devices/list-devices.http.controller';
import { MinPositionInterceptor } from './read-your-writes/min-position.interceptor';
import { SeatMapHandler } from './shows/seat-map/seat-map.handler';
import { SeatMapHttpController } from './shows/seat-map/seat-map.http.controller';
import { ShowCatalogueHandler } from './shows/show-catalogue/show-catalogue.handler';
import { ShowCatalogueHttpController } from './shows/show-catalogue/show-catalogue.http.controller';
import { ShowDetailHandler } from './shows/show-detail/show-detail.handler';
import { ShowDetailHttpController } from './shows/show-detail/show-detail.http.controller';

/**
 * HTTP reads: read models, audit (stream history) and analytics. Each use case is one folder: a
 * thin controller that parses the request and a query handler on the QueryBus that reads. One
 * module, because every read-model controller shares the X-Min-Position interceptor.
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    ShowCatalogueHttpController,
    ShowDetailHttpController,
    SeatMapHttpController,
    BookingStatusHttpController,
    MyBookingsHttpController,
    MyTicketsHttpController,
    ShowSalesHttpController,
    StreamAuditHttpController,
    // /recent before /:incidentId, so that the static route is registered first.
    RecentIncidentsHttpController,
    IncidentListHttpController,
    MyIncidentsHttpController,
    IncidentDetailHttpController,
    LiveStatsHttpController,
    ListDevicesHttpController,
    DeviceRulesHttpController,
    UserSearchHttpController,
    UserDetailHttpController,
  ],
  providers: [
    MinPositionInterceptor,
    ShowCatalogueHandler,
    ShowDetailHandler,
    SeatMapHandler,
    BookingStatusHandler,
    MyBookingsHandler,
    MyTicketsHandler,
    ShowSalesHandler,
    StreamAuditHandler,
    IncidentListHandler,
    RecentIncidentsHandler,
    MyIncidentsHandler,
    IncidentDetailHandler,
    LiveStatsHandler,
    LiveStatsMetrics,
    ListDevicesHandler,
    DeviceRulesHandler,
    UserSearchHandler,
    UserDetailHandler,
  ],
})
export class QueryApiModule {}

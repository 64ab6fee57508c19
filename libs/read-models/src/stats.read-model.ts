import type { StatsResponse } from '@tessera/contracts';
import type { ProjectionDescriptor, ReadModelDocument } from './read-model';

/**
 * Live counters (GET /api/stats): one document, moved by each event that changes a count, so a
 * read is one lookup and never a scan. The counters follow from the events alone (a status
 * change carries the severity, a severity change the status, a device's change its old and new
 * status), so no lookup of another document is needed and replaying an event is caught by the
 * document's `_position` like any other. The one projector's catch-up subscription is its only
 * writer; in distributed mode it lives in MongoDB, where every query API reads the same values.
 */

export const LIVE_STATS = 'live_stats';
export const LIVE_STATS_ID = 'live';

/** The device statuses the counters know (the devices' `device.status_changed.v1`). */
export const COUNTED_DEVICE_STATUSES = ['online', 'degraded', 'offline', 'silent'] as const;
export type CountedDeviceStatus = (typeof COUNTED_DEVICE_STATUSES)[number];

export type LiveStatsDoc = ReadModelDocument & {
  incidents: StatsResponse['incidents'];
  devices: StatsResponse['devices'];
  sales: StatsResponse['sales'];
  /** Shows on sale now, so a cancellation knows whether it takes one off sale (bounded by the shows on sale). */
  onSale: Record<string, true>;
};

export const liveStatsDescriptor: ProjectionDescriptor = {
  name: 'stats',
  version: 1,
  collections: [LIVE_STATS],
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
    'booking.refunded.v1',
  ],
};

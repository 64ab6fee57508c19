import {
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type BookingConfirmed,
  type BookingRefunded,
  type DeviceRegistered,
  type DeviceStatusChanged,
  type IncidentEvent,
  type IncidentStatus,
  type ShowCancelled,
  type ShowPublished,
} from '@tessera/contracts';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { COUNTED_DEVICE_STATUSES, LIVE_STATS, LIVE_STATS_ID, liveStatsDescriptor, type CountedDeviceStatus, type LiveStatsDoc } from '@tessera/read-models';
import type { DocumentBatch, Projection } from '../projection';

/** How the live counters (libs/read-models) move with each event. */

type Stats = Omit<LiveStatsDoc, '_position'>;

export type StatsEvent = IncidentEvent | DeviceRegistered | DeviceStatusChanged | ShowPublished | ShowCancelled | BookingConfirmed | BookingRefunded;

const OPEN: ReadonlySet<IncidentStatus> = new Set(['new', 'acknowledged', 'in_progress', 'pending']);
const isCountedDeviceStatus = (status: unknown): status is CountedDeviceStatus => (COUNTED_DEVICE_STATUSES as readonly unknown[]).includes(status);

export const emptyStats = (): Stats => ({
  _id: LIVE_STATS_ID,
  incidents: {
    open: 0,
    bySeverity: Object.fromEntries(INCIDENT_SEVERITIES.map((severity) => [severity, 0])) as Stats['incidents']['bySeverity'],
    byStatus: Object.fromEntries(INCIDENT_STATUSES.map((status) => [status, 0])) as Stats['incidents']['byStatus'],
    breached: 0,
  },
  devices: { total: 0, online: 0, degraded: 0, offline: 0, silent: 0 },
  sales: { showsOnSale: 0, seatsSold: 0, revenueByCurrency: {} },
  onSale: {},
});

/** The next counters: a new object, every part that changes copied (the given one may be frozen). */
export const evolveStats = (doc: Stats | null, event: StatsEvent): Stats => {
  const stats = doc ?? emptyStats();
  const incidents = { ...stats.incidents, bySeverity: { ...stats.incidents.bySeverity }, byStatus: { ...stats.incidents.byStatus } };
  switch (event.type) {
    case 'incident.reported.v1':
      incidents.open += 1;
      incidents.bySeverity[event.data.severity] += 1;
      incidents.byStatus.new += 1;
      return { ...stats, incidents };
    case 'incident.status_changed.v1': {
      const { from, to, severity } = event.data;
      incidents.byStatus[from] -= 1;
      incidents.byStatus[to] += 1;
      const delta = Number(OPEN.has(to)) - Number(OPEN.has(from));
      incidents.open += delta;
      incidents.bySeverity[severity] += delta;
      return { ...stats, incidents };
    }
    case 'incident.severity_set.v1':
      if (!OPEN.has(event.data.status)) return stats;
      incidents.bySeverity[event.data.from] -= 1;
      incidents.bySeverity[event.data.to] += 1;
      return { ...stats, incidents };
    case 'incident.sla_breached.v1':
      incidents.breached += 1;
      return { ...stats, incidents };
    case 'incident.reprioritized.v1':
    case 'incident.assigned.v1':
    case 'incident.note_added.v1':
      return stats;
    // A registered device counts as offline until its first reading changes its status.
    case 'device.registered.v1':
      return { ...stats, devices: { ...stats.devices, total: stats.devices.total + 1, offline: stats.devices.offline + 1 } };
    case 'device.status_changed.v1': {
      const { from, to } = event.data;
      const devices = { ...stats.devices };
      if (isCountedDeviceStatus(from)) devices[from] -= 1;
      if (isCountedDeviceStatus(to)) devices[to] += 1;
      return { ...stats, devices };
    }
    case 'show.published.v1':
      if (stats.onSale[event.data.showId]) return stats;
      return { ...stats, onSale: { ...stats.onSale, [event.data.showId]: true }, sales: { ...stats.sales, showsOnSale: stats.sales.showsOnSale + 1 } };
    case 'show.cancelled.v1': {
      if (!stats.onSale[event.data.showId]) return stats;
      const { [event.data.showId]: _cancelled, ...onSale } = stats.onSale;
      return { ...stats, onSale, sales: { ...stats.sales, showsOnSale: stats.sales.showsOnSale - 1 } };
    }
    case 'booking.confirmed.v1': {
      const { amount, currency, tickets } = event.data;
      const revenueByCurrency = { ...stats.sales.revenueByCurrency, [currency]: (stats.sales.revenueByCurrency[currency] ?? 0) + amount };
      return { ...stats, sales: { ...stats.sales, seatsSold: stats.sales.seatsSold + tickets.length, revenueByCurrency } };
    }
    case 'booking.refunded.v1': {
      const { amount, currency, seatIds } = event.data;
      // A `hold_lost` refund gives back a payment that never became a sale: nothing was counted.
      if (seatIds.length === 0) return stats;
      const revenueByCurrency = { ...stats.sales.revenueByCurrency, [currency]: (stats.sales.revenueByCurrency[currency] ?? 0) - amount };
      return { ...stats, sales: { ...stats.sales, seatsSold: stats.sales.seatsSold - seatIds.length, revenueByCurrency } };
    }
    default: {
      const _exhaustive: never = event;
      return stats;
    }
  }
};

export const liveStatsProjection: Projection = {
  ...liveStatsDescriptor,

  async apply(event: RecordedEvent, docs: DocumentBatch): Promise<void> {
    const statsEvent = { type: event.type, data: event.data } as StatsEvent;
    await docs.evolve<LiveStatsDoc>(LIVE_STATS, LIVE_STATS_ID, event, (doc) => evolveStats(doc, statsEvent));
  },
};

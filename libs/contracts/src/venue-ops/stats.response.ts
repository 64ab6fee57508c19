import type { IncidentSeverity, IncidentStatus } from './incident.events';

/** 200 of GET /api/stats (staff, admin): live counters the projector keeps, never a scan. */
export interface StatsResponse {
  incidents: {
    /** Incidents in an open status (new, acknowledged, in_progress, pending). */
    open: number;
    /** Open incidents by severity. */
    bySeverity: Record<IncidentSeverity, number>;
    /** Every incident by its current status. */
    byStatus: Record<IncidentStatus, number>;
    /** SLA breaches recorded (each incident at most one per kind). */
    breached: number;
  };
  devices: { total: number; online: number; degraded: number; offline: number; silent: number };
  sales: {
    showsOnSale: number;
    /** Seats sold and not refunded. */
    seatsSold: number;
    /** Revenue kept (sales less refunds), minor units by ISO 4217 currency. */
    revenueByCurrency: Record<string, number>;
  };
  /** The log position the counters reflect. */
  position: string;
}

import type { DeviceStatus, IncidentDeadlines } from '@tessera/contracts';
import { emptyStats, evolveStats, type StatsEvent } from './stats.projection';

const deadlines: IncidentDeadlines = { acknowledgeBy: '2027-05-01T19:00:00.000Z', resolveBy: '2027-05-02T18:00:00.000Z' };
const at = '2027-05-01T18:00:00.000Z';

const reported = (incidentId: string, severity: 'critical' | 'high' | 'medium' | 'low'): StatsEvent => ({
  type: 'incident.reported.v1',
  data: {
    incidentId,
    source: 'report',
    title: 't',
    description: '',
    location: {},
    category: 'other',
    urgency: 'medium',
    impact: 'medium',
    priority: 'P3',
    severity,
    reporterId: 'fan1',
    reportedAt: at,
    deadlines,
  },
});
const moved = (incidentId: string, from: 'new' | 'acknowledged' | 'in_progress' | 'resolved' | 'closed', to: typeof from, severity: 'critical' | 'high' | 'medium' | 'low'): StatsEvent => ({
  type: 'incident.status_changed.v1',
  data: { incidentId, reporterId: 'fan1', from, to, at, by: 'staff1', deadlines, severity },
});
const fold = (events: StatsEvent[]) => events.reduce((doc, event) => evolveStats(doc, event), emptyStats());

describe('the live counters', () => {
  it('count open incidents by severity and every incident by status, through a reopen and a severity change', () => {
    const stats = fold([
      reported('a', 'high'),
      reported('b', 'low'),
      reported('c', 'critical'),
      moved('a', 'new', 'acknowledged', 'high'),
      moved('a', 'acknowledged', 'in_progress', 'high'),
      moved('a', 'in_progress', 'resolved', 'high'),
      { type: 'incident.severity_set.v1', data: { incidentId: 'a', reporterId: 'fan1', from: 'high', to: 'low', status: 'resolved', at, by: 'staff1' } },
      { type: 'incident.severity_set.v1', data: { incidentId: 'b', reporterId: 'fan1', from: 'low', to: 'medium', status: 'new', at, by: 'staff1' } },
      moved('c', 'new', 'resolved', 'critical'),
      moved('c', 'resolved', 'closed', 'critical'),
      moved('c', 'closed', 'in_progress', 'critical'),
      { type: 'incident.sla_breached.v1', data: { incidentId: 'b', reporterId: 'fan1', kind: 'acknowledge', deadline: at, detectedAt: at, priority: 'P3', severity: 'medium' } },
    ]);
    expect(stats.incidents).toEqual({
      open: 2,
      bySeverity: { critical: 1, high: 0, medium: 1, low: 0 },
      byStatus: { new: 1, acknowledged: 0, in_progress: 1, pending: 0, resolved: 1, closed: 0 },
      breached: 1,
    });
  });

  it('count devices by status, a registered device counting as offline until its first status change', () => {
    const registered = (deviceId: string): StatsEvent => ({
      type: 'device.registered.v1',
      data: { deviceId, venueId: 'arena', deviceType: 'gate_scanner', name: deviceId, keyHash: 'h', registeredAt: at },
    });
    const device = (deviceId: string, from: DeviceStatus, to: DeviceStatus): StatsEvent => ({
      type: 'device.status_changed.v1',
      data: { deviceId, venueId: 'arena', deviceType: 'gate_scanner', from, to, at },
    });
    expect(fold([registered('g1'), registered('g2')]).devices).toEqual({ total: 2, online: 0, degraded: 0, offline: 2, silent: 0 });
    const stats = fold([registered('g1'), registered('g2'), device('g1', 'offline', 'online'), device('g2', 'offline', 'online'), device('g1', 'online', 'offline'), device('g2', 'online', 'silent'), device('g2', 'silent', 'degraded')]);
    expect(stats.devices).toEqual({ total: 2, online: 0, degraded: 1, offline: 1, silent: 0 });
  });

  it('count shows on sale, seats sold and revenue kept by currency; a hold_lost refund counts nothing', () => {
    const stats = fold([
      { type: 'show.published.v1', data: { showId: 's1' } },
      { type: 'show.published.v1', data: { showId: 's2' } },
      { type: 'show.cancelled.v1', data: { showId: 's2', reason: 'storm' } },
      { type: 'show.cancelled.v1', data: { showId: 'draft', reason: 'never published' } },
      {
        type: 'booking.confirmed.v1',
        data: { bookingId: 'b1', showId: 's1', paymentId: 'p1', amount: 24000, currency: 'EUR', tickets: [{ ticketId: 't1', seatId: 'A-1-1' }, { ticketId: 't2', seatId: 'A-1-2' }] },
      },
      { type: 'booking.confirmed.v1', data: { bookingId: 'b2', showId: 's1', paymentId: 'p2', amount: 4500, currency: 'USD', tickets: [{ ticketId: 't3', seatId: 'B-1-1' }] } },
      {
        type: 'booking.refunded.v1',
        data: { bookingId: 'b2', showId: 's1', refundId: 'r2', paymentId: 'p2', amount: 4500, currency: 'USD', reason: 'cancelled', seatIds: ['B-1-1'], ticketIds: ['t3'] },
      },
      {
        type: 'booking.refunded.v1',
        data: { bookingId: 'b3', showId: 's1', refundId: 'r3', paymentId: 'p3', amount: 9000, currency: 'EUR', reason: 'hold_lost', seatIds: [], ticketIds: [] },
      },
    ] as StatsEvent[]);
    expect(stats.sales).toEqual({ showsOnSale: 1, seatsSold: 2, revenueByCurrency: { EUR: 24000, USD: 0 } });
  });

  it('never changes the document it is given (the read store may hand over a frozen one)', () => {
    const deepFreeze = <T>(value: T): T => {
      if (value && typeof value === 'object') for (const inner of Object.values(value)) deepFreeze(inner);
      return Object.freeze(value);
    };
    const before = deepFreeze(fold([reported('a', 'high'), { type: 'show.published.v1', data: { showId: 's1' } }]));
    const events: StatsEvent[] = [
      moved('a', 'new', 'resolved', 'high'),
      { type: 'incident.severity_set.v1', data: { incidentId: 'a', reporterId: 'fan1', from: 'high', to: 'low', status: 'new', at, by: 'staff1' } },
      { type: 'show.cancelled.v1', data: { showId: 's1', reason: 'storm' } },
      { type: 'device.status_changed.v1', data: { deviceId: 'g1', venueId: 'arena', deviceType: 'gate_scanner', from: 'offline', to: 'online', at } },
    ];
    for (const event of events) expect(() => evolveStats(before, event)).not.toThrow();
    expect(before.incidents.open).toBe(1);
  });
});

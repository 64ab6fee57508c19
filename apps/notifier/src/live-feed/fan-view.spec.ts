import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { fanAudienceOf, type Owners } from './fan-view';

/** What a fan may see of each event (fan-view.ts). */
describe('the fan view of the live feed', () => {
  const owners: Owners = {
    bookingOwner: async (bookingId) => ({ b1: 'alice', b2: 'bob' })[bookingId],
    ticketOwnerAt: async (ticketId, revision) => (ticketId === 't1' ? ['alice', 'bob', 'bob'][revision] : undefined),
  };
  const event = (type: string, data: Record<string, unknown>, revision = 0): RecordedEvent => ({
    id: 'e',
    stream: `${type.split('.')[0]}-x`,
    type,
    revision,
    position: 1,
    data,
    metadata: { actorId: 'a', correlationId: 'c', causationId: 'k', occurredAt: '2027-01-01T00:00:00.000Z', schemaVersion: 1 },
    recordedAt: '2027-01-01T00:00:00.000Z',
  });

  it('shows every fan the seats, as showId and seatId only', async () => {
    for (const type of ['seat.held.v1', 'seat.released.v1', 'seat.sold.v1']) {
      expect(await fanAudienceOf(event(type, { showId: 's', seatId: 'A-1-1', bookingId: 'b2', ticketId: 't9', expiresAt: 'x', reason: 'expired' }), owners)).toEqual({
        kind: 'every-fan',
        data: { showId: 's', seatId: 'A-1-1' },
      });
    }
  });

  it('shows a booking event to its owner, named by the event or by the booking stream', async () => {
    expect(await fanAudienceOf(event('booking.placed.v1', { bookingId: 'b9', userId: 'carol' }), owners)).toEqual({ kind: 'owners', views: [['carol', { bookingId: 'b9', userId: 'carol' }]] });
    expect(await fanAudienceOf(event('booking.confirmed.v1', { bookingId: 'b2', showId: 's' }), owners)).toEqual({ kind: 'owners', views: [['bob', { bookingId: 'b2', showId: 's' }]] });
    expect(await fanAudienceOf(event('booking.expired.v1', { bookingId: 'unknown' }), owners)).toEqual({ kind: 'staff-only' });
  });

  it('shows a ticket event to its owner at that revision; a transfer to both sides, each without the other', async () => {
    expect(await fanAudienceOf(event('ticket.issued.v1', { ticketId: 't1', ownerId: 'alice' }), owners)).toEqual({ kind: 'owners', views: [['alice', { ticketId: 't1', ownerId: 'alice' }]] });
    expect(await fanAudienceOf(event('ticket.transferred.v1', { ticketId: 't1', fromOwnerId: 'alice', toOwnerId: 'bob', version: 2 }, 1), owners)).toEqual({
      kind: 'owners',
      views: [
        ['alice', { ticketId: 't1', version: 2, direction: 'out' }],
        ['bob', { ticketId: 't1', version: 2, direction: 'in' }],
      ],
    });
    expect(await fanAudienceOf(event('ticket.checked-in.v1', { ticketId: 't1', showId: 's', seatId: 'A-1-1', version: 2, checkedInAt: 'x', byStaffId: 'staff-7' }, 2), owners)).toEqual({
      kind: 'owners',
      views: [['bob', { ticketId: 't1', showId: 's', seatId: 'A-1-1', version: 2, checkedInAt: 'x' }]],
    });
  });

  it("shows a waiting-list event to the entry's owner only, in full", async () => {
    const offered = { showId: 's', entryId: 'w1', userId: 'carol', bookingId: 'b9', seatIds: ['A-1-1'], expiresAt: 'x' };
    expect(await fanAudienceOf(event('waitlist.offered.v1', offered), owners)).toEqual({ kind: 'owners', views: [['carol', offered]] });
    expect(await fanAudienceOf(event('waitlist.left.v1', { showId: 's', entryId: 'w1', userId: 'dave' }), owners)).toEqual({ kind: 'owners', views: [['dave', { showId: 's', entryId: 'w1', userId: 'dave' }]] });
  });

  it('shows a fan their own waiting-room place, every fan the admissions (no ids), and keeps the configuration with its seed to staff', async () => {
    expect(await fanAudienceOf(event('waiting_room.joined.v1', { showId: 's', queueId: 'q1', userId: 'alice', early: true }), owners)).toEqual({
      kind: 'owners',
      views: [['alice', { showId: 's', queueId: 'q1', early: true }]],
    });
    expect(await fanAudienceOf(event('waiting_room.admitted.v1', { showId: 's', count: 3, through: 9, quotaUntil: '2027-01-01T00:00:00.000Z' }), owners)).toEqual({
      kind: 'every-fan',
      data: { showId: 's', count: 3, through: 9 },
    });
    expect(await fanAudienceOf(event('waiting_room.configured.v1', { showId: 's', seed: 'secret', enabled: true }), owners)).toEqual({ kind: 'staff-only' });
  });

  it('keeps shows and any type it does not know to staff', async () => {
    expect(await fanAudienceOf(event('show.created.v1', { showId: 's' }), owners)).toEqual({ kind: 'staff-only' });
    expect(await fanAudienceOf(event('show.cancelled.v1', { showId: 's' }), owners)).toEqual({ kind: 'staff-only' });
    expect(await fanAudienceOf(event('account.registered.v1', { email: 'a@b.c', passwordHash: 'h' }), owners)).toEqual({ kind: 'staff-only' });
  });

  describe('incidents (issue 13)', () => {
    const deadlines = { acknowledgeBy: '2027-01-01T00:15:00.000Z', resolveBy: '2027-01-01T04:00:00.000Z' };
    const reported = {
      incidentId: 'i1', source: 'report', title: 'Seat 12 broken', description: 'loose armrest', location: { seatId: 'A-1-12' }, category: 'seat',
      urgency: 'high', impact: 'medium', priority: 'P2', severity: 'high', reporterId: 'alice', reportedAt: '2027-01-01T00:00:00.000Z', deadlines,
    };

    it('shows the reporter their report in full, and nobody else', async () => {
      expect(await fanAudienceOf(event('incident.reported.v1', reported), owners)).toEqual({ kind: 'owners', views: [['alice', reported]] });
    });

    it("shows the reporter their incident's moves without the staff member who made them", async () => {
      const moved = { incidentId: 'i1', reporterId: 'alice', from: 'new', to: 'acknowledged', at: 'x', by: 'staff-7', deadlines, severity: 'high' };
      const { by: _by, ...seen } = moved;
      expect(await fanAudienceOf(event('incident.status_changed.v1', moved, 1), owners)).toEqual({ kind: 'owners', views: [['alice', seen]] });
      expect(await fanAudienceOf(event('incident.reprioritized.v1', { incidentId: 'i1', reporterId: 'alice', impact: 'high', from: 'P2', to: 'P1', at: 'x', by: 'staff-7', deadlines }, 2), owners)).toEqual({
        kind: 'owners',
        views: [['alice', { incidentId: 'i1', reporterId: 'alice', impact: 'high', from: 'P2', to: 'P1', at: 'x', deadlines }]],
      });
      expect(await fanAudienceOf(event('incident.severity_set.v1', { incidentId: 'i1', reporterId: 'alice', from: 'high', to: 'low', status: 'new', at: 'x', by: 'staff-7' }, 3), owners)).toEqual({
        kind: 'owners',
        views: [['alice', { incidentId: 'i1', reporterId: 'alice', from: 'high', to: 'low', status: 'new', at: 'x' }]],
      });
      const breached = { incidentId: 'i1', reporterId: 'alice', kind: 'acknowledge', deadline: 'x', detectedAt: 'y', priority: 'P2', severity: 'high' };
      expect(await fanAudienceOf(event('incident.sla_breached.v1', breached, 4), owners)).toEqual({ kind: 'owners', views: [['alice', breached]] });
    });

    it('keeps assignments and staff notes with staff', async () => {
      expect(await fanAudienceOf(event('incident.assigned.v1', { incidentId: 'i1', reporterId: 'alice', assigneeId: 'staff-7', at: 'x', by: 'staff-1' }), owners)).toEqual({ kind: 'staff-only' });
      expect(await fanAudienceOf(event('incident.note_added.v1', { incidentId: 'i1', reporterId: 'alice', note: 'fan was rude', at: 'x', by: 'staff-1' }), owners)).toEqual({ kind: 'staff-only' });
    });

    it("keeps a device rule's incident with staff: it has no fan", async () => {
      expect(await fanAudienceOf(event('incident.reported.v1', { ...reported, source: 'device', reporterId: 'device:gate-1', deviceId: 'gate-1' }), owners)).toEqual({ kind: 'staff-only' });
      expect(await fanAudienceOf(event('incident.status_changed.v1', { incidentId: 'i1', reporterId: 'device:gate-1', from: 'new', to: 'resolved', at: 'x', by: 'device:gate-1', deadlines, severity: 'high' }), owners)).toEqual({
        kind: 'staff-only',
      });
    });

    it('keeps every device event with staff', async () => {
      for (const type of ['device.registered.v1', 'device.status_changed.v1', 'device.rule_raised.v1', 'device.rule_cleared.v1']) {
        expect(await fanAudienceOf(event(type, { deviceId: 'gate-1', venueId: 'arena', incidentId: 'i1', reporterId: 'alice', keyHash: 'h' }), owners)).toEqual({ kind: 'staff-only' });
      }
    });
  });
});

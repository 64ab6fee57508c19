import {
  availabilityShowOf,
  DEVICE_STATUS_CHANGED,
  INCIDENT_REPORTED,
  INCIDENT_STATUS_CHANGED,
  mqttMessagesOf,
  showAvailabilityMessage,
  type LiveFeedEvent,
} from './mqtt-messages';
import type { DeviceStatusChanged } from '../venue-ops/device.events';
import type { IncidentReported, IncidentStatusChanged } from '../venue-ops/incident.events';
import { InvalidTopicLevelError, mqttTopics, parseDeviceTelemetryTopic } from './mqtt-topics';

const event = (type: string, data: unknown): LiveFeedEvent => ({ id: 'e-1', type, data, metadata: { occurredAt: '2027-01-01T10:00:00.000Z' } });

describe('what an event means on MQTT', () => {
  it.each([
    ['booking.requested.v1', 'pending'],
    ['booking.placed.v1', 'held'],
    ['booking.confirmed.v1', 'confirmed'],
    ['booking.expired.v1', 'expired'],
    ['booking.cancelled.v1', 'cancelled'],
    ['booking.refunded.v1', 'refunded'],
    ['booking.rejected.v1', 'rejected'],
  ])('%s: the booking status %s, without the user or the payment', (type, status) => {
    const messages = mqttMessagesOf(event(type, { bookingId: 'b1', showId: 's1', userId: 'u1', paymentId: 'p1', amount: 100 }));
    expect(messages).toEqual([
      {
        topic: 'tessera/bookings/b1/status',
        pattern: 'tessera/bookings/{bookingId}/status',
        retain: false,
        payload: { id: 'e-1', type, occurredAt: '2027-01-01T10:00:00.000Z', data: { bookingId: 'b1', showId: 's1', status } },
      },
    ]);
  });

  it('says nothing for a payment that leaves the booking held', () => {
    expect(mqttMessagesOf(event('booking.payment-started.v1', { bookingId: 'b1', showId: 's1' }))).toEqual([]);
    expect(mqttMessagesOf(event('booking.payment-declined.v1', { bookingId: 'b1', showId: 's1' }))).toEqual([]);
  });

  const deadlines = { acknowledgeBy: '2027-01-01T10:15:00.000Z', resolveBy: '2027-01-01T14:00:00.000Z' };

  it("maps a fan's incident report without the reporter or the description", () => {
    const reported: IncidentReported['data'] = {
      incidentId: 'i1',
      source: 'report',
      title: 'Seat 12 broken',
      description: 'my phone is +41 79 000 00 00, call me',
      location: { showId: 's1', seatId: 'A-1-12' },
      category: 'seat',
      urgency: 'high',
      impact: 'medium',
      priority: 'P2',
      severity: 'high',
      reporterId: 'user-7',
      reportedAt: '2027-01-01T10:00:00.000Z',
      deadlines,
    };
    expect(mqttMessagesOf(event(INCIDENT_REPORTED, reported))).toEqual([
      {
        topic: 'tessera/incidents/created',
        pattern: 'tessera/incidents/created',
        retain: false,
        payload: {
          id: 'e-1',
          type: INCIDENT_REPORTED,
          occurredAt: '2027-01-01T10:00:00.000Z',
          data: { incidentId: 'i1', source: 'report', title: 'Seat 12 broken', category: 'seat', urgency: 'high', impact: 'medium', priority: 'P2', severity: 'high', status: 'new', location: { showId: 's1', seatId: 'A-1-12' }, reportedAt: '2027-01-01T10:00:00.000Z', deadlines },
        },
      },
    ]);
  });

  it("maps a device rule's incident with its device, venue and rule", () => {
    const reported: IncidentReported['data'] = {
      incidentId: 'i2', source: 'device', title: 'gate-1: offline', description: 'rule offline', location: { area: 'north' }, category: 'facility', urgency: 'high', impact: 'high', priority: 'P1', severity: 'critical',
      reporterId: 'device:gate-1', venueId: 'arena', deviceId: 'gate-1', deviceType: 'gate_scanner', ruleId: 'offline', reading: { status: 'offline' }, reportedAt: '2027-01-01T10:00:00.000Z', deadlines,
    };
    const [created] = mqttMessagesOf(event(INCIDENT_REPORTED, reported));
    expect(created.payload.data).toEqual(expect.objectContaining({ source: 'device', venueId: 'arena', deviceId: 'gate-1', deviceType: 'gate_scanner', ruleId: 'offline' }));
    expect(JSON.stringify(created)).not.toMatch(/reporterId|reading|description/);
  });

  it('maps a status move without who moved it', () => {
    const moved: IncidentStatusChanged['data'] = { incidentId: 'i1', reporterId: 'user-7', from: 'new', to: 'acknowledged', at: '2027-01-01T10:05:00.000Z', by: 'staff-1', deadlines, severity: 'high' };
    expect(mqttMessagesOf(event(INCIDENT_STATUS_CHANGED, moved))).toEqual([
      {
        topic: 'tessera/incidents/status_updated',
        pattern: 'tessera/incidents/status_updated',
        retain: false,
        payload: { id: 'e-1', type: INCIDENT_STATUS_CHANGED, occurredAt: '2027-01-01T10:00:00.000Z', data: { incidentId: 'i1', from: 'new', to: 'acknowledged', status: 'acknowledged', at: '2027-01-01T10:05:00.000Z', severity: 'high', deadlines } },
      },
    ]);
    const cleared: IncidentStatusChanged['data'] = { ...moved, from: 'in_progress', to: 'resolved', by: 'device:gate-1', reason: 'device_cleared', deviceId: 'gate-1', venueId: 'arena' };
    expect(mqttMessagesOf(event(INCIDENT_STATUS_CHANGED, cleared))[0].payload.data).toEqual(expect.objectContaining({ reason: 'device_cleared', deviceId: 'gate-1', venueId: 'arena', status: 'resolved' }));
  });

  it("maps a device's status to its retained topic", () => {
    const changed: DeviceStatusChanged['data'] = { deviceId: 'gate-1', venueId: 'arena', deviceType: 'gate_scanner', from: 'online', to: 'silent', at: '2027-01-01T10:02:00.000Z' };
    expect(mqttMessagesOf(event(DEVICE_STATUS_CHANGED, changed))).toEqual([
      {
        topic: 'tessera/devices/gate-1/status',
        pattern: 'tessera/devices/{deviceId}/status',
        retain: true,
        payload: { id: 'e-1', type: DEVICE_STATUS_CHANGED, occurredAt: '2027-01-01T10:00:00.000Z', data: { deviceId: 'gate-1', venueId: 'arena', type: 'gate_scanner', from: 'online', to: 'silent', status: 'silent', at: '2027-01-01T10:02:00.000Z' } },
      },
    ]);
  });

  it('leaves availability to the show counts: seat and show events name the show', () => {
    expect(availabilityShowOf(event('seat.held.v1', { showId: 's1', seatId: 'A-1-1' }))).toBe('s1');
    expect(availabilityShowOf(event('show.cancelled.v1', { showId: 's1', reason: 'storm' }))).toBe('s1');
    expect(availabilityShowOf(event('booking.placed.v1', { showId: 's1' }))).toBeUndefined();
    expect(mqttMessagesOf(event('seat.held.v1', { showId: 's1', seatId: 'A-1-1' }))).toEqual([]);
  });

  it('makes the retained availability from the counts, and nothing for a draft show', () => {
    const counts = { showId: 's1', status: 'on_sale' as const, capacity: 30, available: 12, categories: [{ id: 'vip', capacity: 10, available: 2 }, { id: 'std', capacity: 20, available: 10 }] };
    expect(showAvailabilityMessage(event('seat.held.v1', {}), counts)).toEqual({
      topic: 'tessera/shows/s1/availability',
      pattern: 'tessera/shows/{showId}/availability',
      retain: true,
      payload: {
        id: 'e-1',
        type: 'seat.held.v1',
        occurredAt: '2027-01-01T10:00:00.000Z',
        data: { showId: 's1', status: 'on_sale', capacity: 30, available: 12, byCategory: [{ categoryId: 'vip', capacity: 10, available: 2 }, { categoryId: 'std', capacity: 20, available: 10 }] },
      },
    });
    expect(showAvailabilityMessage(event('show.created.v1', {}), { ...counts, status: 'draft' })).toBeUndefined();
  });

  it('refuses an id that would not be one topic level', () => {
    for (const id of ['a/b', '+', '#', '', 'a\u0000b']) {
      expect(() => mqttTopics.bookingStatus(id)).toThrow(InvalidTopicLevelError);
    }
    expect(() => mqttMessagesOf(event('booking.placed.v1', { bookingId: 'x/#', showId: 's1' }))).toThrow(InvalidTopicLevelError);
  });

  it('reads a device telemetry topic back', () => {
    const device = { venueId: 'arena', type: 'turnstile', deviceId: 't-9' };
    expect(parseDeviceTelemetryTopic(mqttTopics.deviceTelemetry(device))).toEqual(device);
    expect(parseDeviceTelemetryTopic('venues/arena/devices/turnstile/t-9/status')).toBeUndefined();
  });
});

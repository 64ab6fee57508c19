import {
  availabilityShowOf,
  DEVICE_STATUS_CHANGED,
  INCIDENT_REPORTED,
  INCIDENT_STATUS_CHANGED,
  mqttMessagesOf,
  showAvailabilityMessage,
  type LiveFeedEvent,
} from './mqtt-messages';
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

  it('maps incidents and device status from the fields their events have (venue operations)', () => {
    const [created] = mqttMessagesOf(event(INCIDENT_REPORTED, { incidentId: 'i1', title: 'Seat 12 broken', severity: 'low', reporterId: 'u1', description: 'long text' }));
    expect(created).toEqual(expect.objectContaining({ topic: 'tessera/incidents/created', retain: false }));
    expect(created.payload.data).toEqual({ incidentId: 'i1', title: 'Seat 12 broken', severity: 'low' });
    const [moved] = mqttMessagesOf(event(INCIDENT_STATUS_CHANGED, { incidentId: 'i1', from: 'new', to: 'acknowledged', actorId: 'staff-1' }));
    expect(moved).toEqual(expect.objectContaining({ topic: 'tessera/incidents/status_updated', retain: false }));
    expect(moved.payload.data).toEqual({ incidentId: 'i1', from: 'new', to: 'acknowledged' });
    const [device] = mqttMessagesOf(event(DEVICE_STATUS_CHANGED, { deviceId: 'gate-1', venueId: 'arena', status: 'offline', deviceKeyHash: 'x' }));
    expect(device).toEqual(expect.objectContaining({ topic: 'tessera/devices/gate-1/status', pattern: 'tessera/devices/{deviceId}/status', retain: true }));
    expect(device.payload.data).toEqual({ deviceId: 'gate-1', venueId: 'arena', status: 'offline' });
    expect(mqttMessagesOf(event(INCIDENT_REPORTED, { title: 'no id' }))).toEqual([]);
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

/**
 * The event types the live stream carries, by family (LIVE_FEED_EVENT_TYPES in libs/contracts,
 * which the web app cannot import: it sees only the public contract, and /openapi.json does not
 * list event types). The browser's EventSource dispatches each message under its exact type, so
 * pages name these rather than the `booking.*` prefixes the stream also accepts.
 * test/web/feed-types.spec.ts fails when this list and the server's differ.
 */
export const SHOW_EVENT_TYPES = ['show.created.v1', 'show.published.v1', 'show.cancelled.v1'] as const;
export const SEAT_EVENT_TYPES = ['seat.held.v1', 'seat.released.v1', 'seat.sold.v1'] as const;
export const BOOKING_EVENT_TYPES = [
  'booking.requested.v1',
  'booking.placed.v1',
  'booking.confirmed.v1',
  'booking.expired.v1',
  'booking.cancelled.v1',
  'booking.refunded.v1',
  'booking.rejected.v1',
  'booking.payment-declined.v1',
  'booking.payment-started.v1',
] as const;
export const TICKET_EVENT_TYPES = ['ticket.issued.v1', 'ticket.transferred.v1', 'ticket.checked-in.v1', 'ticket.voided.v1'] as const;
export const INCIDENT_EVENT_TYPES = [
  'incident.reported.v1',
  'incident.status_changed.v1',
  'incident.reprioritized.v1',
  'incident.severity_set.v1',
  'incident.assigned.v1',
  'incident.note_added.v1',
  'incident.sla_breached.v1',
] as const;
export const DEVICE_EVENT_TYPES = ['device.status_changed.v1', 'device.rule_raised.v1', 'device.rule_cleared.v1'] as const;
export const WAITLIST_EVENT_TYPES = ['waitlist.joined.v1', 'waitlist.offered.v1', 'waitlist.fulfilled.v1', 'waitlist.offer-expired.v1', 'waitlist.left.v1'] as const;
export const WAITING_ROOM_EVENT_TYPES = ['waiting_room.joined.v1', 'waiting_room.admitted.v1'] as const;

/** Every type the stream carries: what the admin's live feed asks for. */
export const LIVE_EVENT_TYPES: readonly string[] = [
  ...SHOW_EVENT_TYPES,
  ...SEAT_EVENT_TYPES,
  ...BOOKING_EVENT_TYPES,
  ...TICKET_EVENT_TYPES,
  ...INCIDENT_EVENT_TYPES,
  ...DEVICE_EVENT_TYPES,
  ...WAITLIST_EVENT_TYPES,
  ...WAITING_ROOM_EVENT_TYPES,
];

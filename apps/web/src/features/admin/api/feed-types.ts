/**
 * The event types the live feed carries (LIVE_FEED_EVENT_TYPES in libs/contracts, which the web
 * app cannot import). The browser's EventSource dispatches each message under its type, so the
 * feed page needs the exact names, not the `booking.*` prefixes the stream also accepts.
 * test/web/feed-types.spec.ts fails when the two lists differ.
 */
export const FEED_EVENT_TYPES: readonly string[] = [
  'show.created.v1',
  'show.published.v1',
  'show.cancelled.v1',
  'seat.held.v1',
  'seat.released.v1',
  'seat.sold.v1',
  'booking.requested.v1',
  'booking.placed.v1',
  'booking.confirmed.v1',
  'booking.expired.v1',
  'booking.cancelled.v1',
  'booking.refunded.v1',
  'booking.rejected.v1',
  'booking.payment-declined.v1',
  'booking.payment-started.v1',
  'ticket.issued.v1',
  'ticket.transferred.v1',
  'ticket.checked-in.v1',
  'ticket.voided.v1',
  'incident.reported.v1',
  'incident.status_changed.v1',
  'incident.reprioritized.v1',
  'incident.severity_set.v1',
  'incident.assigned.v1',
  'incident.note_added.v1',
  'incident.sla_breached.v1',
  'device.status_changed.v1',
  'device.rule_raised.v1',
  'device.rule_cleared.v1',
  'waitlist.joined.v1',
  'waitlist.offered.v1',
  'waitlist.fulfilled.v1',
  'waitlist.offer-expired.v1',
  'waitlist.left.v1',
  'waiting_room.joined.v1',
  'waiting_room.admitted.v1',
];

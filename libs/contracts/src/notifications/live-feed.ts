import { BOOKING_EVENT_TYPES } from '../box-office/booking.events';
import { SEAT_EVENT_TYPES } from '../box-office/seat.events';
import { SHOW_EVENT_TYPES } from '../box-office/show.events';
import { TICKET_EVENT_TYPES } from '../box-office/ticket.events';
import { WAITLIST_EVENT_TYPES } from '../box-office/waitlist.events';
import type { WaitingRoomEvent } from '../box-office/waiting-room.events';
import type { DeviceEvent } from '../venue-ops/device.events';
import { INCIDENT_EVENT_TYPES } from '../venue-ops/incident.events';

/**
 * The live feeds (API.md "Live feeds"): the SSE stream `GET /api/notifications/stream` and the
 * last events `GET /api/notifications/events`.
 *
 * The box office's events (the waiting lists' too) and those of venue operations travel on them. Account and e-mail
 * events never do: they carry e-mail addresses and password hashes, and a feed of sign-ups is
 * nobody's need. Nor does device.registered.v1: it carries the hash of the device's key, and
 * what it says (a device exists) is in GET /api/devices. Who sees what: fan-view.ts (the
 * notifier): a fan sees their own incidents, and no device event.
 */
/**
 * A waiting room's places and admissions (not its configuration: it carries the shuffle's seed).
 * A fan sees their own place and every admission, which is what moves a position (fan-view.ts).
 */
const WAITING_ROOM_FEED_EVENT_TYPES = ['waiting_room.joined.v1', 'waiting_room.admitted.v1'] as const satisfies readonly WaitingRoomEvent['type'][];

const DEVICE_FEED_EVENT_TYPES = ['device.status_changed.v1', 'device.rule_raised.v1', 'device.rule_cleared.v1'] as const satisfies readonly DeviceEvent['type'][];

export const LIVE_FEED_EVENT_TYPES: readonly string[] = [
  ...SHOW_EVENT_TYPES,
  ...SEAT_EVENT_TYPES,
  ...BOOKING_EVENT_TYPES,
  ...TICKET_EVENT_TYPES,
  ...WAITLIST_EVENT_TYPES,
  ...INCIDENT_EVENT_TYPES,
  ...DEVICE_FEED_EVENT_TYPES,
  ...WAITING_ROOM_FEED_EVENT_TYPES,
];

/** One event on a live feed: the `data:` of an SSE message, an item of the last events. */
export interface LiveEvent {
  /** The event's own id (a UUID), the same on every channel (MQTT too): lets a client drop duplicates. */
  id: string;
  /** The global log position: the SSE message's `id:`, what `Last-Event-ID` resumes after. */
  position: number;
  type: string;
  stream: string;
  /** ISO 8601 UTC. */
  occurredAt: string;
  data: unknown;
}

export interface LiveEventsResponse {
  /** Newest first. */
  items: LiveEvent[];
}

export interface StreamTokenResponse {
  /** Pass as `?token=` to GET /api/notifications/stream; good once, for `expiresIn` seconds. */
  token: string;
  expiresIn: number;
}

/** How long a stream token is good for. */
export const STREAM_TOKEN_TTL_SECONDS = 60;

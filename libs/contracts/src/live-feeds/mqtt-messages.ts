import type { BookingStatus } from '../box-office/booking.response';
import { BOOKING_EVENT_TYPES } from '../box-office/booking.events';
import { SEAT_EVENT_TYPES } from '../box-office/seat.events';
import type { ShowStatus } from '../box-office/show.response';
import { MQTT_TOPIC_PATTERNS, mqttTopics, RETAINED_MQTT_TOPICS, type MqttTopicName, type MqttTopicPattern } from './mqtt-topics';

/**
 * What an event means on MQTT (API.md, Live feeds): a pure mapping from a recorded event to the
 * messages the notifier publishes. Every payload is `{ id, type, occurredAt, data }`, `id` the id
 * of the event it comes from, so that a subscriber drops the duplicates at-least-once delivery
 * brings. `data` is a chosen set of fields, never the whole event: integrations subscribed to
 * `tessera/#` see no user ids, e-mail addresses or payment ids.
 */

/** The parts of a recorded event the mapping reads. */
export interface LiveFeedEvent {
  id: string;
  type: string;
  data: unknown;
  metadata: { occurredAt: string };
}

export interface MqttPayload<TData = unknown> {
  /** The id of the event that caused the message: the same on every redelivery. */
  id: string;
  type: string;
  occurredAt: string;
  data: TData;
}

export interface MqttMessage<TData = unknown> {
  topic: string;
  /** The topic's pattern: its name in metrics (never the topic itself, which carries ids) and in the AsyncAPI document. */
  pattern: MqttTopicPattern;
  retain: boolean;
  payload: MqttPayload<TData>;
}

export interface ShowAvailabilityData {
  showId: string;
  status: ShowStatus;
  capacity: number;
  available: number;
  byCategory: { categoryId: string; capacity: number; available: number }[];
}

export interface BookingStatusData {
  bookingId: string;
  showId: string;
  status: BookingStatus;
}

/** The show-detail counts an availability message is made from (the seating read model's document). */
export interface ShowAvailabilitySource {
  showId: string;
  status: ShowStatus;
  capacity: number;
  available: number;
  categories: readonly { id: string; capacity: number; available: number }[];
}

/**
 * The event types of venue operations (issue 13) the channel maps. Their contracts are not on
 * this branch yet: the mapping reads the fields named below where the event has them.
 */
export const INCIDENT_REPORTED = 'incident.reported.v1';
export const INCIDENT_STATUS_CHANGED = 'incident.status_changed.v1';
export const DEVICE_STATUS_CHANGED = 'device.status_changed.v1';

const BOOKING_STATUS_AFTER: Partial<Record<(typeof BOOKING_EVENT_TYPES)[number], BookingStatus>> = {
  'booking.requested.v1': 'pending',
  'booking.placed.v1': 'held',
  'booking.confirmed.v1': 'confirmed',
  'booking.expired.v1': 'expired',
  'booking.cancelled.v1': 'cancelled',
  'booking.refunded.v1': 'refunded',
  'booking.rejected.v1': 'rejected',
  // payment-started and payment-declined leave the booking held: nothing to tell.
};

/** Events after which a show's availability may have changed (and the show whose). */
export const AVAILABILITY_EVENT_TYPES: readonly string[] = [...SEAT_EVENT_TYPES, 'show.published.v1', 'show.cancelled.v1'];

export const BOOKING_STATUS_EVENT_TYPES: readonly string[] = Object.keys(BOOKING_STATUS_AFTER);

/** Every type the MQTT channel consumes. */
export const MQTT_EVENT_TYPES: readonly string[] = [
  ...AVAILABILITY_EVENT_TYPES,
  ...BOOKING_STATUS_EVENT_TYPES,
  INCIDENT_REPORTED,
  INCIDENT_STATUS_CHANGED,
  DEVICE_STATUS_CHANGED,
];

const INCIDENT_CREATED_FIELDS = ['incidentId', 'title', 'category', 'urgency', 'impact', 'priority', 'severity', 'status', 'location', 'source', 'venueId', 'deviceId', 'ruleId'] as const;
const INCIDENT_STATUS_FIELDS = ['incidentId', 'from', 'to', 'status', 'priority', 'severity', 'venueId', 'deviceId'] as const;
const DEVICE_STATUS_FIELDS = ['deviceId', 'venueId', 'type', 'from', 'to', 'status', 'at', 'reason'] as const;

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** The listed fields the event has, in the listed order. */
const pick = (data: unknown, fields: readonly string[]): Record<string, unknown> => {
  const source = record(data);
  return Object.fromEntries(fields.filter((field) => source[field] !== undefined).map((field) => [field, source[field]]));
};

const message = <TData>(name: MqttTopicName, topic: string, event: LiveFeedEvent, data: TData): MqttMessage<TData> => ({
  topic,
  pattern: MQTT_TOPIC_PATTERNS[name],
  retain: RETAINED_MQTT_TOPICS.includes(name),
  payload: { id: event.id, type: event.type, occurredAt: event.metadata.occurredAt, data },
});

/** The show whose availability `event` may have changed, or undefined. */
export const availabilityShowOf = (event: LiveFeedEvent): string | undefined => {
  if (!AVAILABILITY_EVENT_TYPES.includes(event.type)) return undefined;
  const showId = record(event.data).showId;
  return typeof showId === 'string' ? showId : undefined;
};

/**
 * The retained availability of a show as the read model counts it after `event`; undefined for a
 * draft show (not public: its topic must not reveal it).
 */
export const showAvailabilityMessage = (event: LiveFeedEvent, show: ShowAvailabilitySource): MqttMessage<ShowAvailabilityData> | undefined =>
  show.status === 'draft'
    ? undefined
    : message('showAvailability', mqttTopics.showAvailability(show.showId), event, {
        showId: show.showId,
        status: show.status,
        capacity: show.capacity,
        available: show.available,
        byCategory: show.categories.map((category) => ({ categoryId: category.id, capacity: category.capacity, available: category.available })),
      });

/**
 * The messages `event` means by itself: booking status, incidents, device status. Availability
 * needs the show's counts: see `showAvailabilityMessage`. An event of venue operations without
 * the id its topic needs maps to nothing.
 */
export const mqttMessagesOf = (event: LiveFeedEvent): MqttMessage[] => {
  const data = record(event.data);
  const status = BOOKING_STATUS_AFTER[event.type as keyof typeof BOOKING_STATUS_AFTER];
  if (status) {
    const { bookingId, showId } = data;
    if (typeof bookingId !== 'string' || typeof showId !== 'string') return [];
    return [message<BookingStatusData>('bookingStatus', mqttTopics.bookingStatus(bookingId), event, { bookingId, showId, status })];
  }
  switch (event.type) {
    case INCIDENT_REPORTED:
      return typeof data.incidentId === 'string' ? [message('incidentCreated', mqttTopics.incidentCreated(), event, pick(data, INCIDENT_CREATED_FIELDS))] : [];
    case INCIDENT_STATUS_CHANGED:
      return typeof data.incidentId === 'string' ? [message('incidentStatusUpdated', mqttTopics.incidentStatusUpdated(), event, pick(data, INCIDENT_STATUS_FIELDS))] : [];
    case DEVICE_STATUS_CHANGED:
      return typeof data.deviceId === 'string' ? [message('deviceStatus', mqttTopics.deviceStatus(data.deviceId), event, pick(data, DEVICE_STATUS_FIELDS))] : [];
    default:
      return [];
  }
};

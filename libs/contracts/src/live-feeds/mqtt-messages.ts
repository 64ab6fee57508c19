import type { BookingStatus } from '../box-office/booking.response';
import { BOOKING_EVENT_TYPES } from '../box-office/booking.events';
import { SEAT_EVENT_TYPES } from '../box-office/seat.events';
import type { ShowStatus } from '../box-office/show.response';
import type { DeviceStatus, DeviceStatusChanged, DeviceType } from '../venue-ops/device.events';
import type {
  IncidentCategory,
  IncidentDeadlines,
  IncidentImpact,
  IncidentLocation,
  IncidentPriority,
  IncidentReported,
  IncidentSeverity,
  IncidentSource,
  IncidentStatus,
  IncidentStatusChanged,
  IncidentUrgency,
} from '../venue-ops/incident.events';
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
 * An incident was reported (incident.reported.v1). Never the reporter (a user id, or
 * `device:{deviceId}`) nor the free-text description a fan wrote: subscribers of `tessera/#` see
 * no user ids, and a description may hold anything a fan typed.
 */
export interface IncidentCreatedData {
  incidentId: string;
  source: IncidentSource;
  title: string;
  category: IncidentCategory;
  urgency: IncidentUrgency;
  impact: IncidentImpact;
  priority: IncidentPriority;
  severity: IncidentSeverity;
  status: 'new';
  location: IncidentLocation;
  reportedAt: string;
  deadlines: IncidentDeadlines;
  venueId?: string;
  deviceId?: string;
  deviceType?: string;
  ruleId?: string;
}

/** An incident's status moved (incident.status_changed.v1). Never who moved it (`by`: a staff id) nor the reporter. */
export interface IncidentStatusUpdatedData {
  incidentId: string;
  from: IncidentStatus;
  to: IncidentStatus;
  /** The status now (= `to`). */
  status: IncidentStatus;
  at: string;
  severity: IncidentSeverity;
  deadlines: IncidentDeadlines;
  reason?: 'device_cleared';
  venueId?: string;
  deviceId?: string;
}

/** A device's status changed (device.status_changed.v1); retained, so `status` is the device's current status. */
export interface DeviceStatusData {
  deviceId: string;
  venueId: string;
  type: DeviceType;
  from: DeviceStatus;
  to: DeviceStatus;
  status: DeviceStatus;
  at: string;
}

export const INCIDENT_REPORTED = 'incident.reported.v1' satisfies IncidentReported['type'];
export const INCIDENT_STATUS_CHANGED = 'incident.status_changed.v1' satisfies IncidentStatusChanged['type'];
export const DEVICE_STATUS_CHANGED = 'device.status_changed.v1' satisfies DeviceStatusChanged['type'];

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

const record = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});

/** The optional fields among `values` that are set: an absent field stays absent, never `undefined` in the JSON. */
const defined = <T extends Record<string, unknown>>(values: T): Partial<T> =>
  Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;

const incidentCreatedData = ({ data }: IncidentReported): IncidentCreatedData => ({
  incidentId: data.incidentId,
  source: data.source,
  title: data.title,
  category: data.category,
  urgency: data.urgency,
  impact: data.impact,
  priority: data.priority,
  severity: data.severity,
  status: 'new',
  location: data.location,
  reportedAt: data.reportedAt,
  deadlines: data.deadlines,
  ...defined({ venueId: data.venueId, deviceId: data.deviceId, deviceType: data.deviceType, ruleId: data.ruleId }),
});

const incidentStatusUpdatedData = ({ data }: IncidentStatusChanged): IncidentStatusUpdatedData => ({
  incidentId: data.incidentId,
  from: data.from,
  to: data.to,
  status: data.to,
  at: data.at,
  severity: data.severity,
  deadlines: data.deadlines,
  ...defined({ reason: data.reason, venueId: data.venueId, deviceId: data.deviceId }),
});

const deviceStatusData = ({ data }: DeviceStatusChanged): DeviceStatusData => ({
  deviceId: data.deviceId,
  venueId: data.venueId,
  type: data.deviceType,
  from: data.from,
  to: data.to,
  status: data.to,
  at: data.at,
});

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
 * needs the show's counts: see `showAvailabilityMessage`.
 */
export const mqttMessagesOf = (event: LiveFeedEvent): MqttMessage[] => {
  const data = record(event.data);
  const status = BOOKING_STATUS_AFTER[event.type as keyof typeof BOOKING_STATUS_AFTER];
  if (status) {
    const { bookingId, showId } = data;
    if (typeof bookingId !== 'string' || typeof showId !== 'string') return [];
    return [message<BookingStatusData>('bookingStatus', mqttTopics.bookingStatus(bookingId), event, { bookingId, showId, status })];
  }
  // The log holds what the contracts say for these types: the union narrows by `type`.
  const venueOps = event as unknown as LiveFeedEvent & (IncidentReported | IncidentStatusChanged | DeviceStatusChanged);
  switch (venueOps.type) {
    case INCIDENT_REPORTED:
      return [message('incidentCreated', mqttTopics.incidentCreated(), event, incidentCreatedData(venueOps))];
    case INCIDENT_STATUS_CHANGED:
      return [message('incidentStatusUpdated', mqttTopics.incidentStatusUpdated(), event, incidentStatusUpdatedData(venueOps))];
    case DEVICE_STATUS_CHANGED:
      return [message('deviceStatus', mqttTopics.deviceStatus(venueOps.data.deviceId), event, deviceStatusData(venueOps))];
    default:
      return [];
  }
};

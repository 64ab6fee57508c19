/**
 * The MQTT topics of Tessera (API.md, Live feeds): what the notifier publishes under `tessera/`,
 * and the telemetry topic devices publish to. Each has a pattern (`{showId}` placeholders), the
 * name metrics and the AsyncAPI document use, and a builder. Ids become one topic level: a
 * character MQTT gives a meaning to (`/`, `+`, `#`) or a NUL is refused, never passed on.
 */

export const MQTT_TOPIC_PATTERNS = {
  showAvailability: 'tessera/shows/{showId}/availability',
  bookingStatus: 'tessera/bookings/{bookingId}/status',
  incidentCreated: 'tessera/incidents/created',
  incidentStatusUpdated: 'tessera/incidents/status_updated',
  deviceStatus: 'tessera/devices/{deviceId}/status',
  deviceTelemetry: 'venues/{venueId}/devices/{type}/{deviceId}/telemetry',
} as const;

export type MqttTopicName = keyof typeof MQTT_TOPIC_PATTERNS;
export type MqttTopicPattern = (typeof MQTT_TOPIC_PATTERNS)[MqttTopicName];

/** Topics whose last message the broker keeps for new subscribers: the current state, not a happening. */
export const RETAINED_MQTT_TOPICS: readonly MqttTopicName[] = ['showAvailability', 'deviceStatus'];

/** Everything the notifier publishes lives under this prefix; the integration user may subscribe to it. */
export const TESSERA_TOPIC_ROOT = 'tessera';

/** An id that cannot be one topic level: publishing it would never succeed. */
export class InvalidTopicLevelError extends Error {
  constructor(value: string) {
    super(`${JSON.stringify(value)} cannot be an MQTT topic level`);
    this.name = 'InvalidTopicLevelError';
  }
}

const level = (value: string): string => {
  if (value === '' || /[/+#]/.test(value) || value.includes('\u0000')) throw new InvalidTopicLevelError(value);
  return value;
};

export const mqttTopics = {
  showAvailability: (showId: string): string => `tessera/shows/${level(showId)}/availability`,
  bookingStatus: (bookingId: string): string => `tessera/bookings/${level(bookingId)}/status`,
  incidentCreated: (): string => 'tessera/incidents/created',
  incidentStatusUpdated: (): string => 'tessera/incidents/status_updated',
  deviceStatus: (deviceId: string): string => `tessera/devices/${level(deviceId)}/status`,
  deviceTelemetry: (device: { venueId: string; type: string; deviceId: string }): string =>
    `venues/${level(device.venueId)}/devices/${level(device.type)}/${level(device.deviceId)}/telemetry`,
} as const satisfies Record<MqttTopicName, (...args: never[]) => string>;

/** What Tessera's telemetry ingest subscribes to: every device of every venue. */
export const DEVICE_TELEMETRY_SUBSCRIPTION = 'venues/+/devices/+/+/telemetry';

/** The parts of a telemetry topic, or undefined when `topic` is not one. */
export const parseDeviceTelemetryTopic = (topic: string): { venueId: string; type: string; deviceId: string } | undefined => {
  const match = /^venues\/([^/+#]+)\/devices\/([^/+#]+)\/([^/+#]+)\/telemetry$/.exec(topic);
  return match ? { venueId: match[1], type: match[2], deviceId: match[3] } : undefined;
};

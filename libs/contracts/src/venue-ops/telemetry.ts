import { READING_STATUSES, type Reading, type ReadingStatus } from './device.events';

/**
 * Telemetry bodies (POST /api/devices/{deviceId}/telemetry and the MQTT topic): one reading or an
 * array of up to 500. Checked by hand rather than by class-validator: both transports share it,
 * and at tens of thousands of readings a second a check is worth keeping to a few property reads.
 * A batch is all or nothing: one bad reading refuses the whole body, and nothing of it is applied.
 */

export const MAX_READINGS_PER_BODY = 500;
/** How far ahead of the server a device's clock may run before its reading is refused. */
export const MAX_CLOCK_AHEAD_MS = 5 * 60_000;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const FIELDS = new Set(['status', 'temperature', 'battery', 'errorRate', 'at']);

export interface FieldError {
  field: string;
  message: string;
}

export type ParsedTelemetry = { readings: Reading[] } | { errors: FieldError[] };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const checkNumber = (errors: FieldError[], field: string, value: unknown, min: number, max: number): void => {
  if (value === undefined) return;
  if (typeof value !== 'number' || !Number.isFinite(value)) errors.push({ field, message: 'must be a number' });
  else if (value < min || value > max) errors.push({ field, message: `must be between ${min} and ${max}` });
};

const fieldName = (prefix: string, field: string): string => (prefix ? `${prefix}.${field}` : field);

// Run for every reading of every transport: the names of refused fields are made only on refusal,
// `at` is parsed once, and the reading is built without intermediate objects.
const readingOf = (value: unknown, prefix: string, now: number, errors: FieldError[]): Reading | undefined => {
  if (!isObject(value)) {
    errors.push({ field: prefix || 'body', message: 'must be an object' });
    return undefined;
  }
  const before = errors.length;
  for (const key of Object.keys(value)) if (!FIELDS.has(key)) errors.push({ field: fieldName(prefix, key), message: 'is not allowed' });
  const { status, temperature, battery, errorRate, at } = value;
  if (status === undefined) errors.push({ field: fieldName(prefix, 'status'), message: 'is required' });
  else if (!READING_STATUSES.includes(status as ReadingStatus)) errors.push({ field: fieldName(prefix, 'status'), message: `must be one of ${READING_STATUSES.join(', ')}` });
  if (temperature !== undefined) checkNumber(errors, fieldName(prefix, 'temperature'), temperature, -100, 1000);
  if (battery !== undefined) checkNumber(errors, fieldName(prefix, 'battery'), battery, 0, 100);
  if (errorRate !== undefined) checkNumber(errors, fieldName(prefix, 'errorRate'), errorRate, 0, 1);
  if (at === undefined) errors.push({ field: fieldName(prefix, 'at'), message: 'is required' });
  else {
    const atMs = typeof at === 'string' && ISO_UTC.test(at) ? Date.parse(at) : Number.NaN;
    if (Number.isNaN(atMs)) errors.push({ field: fieldName(prefix, 'at'), message: 'must be an ISO 8601 UTC date-time' });
    else if (atMs > now + MAX_CLOCK_AHEAD_MS) errors.push({ field: fieldName(prefix, 'at'), message: 'must not be more than 5 minutes in the future' });
  }
  if (errors.length > before) return undefined;
  const reading: Reading = { status: status as ReadingStatus, at: at as string };
  if (temperature !== undefined) reading.temperature = temperature as number;
  if (battery !== undefined) reading.battery = battery as number;
  if (errorRate !== undefined) reading.errorRate = errorRate as number;
  return reading;
};

/** Parses a telemetry body; `now` (ms) bounds how far ahead `at` may be. */
export const parseTelemetry = (body: unknown, now: number): ParsedTelemetry => {
  const errors: FieldError[] = [];
  if (Array.isArray(body)) {
    if (body.length === 0) return { errors: [{ field: 'body', message: 'must hold at least one reading' }] };
    if (body.length > MAX_READINGS_PER_BODY) return { errors: [{ field: 'body', message: `must hold at most ${MAX_READINGS_PER_BODY} readings` }] };
    const readings: Reading[] = [];
    for (let i = 0; i < body.length && errors.length < 20; i++) {
      const reading = readingOf(body[i], `[${i}]`, now, errors);
      if (reading) readings.push(reading);
    }
    return errors.length > 0 ? { errors } : { readings };
  }
  const reading = readingOf(body, '', now, errors);
  return reading ? { readings: [reading] } : { errors };
};

/** The telemetry topic of API.md: `venues/{venueId}/devices/{type}/{deviceId}/telemetry`. */
export const telemetryTopic = (venueId: string, type: string, deviceId: string): string => `venues/${venueId}/devices/${type}/${deviceId}/telemetry`;
export const TELEMETRY_TOPIC_FILTER = 'venues/+/devices/+/+/telemetry';
const TOPIC = /^venues\/([^/+#]+)\/devices\/([^/+#]+)\/([^/+#]+)\/telemetry$/;

export const parseTelemetryTopic = (topic: string): { venueId: string; type: string; deviceId: string } | null => {
  const match = TOPIC.exec(topic);
  return match ? { venueId: match[1], type: match[2], deviceId: match[3] } : null;
};

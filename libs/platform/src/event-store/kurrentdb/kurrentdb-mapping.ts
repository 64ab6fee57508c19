import {
  ANY,
  END,
  NO_STREAM,
  PARK,
  PINNED,
  RETRY,
  ROUND_ROBIN,
  SKIP,
  START,
  STREAM_EXISTS,
  UnsupportedError,
  WrongExpectedVersionError,
  eventTypeFilter,
  excludeSystemEvents,
  persistentSubscriptionToAllSettingsFromDefaults,
  streamNameFilter,
  type AppendStreamState,
  type Filter as KurrentFilter,
  type JSONEventData,
  type PersistentAction,
  type PersistentSubscriptionToAllSettings,
  type Position as KurrentPosition,
  type ReadPosition,
  type RecordedEvent as KurrentRecordedEvent,
} from '@kurrent/kurrentdb-client';
import type { EventMetadata } from '@tessera/contracts';
import {
  WrongExpectedRevisionError,
  type ConsumerGroupOptions,
  type ConsumerGroupSettings,
  type EventFilter,
  type EventToAppend,
  type ExpectedRevision,
  type RecordedEvent,
  type RevisionConflict,
  type SubscriptionStart,
} from '../event-store.port';

/**
 * Pure translations between the EventStore port and the KurrentDB client: revisions and
 * positions (bigint there, safe integers here), filters, metadata, errors and group settings.
 * Kept apart from the I/O so they are tested without a server.
 */

// ---- numbers ---------------------------------------------------------------------------------

/** A bigint from the server as a port number; refuses to round silently. */
export const toSafeNumber = (value: bigint, what: string): number => {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`${what} ${value} is beyond Number.MAX_SAFE_INTEGER`);
  return number;
};

const toNonNegativeBigInt = (value: number, what: string): bigint => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a non-negative safe integer, got ${value}`);
  return BigInt(value);
};

export const toStreamState = (expected: ExpectedRevision): AppendStreamState => {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return toNonNegativeBigInt(expected, 'expected revision');
  }
};

/**
 * Our global position is the commit position. The server reports 2^64-1 (or nothing) where it
 * does not know it, e.g. on links; that reads as -1, "unknown", rather than a wrong number.
 */
export const UNKNOWN_POSITION = -1;

export const positionNumber = (position: KurrentPosition | undefined): number => {
  if (!position) return UNKNOWN_POSITION;
  const number = Number(position.commit);
  return Number.isSafeInteger(number) && number >= 0 ? number : UNKNOWN_POSITION;
};

/**
 * A port position as a log position to read from. Our positions are commit positions of events;
 * for an event written alone its prepare position is the same.
 */
export const toLogPosition = (position: number): KurrentPosition => {
  const value = toNonNegativeBigInt(position, 'position');
  return { commit: value, prepare: value };
};

/** Where a catch-up subscription or read starts; `after` positions are filtered client-side too. */
export const toReadPosition = (from: SubscriptionStart): ReadPosition => {
  if (from === 'start') return START;
  if (from === 'end') return END;
  return toLogPosition(from.after);
};

// ---- events ----------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Metadata goes as a flat object of strings: `multiStreamAppend` (KurrentDB 25.1) accepts
 * nothing else, and one encoding for both append paths keeps reads uniform.
 */
export const encodeMetadata = (metadata: EventMetadata): Record<string, string> => ({
  actorId: metadata.actorId,
  correlationId: metadata.correlationId,
  causationId: metadata.causationId,
  occurredAt: metadata.occurredAt,
  schemaVersion: String(metadata.schemaVersion),
});

export const decodeMetadata = (raw: unknown): EventMetadata => {
  const source = (typeof raw === 'object' && raw !== null && !(raw instanceof Uint8Array) ? raw : {}) as Record<string, unknown>;
  const text = (key: string): string => (typeof source[key] === 'string' ? (source[key] as string) : '');
  const version = Number(source.schemaVersion);
  return {
    actorId: text('actorId'),
    correlationId: text('correlationId'),
    causationId: text('causationId'),
    occurredAt: text('occurredAt'),
    schemaVersion: Number.isFinite(version) ? version : 0,
  };
};

export const toEventData = (event: EventToAppend): JSONEventData => {
  if (!UUID.test(event.id)) throw new TypeError(`event id "${event.id}" is not a UUID (KurrentDB requires one)`);
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: event.data as JSONEventData['data'],
    metadata: encodeMetadata(event.metadata),
  };
};

export const fromRecordedEvent = (event: KurrentRecordedEvent): RecordedEvent => {
  if (!event.isJson) throw new TypeError(`event ${event.id} in ${event.streamId} is not JSON`);
  return {
    id: event.id,
    stream: event.streamId,
    type: event.type,
    revision: toSafeNumber(event.revision, 'revision'),
    position: positionNumber(event.position),
    data: event.data,
    metadata: decodeMetadata(event.metadata),
    recordedAt: event.created.toISOString(),
  };
};

// ---- filters ---------------------------------------------------------------------------------

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The server filters on one criterion only, stream names or event types. Stream prefixes go to
 * the server (they cut the most); event types are then checked client-side by `matchesFilter`,
 * which also drops system streams. With types alone, an exact-match regex goes to the server.
 */
export const toServerFilter = (filter: EventFilter | undefined): KurrentFilter => {
  if (filter?.streamPrefixes && filter.streamPrefixes.length > 0) {
    return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  }
  if (filter?.eventTypes && filter.eventTypes.length > 0) {
    return eventTypeFilter({ regex: `^(?:${filter.eventTypes.map(escapeRegex).join('|')})$` });
  }
  return excludeSystemEvents();
};

/** A filter that can match nothing (an empty list) is answered without asking the server. */
export const matchesNothing = (filter: EventFilter | undefined): boolean =>
  (filter?.eventTypes !== undefined && filter.eventTypes.length === 0) ||
  (filter?.streamPrefixes !== undefined && filter.streamPrefixes.length === 0);

// ---- errors ----------------------------------------------------------------------------------

export class KurrentDbVersionError extends Error {
  constructor(feature: string, cause?: unknown) {
    super(`${feature} needs KurrentDB 25.1 or later: the server does not support it`);
    this.name = 'KurrentDbVersionError';
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

const GRPC_UNIMPLEMENTED = 12;

export const isUnsupported = (error: unknown): boolean =>
  error instanceof UnsupportedError || (error as { code?: unknown } | null)?.code === GRPC_UNIMPLEMENTED;

export const toRevisionConflict = (error: WrongExpectedVersionError, expected: ExpectedRevision): RevisionConflict => ({
  stream: error.streamName,
  expected,
  actual: error.actualState === NO_STREAM ? 'no_stream' : toSafeNumber(error.actualState, 'actual revision'),
});

/**
 * The client's conflict error as ours. `expectedFor` gives what the caller asked of the stream
 * (the server echoes it, but only as its own encoding).
 */
export const translateAppendError = (error: unknown, expectedFor: (stream: string) => ExpectedRevision): unknown => {
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError([toRevisionConflict(error, expectedFor(error.streamName))]);
  }
  return error;
};

// ---- consumer groups -------------------------------------------------------------------------

export const DEFAULT_MAX_RETRIES = 5;
export const DEFAULT_MESSAGE_TIMEOUT_MS = 30_000;

/**
 * Our `maxRetries` counts deliveries; KurrentDB's `maxRetryCount` counts redeliveries after the
 * first (an event is parked once its retry count reaches it), hence the minus one.
 */
export const toGroupSettings = (options: ConsumerGroupOptions = {}): PersistentSubscriptionToAllSettings =>
  persistentSubscriptionToAllSettingsFromDefaults({
    startFrom: toReadPosition(options.from ?? 'start'),
    maxRetryCount: Math.max(0, (options.maxRetries ?? DEFAULT_MAX_RETRIES) - 1),
    messageTimeout: options.messageTimeoutMs ?? DEFAULT_MESSAGE_TIMEOUT_MS,
    resolveLinkTos: false,
    consumerStrategyName: options.strategy === 'pinned-by-stream' ? PINNED : ROUND_ROBIN,
  });

/** The part of a group's server settings that ensureConsumerGroup compares (the filter is recorded apart). */
export const fromGroupSettings = (settings: PersistentSubscriptionToAllSettings): Omit<ConsumerGroupSettings, 'filter'> => ({
  maxRetries: settings.maxRetryCount + 1,
  messageTimeoutMs: settings.messageTimeout,
  strategy: settings.consumerStrategyName === PINNED ? 'pinned-by-stream' : 'round-robin',
});

/**
 * Where the filter a group was created with is recorded (in that stream's metadata): KurrentDB
 * neither reports a `$all` group's filter nor lets an update change it.
 */
export const groupDefinitionStreamName = (group: string): string => `tessera-consumer-group-${group}`;

export const toPersistentAction = (action: 'retry' | 'park' | 'skip'): PersistentAction => {
  switch (action) {
    case 'retry':
      return RETRY;
    case 'park':
      return PARK;
    case 'skip':
      return SKIP;
  }
};

/** Where KurrentDB keeps a group's parked events (links to the originals). */
export const parkedStreamName = (group: string): string => `$persistentsubscription-$all::${group}-parked`;

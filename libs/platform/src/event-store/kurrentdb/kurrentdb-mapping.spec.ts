import {
  END,
  EVENT_TYPE,
  NO_STREAM,
  PARK,
  RETRY,
  SKIP,
  START,
  STREAM_NAME,
  UnsupportedError,
  WrongExpectedVersionError,
  type PrefixesFilter,
  type RecordedEvent as KurrentRecordedEvent,
  type RegexFilter,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from '../event-store.port';
import {
  KurrentDbVersionError,
  UNKNOWN_POSITION,
  decodeMetadata,
  encodeMetadata,
  fromRecordedEvent,
  isUnsupported,
  matchesNothing,
  parkedStreamName,
  positionNumber,
  toEventData,
  toGroupSettings,
  fromGroupSettings,
  groupDefinitionStreamName,
  toLogPosition,
  toPersistentAction,
  toReadPosition,
  toSafeNumber,
  toServerFilter,
  toStreamState,
  translateAppendError,
} from './kurrentdb-mapping';

const metadata = {
  actorId: 'user-1',
  correlationId: 'c0ffee00-0000-4000-8000-000000000001',
  causationId: 'c0ffee00-0000-4000-8000-000000000002',
  occurredAt: '2026-03-04T05:06:07.000Z',
  schemaVersion: 2,
};
const eventId = '6f1c2a1e-3b4d-4c5e-8f60-718293a4b5c6';

describe('KurrentDB mapping: revisions and positions', () => {
  it('maps each expected revision to the client stream state', () => {
    expect(toStreamState('any')).toBe('any');
    expect(toStreamState('no_stream')).toBe('no_stream');
    expect(toStreamState('stream_exists')).toBe('stream_exists');
    expect(toStreamState(0)).toBe(0n);
    expect(toStreamState(41)).toBe(41n);
  });

  it('refuses an expected revision that is negative, fractional or unsafe', () => {
    expect(() => toStreamState(-1)).toThrow(RangeError);
    expect(() => toStreamState(1.5)).toThrow(RangeError);
    expect(() => toStreamState(2 ** 53)).toThrow(RangeError);
  });

  it('converts server bigints to numbers only when they are safe integers', () => {
    expect(toSafeNumber(9_007_199_254_740_991n, 'position')).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => toSafeNumber(9_007_199_254_740_992n, 'position')).toThrow(/position 9007199254740992/);
  });

  it('takes the commit position as ours, and marks an unknown one', () => {
    expect(positionNumber({ commit: 1234n, prepare: 1234n })).toBe(1234);
    expect(positionNumber({ commit: 1300n, prepare: 1250n })).toBe(1300);
    expect(positionNumber(undefined)).toBe(UNKNOWN_POSITION);
    expect(positionNumber({ commit: 18_446_744_073_709_551_615n, prepare: 18_446_744_073_709_551_615n })).toBe(UNKNOWN_POSITION);
  });

  it('turns a port position into a log position and a start into a read position', () => {
    expect(toLogPosition(77)).toEqual({ commit: 77n, prepare: 77n });
    expect(() => toLogPosition(-5)).toThrow(RangeError);
    expect(toReadPosition('start')).toBe(START);
    expect(toReadPosition('end')).toBe(END);
    expect(toReadPosition({ after: 10 })).toEqual({ commit: 10n, prepare: 10n });
  });
});

describe('KurrentDB mapping: events', () => {
  it('writes JSON events with string-only metadata, as multiStreamAppend requires', () => {
    const data = toEventData({ id: eventId, type: 'seat.held.v1', data: { bookingId: 'b1' }, metadata });
    expect(data).toEqual({
      id: eventId,
      contentType: 'application/json',
      type: 'seat.held.v1',
      data: { bookingId: 'b1' },
      metadata: { ...metadata, schemaVersion: '2' },
    });
    expect(Object.values(data.metadata as Record<string, unknown>).every((v) => typeof v === 'string')).toBe(true);
  });

  it('refuses an event id that is not a UUID', () => {
    expect(() => toEventData({ id: 'evt-1', type: 't.v1', data: {}, metadata })).toThrow(/not a UUID/);
  });

  it('round-trips metadata, and reads a number or missing fields tolerantly', () => {
    expect(decodeMetadata(encodeMetadata(metadata))).toEqual(metadata);
    expect(decodeMetadata({ ...metadata, schemaVersion: 3 })).toEqual({ ...metadata, schemaVersion: 3 });
    expect(decodeMetadata(undefined)).toEqual({ actorId: '', correlationId: '', causationId: '', occurredAt: '', schemaVersion: 0 });
  });

  it('reads a recorded JSON event into the port shape', () => {
    const recorded = {
      streamId: 'seat-A-1',
      id: eventId,
      isJson: true,
      revision: 4n,
      type: 'seat.held.v1',
      created: new Date('2026-03-04T05:06:08.123Z'),
      data: { bookingId: 'b1' },
      metadata: encodeMetadata(metadata),
      position: { commit: 5555n, prepare: 5555n },
    } as KurrentRecordedEvent;
    expect(fromRecordedEvent(recorded)).toEqual({
      id: eventId,
      stream: 'seat-A-1',
      type: 'seat.held.v1',
      revision: 4,
      position: 5555,
      data: { bookingId: 'b1' },
      metadata,
      recordedAt: '2026-03-04T05:06:08.123Z',
    });
  });

  it('refuses a binary event: Tessera writes JSON only', () => {
    const binary = { streamId: 's', id: eventId, isJson: false, revision: 0n, type: 't', created: new Date(0), data: new Uint8Array(), metadata: undefined } as unknown as KurrentRecordedEvent;
    expect(() => fromRecordedEvent(binary)).toThrow(/not JSON/);
  });
});

describe('KurrentDB mapping: filters', () => {
  it('sends stream prefixes to the server when given, leaving event types to the client', () => {
    const filter = toServerFilter({ streamPrefixes: ['seat-', 'booking-'], eventTypes: ['seat.held.v1'] }) as PrefixesFilter;
    expect(filter.filterOn).toBe(STREAM_NAME);
    expect(filter.prefixes).toEqual(['seat-', 'booking-']);
  });

  it('sends event types as an exact-match regex when they are the only criterion', () => {
    const filter = toServerFilter({ eventTypes: ['seat.held.v1', 'seat.sold.v1'] }) as RegexFilter;
    expect(filter.filterOn).toBe(EVENT_TYPE);
    const regex = new RegExp(filter.regex);
    expect(regex.test('seat.held.v1')).toBe(true);
    expect(regex.test('seat.sold.v1')).toBe(true);
    expect(regex.test('seat.held.v10')).toBe(false);
    expect(regex.test('seatXheld.v1')).toBe(false);
    expect(regex.test('x.seat.held.v1')).toBe(false);
  });

  it('excludes system events when there is no filter', () => {
    const filter = toServerFilter(undefined) as RegexFilter;
    expect(filter.filterOn).toBe(EVENT_TYPE);
    expect(new RegExp(filter.regex).test('$metadata')).toBe(false);
    expect(new RegExp(filter.regex).test('seat.held.v1')).toBe(true);
  });

  it('knows an empty list matches nothing', () => {
    expect(matchesNothing({ eventTypes: [] })).toBe(true);
    expect(matchesNothing({ streamPrefixes: [] })).toBe(true);
    expect(matchesNothing({ eventTypes: ['a.v1'] })).toBe(false);
    expect(matchesNothing(undefined)).toBe(false);
  });
});

describe('KurrentDB mapping: errors', () => {
  it('turns a wrong expected version into our conflict with the actual revision', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'seat-A-1', expected: 1n, current: 3n });
    const translated = translateAppendError(error, () => 1);
    expect(translated).toBeInstanceOf(WrongExpectedRevisionError);
    expect((translated as WrongExpectedRevisionError).conflicts).toEqual([{ stream: 'seat-A-1', expected: 1, actual: 3 }]);
  });

  it('reports a missing stream as no_stream and keeps what the caller expected', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 'booking-9', expected: 0n, current: NO_STREAM });
    const translated = translateAppendError(error, (stream) => (stream === 'booking-9' ? 'stream_exists' : 'any'));
    expect((translated as WrongExpectedRevisionError).conflicts).toEqual([
      { stream: 'booking-9', expected: 'stream_exists', actual: 'no_stream' },
    ]);
  });

  it('passes other errors through unchanged', () => {
    const other = new Error('unavailable');
    expect(translateAppendError(other, () => 'any')).toBe(other);
  });

  it('recognises a server too old for multi-stream appends', () => {
    expect(isUnsupported(new UnsupportedError('multiStreamAppend', '25.1'))).toBe(true);
    expect(isUnsupported(Object.assign(new Error('unimplemented'), { code: 12 }))).toBe(true);
    expect(isUnsupported(new Error('boom'))).toBe(false);
    expect(new KurrentDbVersionError('multiStreamAppend').message).toMatch(/KurrentDB 25\.1 or later/);
  });
});

describe('KurrentDB mapping: consumer groups', () => {
  it('counts deliveries as ours: maxRetries deliveries means maxRetries - 1 server retries', () => {
    const settings = toGroupSettings({ maxRetries: 3, messageTimeoutMs: 200, from: { after: 99 } });
    expect(settings.maxRetryCount).toBe(2);
    expect(settings.messageTimeout).toBe(200);
    expect(settings.startFrom).toEqual({ commit: 99n, prepare: 99n });
    expect(settings.resolveLinkTos).toBe(false);
  });

  it('defaults to 5 deliveries, a 30 s timeout and the start of the log', () => {
    const settings = toGroupSettings();
    expect(settings.maxRetryCount).toBe(4);
    expect(settings.messageTimeout).toBe(30_000);
    expect(settings.startFrom).toBe(START);
    expect(toGroupSettings({ maxRetries: 1 }).maxRetryCount).toBe(0);
  });

  it('reads a group\'s server settings back as ours, so that an unchanged group compares equal', () => {
    const options = { maxRetries: 3, messageTimeoutMs: 200, strategy: 'pinned-by-stream' } as const;
    expect(fromGroupSettings(toGroupSettings(options))).toEqual(options);
    expect(fromGroupSettings(toGroupSettings())).toEqual({ maxRetries: 5, messageTimeoutMs: 30_000, strategy: 'round-robin' });
    expect(groupDefinitionStreamName('notifier')).toBe('tessera-consumer-group-notifier');
  });

  it('maps nack actions and names the parked stream', () => {
    expect([toPersistentAction('retry'), toPersistentAction('park'), toPersistentAction('skip')]).toEqual([RETRY, PARK, SKIP]);
    expect(parkedStreamName('notifier')).toBe('$persistentsubscription-$all::notifier-parked');
  });
});

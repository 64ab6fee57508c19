import { LIVE_FEED_EVENT_TYPES } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { parseFeedFilter } from './feed-filter';

describe('the live stream filters', () => {
  it('take every event without filters', () => {
    expect(parseFeedFilter({}).accepts('show.created.v1', undefined)).toBe(true);
    expect(parseFeedFilter({ types: '' }).accepts('seat.held.v1', 's1')).toBe(true);
    // Such a client takes the batch's shared buffer.
    expect(parseFeedFilter({}).everything).toBe(true);
    expect(parseFeedFilter({ types: '*' }).everything).toBe(true);
    expect(parseFeedFilter({ types: 'seat.*' }).everything).toBe(false);
    expect(parseFeedFilter({ showId: 's1' }).everything).toBe(false);
  });

  it('match exact types and prefixes ending in *', () => {
    const filter = parseFeedFilter({ types: 'booking.*, seat.held.v1' });
    expect(filter.accepts('booking.placed.v1', 's1')).toBe(true);
    expect(filter.accepts('booking.confirmed.v1', undefined)).toBe(true);
    expect(filter.accepts('seat.held.v1', 's1')).toBe(true);
    expect(filter.accepts('seat.sold.v1', 's1')).toBe(false);
    expect(filter.accepts('show.created.v1', 's1')).toBe(false);
    // A prefix is a whole segment: `booking.*` is not `bookingx…`.
    expect(filter.accepts('bookings.other.v1', 's1')).toBe(false);
    expect(filter.acceptsType('booking.placed.v1')).toBe(true);
    expect(filter.acceptsType('seat.sold.v1')).toBe(false);
  });

  it('take every type the live feed carries by its exact name, underscores and hyphens included', () => {
    const filter = parseFeedFilter({ types: LIVE_FEED_EVENT_TYPES.join(',') });
    for (const type of LIVE_FEED_EVENT_TYPES) expect(filter.accepts(type, undefined)).toBe(true);
    expect(parseFeedFilter({ types: 'incident.status_changed.v1' }).accepts('incident.reported.v1', undefined)).toBe(false);
  });

  it('name types with underscores exactly (incident.status_changed.v1, waiting_room.admitted.v1)', () => {
    const filter = parseFeedFilter({ types: 'waiting_room.admitted.v1,incident.status_changed.v1' });
    expect(filter.accepts('waiting_room.admitted.v1', 's1')).toBe(true);
    expect(filter.accepts('incident.status_changed.v1', undefined)).toBe(true);
    expect(filter.accepts('waiting_room.joined.v1', 's1')).toBe(false);
    expect(parseFeedFilter({ types: 'waiting_room.*' }).accepts('waiting_room.joined.v1', 's1')).toBe(true);
  });

  it('narrow to one show: an event that names no show does not pass', () => {
    const filter = parseFeedFilter({ types: 'seat.*', showId: 'show-1' });
    expect(filter.accepts('seat.held.v1', 'show-1')).toBe(true);
    expect(filter.accepts('seat.held.v1', 'show-2')).toBe(false);
    expect(filter.accepts('seat.held.v1', undefined)).toBe(false);
  });

  it.each([
    [{ types: 'Booking placed' }],
    [{ types: 'booking.*.v1' }],
    [{ types: 'booking.,' }],
    [{ types: Array.from({ length: 65 }, () => 'seat.*').join(',') }],
    [{ types: ['seat.*'] }],
    [{ showId: '../x' }],
    [{ showId: 'a'.repeat(101) }],
    [{ showId: ['x'] }],
  ])('refuse %j with VALIDATION_FAILED', (query) => {
    expect(() => parseFeedFilter(query)).toThrow(DomainError);
    try {
      parseFeedFilter(query);
    } catch (error) {
      expect((error as DomainError).code).toBe('VALIDATION_FAILED');
    }
  });
});

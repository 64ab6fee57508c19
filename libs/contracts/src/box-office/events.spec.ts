import { schemaVersionOf } from '../events/envelope';
import { ALL_BOX_OFFICE_EVENT_TYPES, isBoxOfficeEventType } from './events';
import { parseSeatId, seatIdOf, seatIdsOfSection } from './seat-map';
import { bookingStream, seatStream, showStream, ticketStream } from './streams';

describe('box-office event types', () => {
  it('are unique, dotted and versioned', () => {
    expect(new Set(ALL_BOX_OFFICE_EVENT_TYPES).size).toBe(ALL_BOX_OFFICE_EVENT_TYPES.length);
    for (const type of ALL_BOX_OFFICE_EVENT_TYPES) {
      expect(type).toMatch(/^(show|seat|booking|ticket)\.[a-z-]+\.v\d+$/);
      expect(schemaVersionOf(type)).toBe(1);
    }
    expect(ALL_BOX_OFFICE_EVENT_TYPES).toHaveLength(19);
  });

  it('tells its own types from others', () => {
    expect(isBoxOfficeEventType('seat.held.v1')).toBe(true);
    expect(isBoxOfficeEventType('account.registered.v1')).toBe(false);
  });
});

describe('seat ids and streams', () => {
  it('spells a seat id from its parts and back', () => {
    expect(seatIdOf('A', '1', 7)).toBe('A-1-7');
    expect(parseSeatId('VIP_2-B-12')).toEqual({ sectionId: 'VIP_2', rowLabel: 'B', number: 12 });
  });

  it.each(['A-1-07', 'A-1-0', 'A-1', 'A-B-1-2', 'A-1-x', ''])('does not parse %p', (seatId) => {
    expect(parseSeatId(seatId)).toBeUndefined();
  });

  it('lists the seats of a section row by row', () => {
    expect(seatIdsOfSection({ id: 'A', rows: [{ label: '1', seats: 2 }, { label: '2', seats: 1 }] })).toEqual(['A-1-1', 'A-1-2', 'A-2-1']);
  });

  it('names the streams of ARCHITECTURE §3', () => {
    expect([showStream('s1'), seatStream('s1', 'A-1-7'), bookingStream('b1'), ticketStream('t1')]).toEqual([
      'show-s1',
      'seat-s1-A-1-7',
      'booking-b1',
      'ticket-t1',
    ]);
  });
});

import type { BookingEvent, SeatEvent, TicketEvent } from '@tessera/contracts';
import { fold } from '../decider';
import { DomainError } from '../domain-error';
import * as Booking from './booking';
import { decideCancelBooking } from './cancel-booking';
import * as Seat from './seat';
import {
  at,
  bookingConfirmed,
  bookingPlaced,
  SHOW_ID,
  seatHeld,
  seatReleased,
  seatSold,
  ticketIssued,
} from './spec-fixtures';
import * as Ticket from './ticket';

const cancel = (reason: 'customer_cancelled' | 'show_cancelled' = 'customer_cancelled'): Booking.CancelBooking => ({
  type: 'CancelBooking',
  data: { bookingId: 'b1', reason, refundId: 'r1' },
  metadata: { now: at(5) },
});

const given = (
  bookingEvents: BookingEvent[],
  seatEvents: Record<string, SeatEvent[]>,
  ticketEvents: Record<string, TicketEvent[]> = {},
) => ({
  when: (command: Booking.CancelBooking) => () =>
    decideCancelBooking({
      booking: fold(Booking.evolve, Booking.initialState, bookingEvents),
      seats: Object.fromEntries(Object.entries(seatEvents).map(([id, events]) => [id, fold(Seat.evolve, Seat.initialState, events)])),
      tickets: Object.fromEntries(
        Object.entries(ticketEvents).map(([id, events]) => [id, fold(Ticket.evolve, Ticket.initialState, events)]),
      ),
      command,
    }),
});

const held = {
  'A-1-1': [seatHeld('A-1-1', 'b1', at(10))],
  'B-1-2': [seatHeld('B-1-2', 'b1', at(10))],
};
const sold = {
  'A-1-1': [...held['A-1-1'], seatSold('A-1-1', 'b1', 't1')],
  'B-1-2': [...held['B-1-2'], seatSold('B-1-2', 'b1', 't2')],
};
const issued = { t1: [ticketIssued('t1', 'u1', 'A-1-1')], t2: [ticketIssued('t2', 'u1', 'B-1-2')] };
const voided = (ticketId: string, seatId: string, reason: 'booking_refunded' | 'show_cancelled'): TicketEvent => ({
  type: 'ticket.voided.v1',
  data: { ticketId, bookingId: 'b1', showId: SHOW_ID, seatId, reason },
});

describe('decideCancelBooking', () => {
  it('cancels a held booking and releases its seats in the same decision', () => {
    const decision = given([bookingPlaced()], held).when(cancel())();
    expect(decision.booking.map((event) => event.type)).toEqual(['booking.cancelled.v1']);
    expect(decision.seats).toEqual({
      'A-1-1': [seatReleased('A-1-1', 'b1', 'cancelled')],
      'B-1-2': [seatReleased('B-1-2', 'b1', 'cancelled')],
    });
    expect(decision.tickets).toEqual({});
  });

  it('leaves alone a seat that another booking took after this hold ran out', () => {
    const seats = { ...held, 'B-1-2': [seatHeld('B-1-2', 'b1', at(10)), seatHeld('B-1-2', 'b2', at(25))] };
    const decision = given([bookingPlaced()], seats).when(cancel())();
    expect(Object.keys(decision.seats)).toEqual(['A-1-1']);
  });

  it('refunds a paid booking, frees its seats and voids its tickets', () => {
    const decision = given([bookingPlaced(), bookingConfirmed()], sold, issued).when(cancel())();
    expect(decision.booking.map((event) => event.type)).toEqual(['booking.refunded.v1']);
    expect(decision.seats).toEqual({
      'A-1-1': [seatReleased('A-1-1', 'b1', 'refunded')],
      'B-1-2': [seatReleased('B-1-2', 'b1', 'refunded')],
    });
    expect(decision.tickets).toEqual({
      t1: [voided('t1', 'A-1-1', 'booking_refunded')],
      t2: [voided('t2', 'B-1-2', 'booking_refunded')],
    });
  });

  it('gives every release and void the show-cancelled reason when the show is called off', () => {
    const decision = given([bookingPlaced(), bookingConfirmed()], sold, issued).when(cancel('show_cancelled'))();
    expect(decision.seats['A-1-1']).toEqual([seatReleased('A-1-1', 'b1', 'show_cancelled')]);
    expect(decision.tickets['t1']).toEqual([voided('t1', 'A-1-1', 'show_cancelled')]);
  });

  it('refuses a customer whose ticket was already used at the gate', () => {
    const used = {
      ...issued,
      t1: [
        ...issued.t1,
        {
          type: 'ticket.checked-in.v1',
          data: { ticketId: 't1', showId: SHOW_ID, seatId: 'A-1-1', version: 1, checkedInAt: at(500), byStaffId: 's1' },
        } as TicketEvent,
      ],
    };
    let refusal: unknown;
    try {
      given([bookingPlaced(), bookingConfirmed()], sold, used).when(cancel())();
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe('INVALID_BOOKING_STATE');
  });

  it('decides nothing when a show cancellation meets a booking it already refunded', () => {
    const refunded = given([bookingPlaced(), bookingConfirmed()], sold, issued).when(cancel('show_cancelled'))().booking;
    expect(given([bookingPlaced(), bookingConfirmed(), ...refunded], {}, {}).when(cancel('show_cancelled'))()).toEqual({
      booking: [],
      seats: {},
      tickets: {},
    });
  });
});

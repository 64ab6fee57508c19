import { DeciderSpecification } from '../testing/decider-specification';
import { seatDecider, type SeatCommand } from './seat';
import { at, SHOW_ID, seatHeld, seatReleased, seatSold } from './spec-fixtures';

const spec = DeciderSpecification.for(seatDecider);
const SEAT = 'A-1-1';

const holdSeat = (bookingId: string, { now, until }: { now: string; until: string }): SeatCommand => ({
  type: 'HoldSeat',
  data: { showId: SHOW_ID, seatId: SEAT, bookingId, expiresAt: until },
  metadata: { now },
});
const releaseSeat = (bookingId: string, reason: 'cancelled' | 'refunded' | 'show_cancelled' | 'expired'): SeatCommand => ({
  type: 'ReleaseSeat',
  data: { showId: SHOW_ID, seatId: SEAT, bookingId, reason },
});
const expireHold = (bookingId: string, now: string): SeatCommand => ({
  type: 'ExpireHold',
  data: { showId: SHOW_ID, seatId: SEAT, bookingId },
  metadata: { now },
});
const sellSeat = (bookingId: string, ticketId: string, now: string): SeatCommand => ({
  type: 'SellSeat',
  data: { showId: SHOW_ID, seatId: SEAT, bookingId, ticketId },
  metadata: { now },
});

describe('Seat', () => {
  describe('HoldSeat', () => {
    it('holds an available seat', () => {
      spec.given([]).when(holdSeat('b1', { now: at(0), until: at(10) })).then([seatHeld(SEAT, 'b1', at(10))]);
    });

    it('holds a seat whose previous hold has expired, without waiting for the sweeper', () => {
      spec
        .given([seatHeld(SEAT, 'b1', at(10))])
        .when(holdSeat('b2', { now: at(11), until: at(21) }))
        .then([seatHeld(SEAT, 'b2', at(21))]);
    });

    it('treats a hold as over at its expiry instant exactly', () => {
      spec
        .given([seatHeld(SEAT, 'b1', at(10))])
        .when(holdSeat('b2', { now: at(10), until: at(20) }))
        .then([seatHeld(SEAT, 'b2', at(20))]);
    });

    it('holds a seat released after a refund', () => {
      spec
        .given([seatHeld(SEAT, 'b1', at(10)), seatSold(SEAT, 'b1', 't1'), seatReleased(SEAT, 'b1', 'refunded')])
        .when(holdSeat('b2', { now: at(30), until: at(40) }))
        .then([seatHeld(SEAT, 'b2', at(40))]);
    });

    it('refuses a seat another booking holds', () => {
      spec
        .given([seatHeld(SEAT, 'b1', at(10))])
        .when(holdSeat('b2', { now: at(9), until: at(19) }))
        .thenThrows('SEATS_UNAVAILABLE', { seats: [SEAT] });
    });

    it('refuses a sold seat, however long ago its hold expired', () => {
      spec
        .given([seatHeld(SEAT, 'b1', at(10)), seatSold(SEAT, 'b1', 't1')])
        .when(holdSeat('b2', { now: at(600), until: at(610) }))
        .thenThrows('SEATS_UNAVAILABLE', { seats: [SEAT] });
    });

    it('decides nothing when the same booking holds it again (a retried command)', () => {
      spec
        .given([seatHeld(SEAT, 'b1', at(10))])
        .when(holdSeat('b1', { now: at(1), until: at(11) }))
        .thenNothing();
    });
  });

  describe('ReleaseSeat', () => {
    it("releases the holder's hold", () => {
      spec.given([seatHeld(SEAT, 'b1', at(10))]).when(releaseSeat('b1', 'cancelled')).then([seatReleased(SEAT, 'b1', 'cancelled')]);
    });

    it('releases a sold seat when its booking is refunded', () => {
      spec
        .given([seatHeld(SEAT, 'b1', at(10)), seatSold(SEAT, 'b1', 't1')])
        .when(releaseSeat('b1', 'refunded'))
        .then([seatReleased(SEAT, 'b1', 'refunded')]);
    });

    it("leaves another booking's hold alone", () => {
      spec.given([seatHeld(SEAT, 'b2', at(20))]).when(releaseSeat('b1', 'cancelled')).thenNothing();
    });

    it('decides nothing for a seat that is already available (a repeated release)', () => {
      spec.given([seatHeld(SEAT, 'b1', at(10)), seatReleased(SEAT, 'b1', 'cancelled')]).when(releaseSeat('b1', 'cancelled')).thenNothing();
    });

    it('does not undo a sale for a reason that involves no refund', () => {
      spec
        .given([seatHeld(SEAT, 'b1', at(10)), seatSold(SEAT, 'b1', 't1')])
        .when(releaseSeat('b1', 'cancelled'))
        .thenNothing();
    });
  });

  describe('ExpireHold', () => {
    it('releases a hold that has run out', () => {
      spec.given([seatHeld(SEAT, 'b1', at(10))]).when(expireHold('b1', at(10))).then([seatReleased(SEAT, 'b1', 'expired')]);
    });

    it('decides nothing before the hold runs out', () => {
      spec.given([seatHeld(SEAT, 'b1', at(10))]).when(expireHold('b1', at(9))).thenNothing();
    });

    it('decides nothing once another booking has taken the seat (lazy expiry got there first)', () => {
      spec
        .given([seatHeld(SEAT, 'b1', at(10)), seatHeld(SEAT, 'b2', at(21))])
        .when(expireHold('b1', at(12)))
        .thenNothing();
    });

    it('decides nothing for a sold seat', () => {
      spec.given([seatHeld(SEAT, 'b1', at(10)), seatSold(SEAT, 'b1', 't1')]).when(expireHold('b1', at(60))).thenNothing();
    });
  });

  describe('SellSeat', () => {
    it('sells a seat held by the booking before its hold runs out', () => {
      spec.given([seatHeld(SEAT, 'b1', at(10))]).when(sellSeat('b1', 't1', at(9))).then([seatSold(SEAT, 'b1', 't1')]);
    });

    it('refuses when the hold has run out, even if nobody took the seat yet', () => {
      spec.given([seatHeld(SEAT, 'b1', at(10))]).when(sellSeat('b1', 't1', at(10))).thenThrows('HOLD_EXPIRED', { seats: [SEAT] });
    });

    it('refuses when another booking holds the seat now', () => {
      spec
        .given([seatHeld(SEAT, 'b1', at(10)), seatHeld(SEAT, 'b2', at(21))])
        .when(sellSeat('b1', 't1', at(12)))
        .thenThrows('HOLD_EXPIRED');
    });

    it('refuses when the hold was released', () => {
      spec
        .given([seatHeld(SEAT, 'b1', at(10)), seatReleased(SEAT, 'b1', 'cancelled')])
        .when(sellSeat('b1', 't1', at(5)))
        .thenThrows('HOLD_EXPIRED');
    });

    it('refuses a seat sold to another booking', () => {
      spec
        .given([seatHeld(SEAT, 'b2', at(10)), seatSold(SEAT, 'b2', 't9')])
        .when(sellSeat('b1', 't1', at(5)))
        .thenThrows('SEATS_UNAVAILABLE', { seats: [SEAT] });
    });

    it('decides nothing when the same sale is repeated', () => {
      spec.given([seatHeld(SEAT, 'b1', at(10)), seatSold(SEAT, 'b1', 't1')]).when(sellSeat('b1', 't1', at(11))).thenNothing();
    });
  });
});

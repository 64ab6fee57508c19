"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PayBookingHandler", {
    enumerable: true,
    get: function() {
        return PayBookingHandler;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _paymentproviderport = require("../../../../../libs/platform/src/payments/payment-provider.port");
const _ticketcodes = require("../../../../../libs/platform/src/security/ticket-codes");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _bookingprobe = require("../booking-probe");
const _bookingids = require("../booking-ids");
const _boxofficestreams = require("../box-office-streams");
const _bookingconfirmation = require("./booking-confirmation");
const _paybookingcommand = require("./pay-booking.command");
function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
/** The decline code providers give a card past its expiry (Stripe's `expired_card`). */ const EXPIRED_CARD = 'expired_card';
/** Stands in for the charge id in the check before charging, which only looks at the holds. */ const NOT_CHARGED_YET = 'not-charged-yet';
let PayBookingHandler = class PayBookingHandler {
    constructor(store, payments, codes, probe, clock){
        this.store = store;
        this.payments = payments;
        this.codes = codes;
        this.probe = probe;
        this.clock = clock;
        this.logger = new _common.Logger('PayBooking');
    }
    async execute(command) {
        const claimed = await this.claim(command);
        if (claimed === 'from the log') return (0, _bookingconfirmation.confirmationFromLog)(this.store, this.codes, command.bookingId);
        await this.probe.reached('pay-booking:before-charge');
        const paymentId = await this.charge(command, claimed.booking);
        await this.probe.reached('pay-booking:after-charge');
        return this.confirm(command, claimed, paymentId);
    }
    /**
   * Writes down, at the booking's revision, that this attempt is about to charge. Refused (and
   * nothing charged) when the booking is no longer held, was confirmed by another payment, the
   * card has expired, or another attempt is charging; a retry of this same attempt finds its claim.
   * The attempt's events on the booking stream (claim, then decline or confirmation) share one
   * command id, so their ids derive from the revision each lands at.
   */ claim({ bookingId, userId, card, context }) {
        const now = context.now.toISOString();
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            eventIds: 'by-revision',
            read: async (streams)=>{
                const loaded = await (0, _boxofficestreams.readBooking)(streams, bookingId);
                const booking = (0, _boxofficestreams.ownBooking)(loaded.state, bookingId, userId);
                const seats = _domain.Booking.isPlaced(booking) ? await (0, _boxofficestreams.readSeats)(streams, booking.showId, _domain.Booking.seatIdsOf(booking)) : {};
                return {
                    booking,
                    events: loaded.events,
                    seats
                };
            },
            decide: ({ booking, events, seats })=>{
                // The same request again after its answer was lost: the same confirmation. Any other
                // payment of a confirmed booking is refused below; a rejected one answers INVALID_BOOKING_STATE.
                if (booking.status === 'confirmed' && this.confirmedBy(events, context.causationId) || !_domain.Booking.isPlaced(booking)) {
                    return {
                        answer: 'from the log'
                    };
                }
                const claimed = {
                    booking,
                    tickets: booking.seats.map(({ seatId })=>({
                            ticketId: (0, _bookingids.ticketIdFor)(bookingId, seatId),
                            seatId
                        }))
                };
                (0, _domain.decidePayBooking)({
                    booking,
                    seats,
                    command: confirmationOf(claimed, NOT_CHARGED_YET, now)
                });
                const { expMonth, expYear } = card;
                const started = _domain.Booking.decide({
                    type: 'StartPayment',
                    data: {
                        bookingId,
                        attemptId: context.causationId,
                        card: {
                            expMonth,
                            expYear
                        }
                    },
                    metadata: {
                        now
                    }
                }, booking);
                return toBooking(bookingId, started, claimed);
            }
        });
    }
    /** The charge; a decline is written down (so a cancel waiting on it goes ahead) and answers 402. */ async charge(command, { bookingId, amount, currency }) {
        const charge = await this.payments.charge({
            bookingId,
            amount,
            currency,
            card: command.card
        });
        if (charge.status !== 'declined') return charge.paymentId;
        await this.recordDecline(command, charge.declineCode);
        if (charge.declineCode === EXPIRED_CARD) throw new _domain.DomainError('CARD_EXPIRED', 'the card has expired', {});
        throw new _domain.DomainError('PAYMENT_DECLINED', 'the card was declined', {
            declineCode: charge.declineCode
        });
    }
    /** The sale, at the time it happens (charging takes time); a hold lost meanwhile is refunded. */ async confirm(command, claimed, paymentId) {
        const { bookingId, context } = command;
        const { showId } = claimed.booking;
        const seatIds = _domain.Booking.seatIdsOf(claimed.booking);
        const chargedAt = this.clock.now();
        try {
            return await (0, _handlecommand.handleCommand)(this.store, {
                context: {
                    ...context,
                    now: chargedAt
                },
                read: async (streams)=>{
                    const [booking, seats] = await Promise.all([
                        (0, _boxofficestreams.readBooking)(streams, bookingId),
                        (0, _boxofficestreams.readSeats)(streams, showId, seatIds)
                    ]);
                    return {
                        booking: booking.state,
                        seats
                    };
                },
                decide: ({ booking, seats })=>{
                    const decision = (0, _domain.decidePayBooking)({
                        booking,
                        seats,
                        command: confirmationOf(claimed, paymentId, chargedAt.toISOString())
                    });
                    if (decision.booking.length === 0) return {
                        answer: (0, _bookingconfirmation.confirmationFromLog)(this.store, this.codes, bookingId)
                    };
                    return {
                        append: (0, _boxofficestreams.streamsOf)(decision, {
                            showId,
                            bookingId
                        }),
                        answer: ({ position })=>({
                                bookingId,
                                status: 'confirmed',
                                tickets: claimed.tickets.map((ticket)=>({
                                        ...ticket,
                                        code: this.codes.sign({
                                            ticketId: ticket.ticketId,
                                            version: 1
                                        })
                                    })),
                                position: String(position)
                            })
                    };
                }
            });
        } catch (error) {
            const holdLost = error instanceof _domain.DomainError && [
                'HOLD_EXPIRED',
                'SEATS_UNAVAILABLE',
                'INVALID_BOOKING_STATE'
            ].includes(error.code);
            if (!holdLost) throw error;
            await this.refundLostHold(command, paymentId, this.clock.now());
            if (error.code === 'INVALID_BOOKING_STATE') throw error;
            throw new _domain.DomainError('HOLD_EXPIRED', 'the hold ended before the payment arrived; the charge was refunded', {
                seats: seatIds,
                refunded: true
            });
        }
    }
    /** Whether this request (its command id) is the one that confirmed the booking. */ confirmedBy(events, causationId) {
        return events.some((event)=>event.type === 'booking.confirmed.v1' && event.metadata.causationId === causationId);
    }
    /** Compensation: the money goes back, and the log says why (`booking.refunded.v1`, hold_lost). */ async refundLostHold({ bookingId, context }, paymentId, now) {
        const refundId = (0, _bookingids.refundIdFor)(bookingId);
        await (0, _handlecommand.handleCommand)(this.store, {
            context: {
                ...context,
                causationId: refundId,
                now
            },
            read: async (streams)=>(await (0, _boxofficestreams.readBooking)(streams, bookingId)).state,
            decide: (state)=>{
                const events = _domain.Booking.decide({
                    type: 'RefundBooking',
                    data: {
                        bookingId,
                        refundId,
                        paymentId
                    },
                    metadata: {
                        now: now.toISOString()
                    }
                }, state);
                const { amount, currency } = state;
                return {
                    ...toBooking(bookingId, events, undefined),
                    before: ()=>this.payments.refund({
                            refundId,
                            paymentId,
                            amount,
                            currency
                        })
                };
            }
        });
        this.logger.warn({
            bookingId,
            paymentId,
            refundId
        }, 'payment arrived after the hold was lost; refunded');
    }
    /** The decline ends the attempt's claim, so a cancel waiting on it goes ahead at once. */ async recordDecline({ bookingId, context }, declineCode) {
        await (0, _handlecommand.handleCommand)(this.store, {
            context,
            eventIds: 'by-revision',
            read: async (streams)=>(await (0, _boxofficestreams.readBooking)(streams, bookingId)).state,
            decide: (state)=>toBooking(bookingId, _domain.Booking.decide({
                    type: 'RecordPaymentDeclined',
                    data: {
                        bookingId,
                        declineCode
                    }
                }, state), undefined)
        }).catch((error)=>// The claim then lapses by itself; the customer's answer (402) does not depend on this.
            this.logger.warn({
                err: error,
                bookingId
            }, 'could not record the declined payment'));
    }
};
PayBookingHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_paybookingcommand.PayBookingCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore,
        typeof _paymentproviderport.PaymentProvider === "undefined" ? Object : _paymentproviderport.PaymentProvider,
        typeof _ticketcodes.TicketCodes === "undefined" ? Object : _ticketcodes.TicketCodes,
        typeof _bookingprobe.BookingProbe === "undefined" ? Object : _bookingprobe.BookingProbe,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], PayBookingHandler);
const confirmationOf = ({ booking, tickets }, paymentId, now)=>({
        type: 'ConfirmBooking',
        data: {
            bookingId: booking.bookingId,
            paymentId,
            tickets
        },
        metadata: {
            now
        }
    });
/** Events for the booking stream, answering `result` either way; none: nothing to append. */ const toBooking = (bookingId, events, result)=>events.length === 0 ? {
        answer: result
    } : {
        append: {
            [(0, _contracts.bookingStream)(bookingId)]: events
        },
        answer: ()=>result
    };

//# sourceMappingURL=pay-booking.handler.js.map
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get DECLINED_TEST_CARD () {
        return DECLINED_TEST_CARD;
    },
    get RECENT () {
        return RECENT;
    },
    get SUCCEEDING_TEST_CARD () {
        return SUCCEEDING_TEST_CARD;
    },
    get SimulatedPaymentProvider () {
        return SimulatedPaymentProvider;
    },
    get simulatedChargeIdFor () {
        return simulatedChargeIdFor;
    }
});
const _nodecrypto = require("node:crypto");
const _paymentproviderport = require("./payment-provider.port");
const DECLINED_TEST_CARD = '4000000000000002';
const SUCCEEDING_TEST_CARD = '4242424242424242';
const idFrom = (prefix, key)=>`${prefix}_${(0, _nodecrypto.createHash)('sha256').update(key).digest('base64url').slice(0, 24)}`;
const simulatedChargeIdFor = (bookingId)=>idFrom('ch', bookingId);
const RECENT = 10_000;
/** Adds `key` as the newest entry, forgetting the oldest beyond RECENT. */ const remember = (map, key, value)=>{
    map.set(key, value);
    if (map.size > RECENT) map.delete(map.keys().next().value);
};
let SimulatedPaymentProvider = class SimulatedPaymentProvider extends _paymentproviderport.PaymentProvider {
    /** The last RECENT calls, oldest first, for tests that count charges. No card data. */ get calls() {
        return this.recentCalls;
    }
    constructor(clock){
        super(), this.clock = clock, this.charges = new Map(), this.refunds = new Map(), this.recentCalls = [];
    }
    async charge(request) {
        const first = this.charges.get(request.bookingId);
        if (first) {
            this.record({
                kind: 'charge',
                key: request.bookingId,
                outcome: 'replayed'
            });
            return first;
        }
        const digits = request.card.number.replace(/\D/g, '');
        const { expMonth, expYear } = request.card;
        // Good through the last instant of the expiry month, UTC.
        if (this.clock.now().getTime() >= Date.UTC(expYear, expMonth, 1)) {
            this.record({
                kind: 'charge',
                key: request.bookingId,
                outcome: 'declined'
            });
            return {
                status: 'declined',
                declineCode: 'expired_card'
            };
        }
        if (digits === DECLINED_TEST_CARD) {
            this.record({
                kind: 'charge',
                key: request.bookingId,
                outcome: 'declined'
            });
            return {
                status: 'declined',
                declineCode: 'card_declined'
            };
        }
        const result = {
            status: 'succeeded',
            paymentId: simulatedChargeIdFor(request.bookingId),
            amount: request.amount,
            currency: request.currency
        };
        remember(this.charges, request.bookingId, result);
        this.record({
            kind: 'charge',
            key: request.bookingId,
            outcome: 'succeeded'
        });
        return result;
    }
    async refund(request) {
        const first = this.refunds.get(request.refundId);
        if (first) return first;
        // Every charge id this provider gives has this shape, whether it still remembers the charge
        // (made before a restart, or long ago) or not.
        if (!request.paymentId.startsWith('ch_')) throw new _paymentproviderport.UnknownPaymentError(request.paymentId);
        const result = {
            refundId: request.refundId,
            paymentId: request.paymentId,
            amount: request.amount,
            status: 'refunded'
        };
        remember(this.refunds, request.refundId, result);
        this.record({
            kind: 'refund',
            key: request.refundId,
            outcome: 'refunded'
        });
        return result;
    }
    record(call) {
        this.recentCalls.push(call);
        // Trimmed in one go once well past the bound, so recording stays O(1) amortised.
        if (this.recentCalls.length > 2 * RECENT) this.recentCalls.splice(0, this.recentCalls.length - RECENT);
    }
};

//# sourceMappingURL=simulated-payment-provider.js.map
/**
 * PaymentProvider port: takes the money for a booking and gives it back. Charges are idempotent
 * per booking (the booking id is the idempotency key, so a retried payment can never charge
 * twice) and refunds per refund id. Card data passes through and is never stored or logged.
 */ "use strict";
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
    get PaymentProvider () {
        return PaymentProvider;
    },
    get UnknownPaymentError () {
        return UnknownPaymentError;
    }
});
let PaymentProvider = class PaymentProvider {
};
let UnknownPaymentError = class UnknownPaymentError extends Error {
    constructor(paymentId){
        super(`no such payment: ${paymentId}`);
        this.name = 'UnknownPaymentError';
    }
};

//# sourceMappingURL=payment-provider.port.js.map
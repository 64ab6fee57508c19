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
    get VOUCHER_CODE_PATTERN () {
        return VOUCHER_CODE_PATTERN;
    },
    get VOUCHER_EVENT_TYPES () {
        return VOUCHER_EVENT_TYPES;
    },
    get VOUCHER_KINDS () {
        return VOUCHER_KINDS;
    },
    get normaliseVoucherCode () {
        return normaliseVoucherCode;
    },
    get voucherStream () {
        return voucherStream;
    }
});
const VOUCHER_KINDS = [
    'percent',
    'amount'
];
const VOUCHER_EVENT_TYPES = [
    'voucher.created.v1',
    'voucher.redeemed.v1',
    'voucher.released.v1'
];
const VOUCHER_CODE_PATTERN = /^[A-Z0-9_-]{3,32}$/;
const normaliseVoucherCode = (code)=>code.trim().toUpperCase();
const voucherStream = (showId, code)=>`voucher-${showId}-${code}`;

//# sourceMappingURL=voucher.events.js.map
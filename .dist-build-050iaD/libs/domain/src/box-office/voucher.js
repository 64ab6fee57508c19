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
    get decide () {
        return decide;
    },
    get decideCreateVoucher () {
        return decideCreateVoucher;
    },
    get discountOf () {
        return discountOf;
    },
    get evolve () {
        return evolve;
    },
    get initialState () {
        return initialState;
    },
    get releaseFor () {
        return releaseFor;
    },
    get voucherDecider () {
        return voucherDecider;
    }
});
const _domainerror = require("../domain-error");
const _show = require("./show");
const _time = require("./time");
const initialState = {
    status: 'none'
};
const discountOf = (kind, value, eligible)=>{
    const off = kind === 'percent' ? Math.floor((eligible * value + 50) / 100) : value;
    return Math.max(0, Math.min(off, eligible));
};
const invalid = (message, details = {})=>new _domainerror.DomainError('VOUCHER_INVALID', message, details);
const create = ({ data }, state)=>{
    if (state.status !== 'none') throw new _domainerror.DomainError('VOUCHER_EXISTS', `voucher ${data.code} exists for this show`, {
        code: data.code
    });
    const errors = [];
    if (data.kind === 'percent' && !(data.value >= 1 && data.value <= 100)) errors.push({
        field: 'value',
        message: 'a percent voucher takes 1 to 100'
    });
    if (data.validFrom !== null && data.validUntil !== null && !(Date.parse(data.validFrom) < Date.parse(data.validUntil))) {
        errors.push({
            field: 'validUntil',
            message: 'must be after validFrom'
        });
    }
    if (data.perUser > data.maxUses) errors.push({
        field: 'perUser',
        message: 'must not exceed maxUses'
    });
    if (errors.length > 0) throw new _domainerror.DomainError('VALIDATION_FAILED', errors.map((e)=>`${e.field} ${e.message}`).join('; '), {
        errors
    });
    return [
        {
            type: 'voucher.created.v1',
            data
        }
    ];
};
const redeem = ({ data, metadata }, state)=>{
    const { showId, code, bookingId, userId, seats } = data;
    if (state.status === 'none' || state.showId !== showId) throw invalid(`no voucher ${code} for this show`, {
        code
    });
    if (Object.hasOwn(state.uses, bookingId)) return [];
    if (state.validFrom !== null && !(0, _time.hasReached)(metadata.now, state.validFrom)) throw invalid(`voucher ${code} is not valid before ${state.validFrom}`, {
        code
    });
    if (state.validUntil !== null && (0, _time.hasReached)(metadata.now, state.validUntil)) throw invalid(`voucher ${code} expired at ${state.validUntil}`, {
        code
    });
    const eligible = seats.filter((seat)=>state.categoryIds === null || state.categoryIds.includes(seat.categoryId)).reduce((sum, seat)=>sum + seat.price, 0);
    if (eligible === 0 && state.categoryIds !== null) throw invalid(`voucher ${code} is for none of these seats' categories`, {
        code
    });
    const uses = Object.values(state.uses);
    if (uses.length >= state.maxUses) throw new _domainerror.DomainError('VOUCHER_EXHAUSTED', `voucher ${code} has no uses left`, {
        code
    });
    if (uses.filter((user)=>user === userId).length >= state.perUser) {
        throw new _domainerror.DomainError('VOUCHER_EXHAUSTED', `voucher ${code} is used ${state.perUser} time(s) per user`, {
            code
        });
    }
    return [
        {
            type: 'voucher.redeemed.v1',
            data: {
                showId,
                code,
                bookingId,
                userId,
                discount: discountOf(state.kind, state.value, eligible)
            }
        }
    ];
};
const release = ({ data }, state)=>{
    // Idempotent: a booking whose use was given back already (or never taken) releases nothing.
    if (state.status === 'none' || !Object.hasOwn(state.uses, data.bookingId)) return [];
    const { showId, code } = state;
    return [
        {
            type: 'voucher.released.v1',
            data: {
                showId,
                code,
                bookingId: data.bookingId,
                userId: state.uses[data.bookingId],
                reason: data.reason
            }
        }
    ];
};
const decide = (command, state)=>{
    switch(command.type){
        case 'CreateVoucher':
            return create(command, state);
        case 'RedeemVoucher':
            return redeem(command, state);
        case 'ReleaseVoucher':
            return release(command, state);
    }
};
const evolve = (state, event)=>{
    switch(event.type){
        case 'voucher.created.v1':
            {
                const { byAdminId: _by, ...definition } = event.data;
                return {
                    ...definition,
                    status: 'active',
                    uses: {}
                };
            }
        case 'voucher.redeemed.v1':
            return state.status === 'none' ? state : {
                ...state,
                uses: {
                    ...state.uses,
                    [event.data.bookingId]: event.data.userId
                }
            };
        case 'voucher.released.v1':
            {
                if (state.status === 'none') return state;
                const { [event.data.bookingId]: _released, ...uses } = state.uses;
                return {
                    ...state,
                    uses
                };
            }
    }
};
const decideCreateVoucher = ({ show, voucher, command })=>{
    const { showId, categoryIds } = command.data;
    if (!(0, _show.isCreated)(show) || show.showId !== showId) throw new _domainerror.DomainError('SHOW_NOT_FOUND', `show ${showId} does not exist`, {
        showId
    });
    if (show.status === 'cancelled') throw new _domainerror.DomainError('INVALID_SHOW_STATE', 'the show is cancelled', {
        status: show.status
    });
    const unknown = (categoryIds ?? []).filter((id)=>!Object.hasOwn(show.categories, id));
    if (unknown.length > 0) {
        throw new _domainerror.DomainError('VALIDATION_FAILED', `no such category: ${unknown.join(', ')}`, {
            errors: [
                {
                    field: 'categoryIds',
                    message: `not categories of the show: ${unknown.join(', ')}`
                }
            ]
        });
    }
    return decide(command, voucher);
};
const releaseFor = (booking, voucher, reason)=>booking.discount ? {
        voucher: {
            code: booking.discount.code,
            events: decide({
                type: 'ReleaseVoucher',
                data: {
                    bookingId: booking.bookingId,
                    reason
                }
            }, voucher)
        }
    } : {};
const voucherDecider = {
    initialState,
    evolve,
    decide
};

//# sourceMappingURL=voucher.js.map
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CreateVoucherHandler", {
    enumerable: true,
    get: function() {
        return CreateVoucherHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _boxofficestreams = require("../../bookings/box-office-streams");
const _createvouchercommand = require("./create-voucher.command");
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
let CreateVoucherHandler = class CreateVoucherHandler {
    constructor(store){
        this.store = store;
    }
    execute({ showId, voucher, context }) {
        const { code } = voucher;
        const stream = (0, _contracts.voucherStream)(showId, code);
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            read: async (streams)=>{
                const [show, existing] = await Promise.all([
                    (0, _boxofficestreams.readShow)(streams, showId),
                    (0, _boxofficestreams.readVoucher)(streams, showId, code)
                ]);
                return {
                    show: show.state,
                    voucher: existing
                };
            },
            decide: ({ show, voucher: existing })=>{
                // The same request again after it went through (a retry of its command): the same answer.
                const created = existing.events.find((event)=>event.type === 'voucher.created.v1' && event.metadata.causationId === context.causationId);
                if (created) return {
                    answer: {
                        showId,
                        code,
                        position: String(created.position)
                    }
                };
                const events = (0, _domain.decideCreateVoucher)({
                    show,
                    voucher: existing.state,
                    command: {
                        type: 'CreateVoucher',
                        data: {
                            showId,
                            code,
                            kind: voucher.kind,
                            value: voucher.value,
                            maxUses: voucher.maxUses,
                            perUser: voucher.perUser,
                            categoryIds: voucher.categoryIds ?? null,
                            validFrom: voucher.validFrom === undefined ? null : new Date(voucher.validFrom).toISOString(),
                            validUntil: voucher.validUntil === undefined ? null : new Date(voucher.validUntil).toISOString(),
                            byAdminId: context.actorId
                        }
                    }
                });
                return {
                    append: {
                        [stream]: events
                    },
                    answer: ({ position })=>({
                            showId,
                            code,
                            position: String(position)
                        })
                };
            }
        });
    }
};
CreateVoucherHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_createvouchercommand.CreateVoucherCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], CreateVoucherHandler);

//# sourceMappingURL=create-voucher.handler.js.map
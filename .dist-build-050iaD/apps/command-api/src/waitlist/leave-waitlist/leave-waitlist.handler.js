"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LeaveWaitlistHandler", {
    enumerable: true,
    get: function() {
        return LeaveWaitlistHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _boxofficestreams = require("../../bookings/box-office-streams");
const _leavewaitlistcommand = require("./leave-waitlist.command");
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
let LeaveWaitlistHandler = class LeaveWaitlistHandler {
    constructor(store){
        this.store = store;
    }
    execute({ showId, entryId, userId, context }) {
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            read: (streams)=>(0, _boxofficestreams.readWaitlist)(streams, showId),
            decide: (waitlist)=>{
                const events = _domain.Waitlist.decide({
                    type: 'LeaveWaitlist',
                    data: {
                        showId,
                        entryId,
                        userId
                    }
                }, waitlist.state);
                if (events.length === 0) return {
                    answer: {
                        position: null
                    }
                };
                return {
                    append: {
                        [(0, _contracts.waitlistStream)(showId)]: events
                    },
                    answer: ({ position })=>({
                            position: String(position)
                        })
                };
            }
        });
    }
};
LeaveWaitlistHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_leavewaitlistcommand.LeaveWaitlistCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], LeaveWaitlistHandler);

//# sourceMappingURL=leave-waitlist.handler.js.map
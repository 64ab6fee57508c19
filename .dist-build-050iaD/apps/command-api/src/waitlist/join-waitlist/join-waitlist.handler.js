"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "JoinWaitlistHandler", {
    enumerable: true,
    get: function() {
        return JoinWaitlistHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _boxofficestreams = require("../../bookings/box-office-streams");
const _joinwaitlistcommand = require("./join-waitlist.command");
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
let JoinWaitlistHandler = class JoinWaitlistHandler {
    constructor(store){
        this.store = store;
    }
    execute({ showId, entryId, userId, categoryId, seats, context }) {
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            read: async (streams)=>{
                const [show, waitlist] = await Promise.all([
                    (0, _boxofficestreams.readShow)(streams, showId),
                    (0, _boxofficestreams.readWaitlist)(streams, showId)
                ]);
                return {
                    show: show.state,
                    waitlist
                };
            },
            decide: ({ show, waitlist })=>{
                const events = (0, _domain.decideJoinWaitlist)({
                    show,
                    waitlist: waitlist.state,
                    command: {
                        type: 'JoinWaitlist',
                        data: {
                            showId,
                            entryId,
                            userId,
                            categoryId,
                            seats
                        }
                    }
                });
                const [joined] = events;
                if (joined?.type === 'waitlist.joined.v1') {
                    return {
                        append: {
                            [(0, _contracts.waitlistStream)(showId)]: events
                        },
                        answer: ({ position })=>({
                                entryId,
                                position: String(position),
                                number: joined.data.number
                            })
                    };
                }
                // A retry of this join, or the user's entry from before.
                const existing = waitlist.state.entries[entryId] ?? (0, _domain.activeEntryOf)(waitlist.state, userId);
                if (!existing) throw new Error('the decider joined nobody and names no entry');
                return {
                    answer: answerFromLog(waitlist, existing.entryId)
                };
            }
        });
    }
};
JoinWaitlistHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_joinwaitlistcommand.JoinWaitlistCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], JoinWaitlistHandler);
/** The entry as its `waitlist.joined.v1` told it. */ const answerFromLog = ({ state, events }, entryId)=>{
    const joined = events.find((event)=>event.type === 'waitlist.joined.v1' && event.data.entryId === entryId);
    return {
        entryId,
        position: String(joined?.position ?? 0),
        number: state.entries[entryId].number
    };
};

//# sourceMappingURL=join-waitlist.handler.js.map
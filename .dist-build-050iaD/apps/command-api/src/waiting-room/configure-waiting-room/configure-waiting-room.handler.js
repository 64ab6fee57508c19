"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ConfigureWaitingRoomHandler", {
    enumerable: true,
    get: function() {
        return ConfigureWaitingRoomHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _boxofficestreams = require("../../bookings/box-office-streams");
const _configurewaitingroomcommand = require("./configure-waiting-room.command");
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
const answerOf = (showId, config, position)=>({
        showId,
        enabled: config.enabled,
        opensAt: config.opensAt,
        admitPerMinute: config.admitPerMinute,
        tokenMinutes: config.tokenMinutes,
        position: String(position)
    });
let ConfigureWaitingRoomHandler = class ConfigureWaitingRoomHandler {
    constructor(store){
        this.store = store;
    }
    execute({ showId, settings, seed, context }) {
        const stream = (0, _contracts.queueStream)(showId);
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            read: async (streams)=>{
                const [show, room] = await Promise.all([
                    (0, _boxofficestreams.readShow)(streams, showId),
                    streams.read(stream, _domain.waitingRoomDecider)
                ]);
                return {
                    show: show.state,
                    room
                };
            },
            decide: ({ show, room })=>{
                const data = {
                    showId,
                    ...settings,
                    seed,
                    byAdminId: context.actorId
                };
                const events = (0, _domain.decideConfigureWaitingRoom)({
                    show,
                    room: room.state,
                    command: {
                        type: 'ConfigureWaitingRoom',
                        data
                    }
                });
                if (events.length === 0) {
                    const last = room.events[room.events.length - 1];
                    return {
                        answer: answerOf(showId, room.state.config, last.position)
                    };
                }
                const [configured] = events;
                return {
                    append: {
                        [stream]: events
                    },
                    answer: ({ position })=>answerOf(showId, configured.data, position)
                };
            }
        });
    }
};
ConfigureWaitingRoomHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_configurewaitingroomcommand.ConfigureWaitingRoomCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], ConfigureWaitingRoomHandler);

//# sourceMappingURL=configure-waiting-room.handler.js.map
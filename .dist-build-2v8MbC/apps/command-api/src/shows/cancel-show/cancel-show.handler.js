"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CancelShowHandler", {
    enumerable: true,
    get: function() {
        return CancelShowHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _cancelshowcommand = require("./cancel-show.command");
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
let CancelShowHandler = class CancelShowHandler {
    constructor(events){
        this.events = events;
    }
    async execute({ showId, reason, context }) {
        const stream = (0, _contracts.showStream)(showId);
        return (0, _handlecommand.handleCommand)(this.events, {
            context,
            read: (streams)=>streams.read(stream, _domain.showDecider),
            decide: (show)=>({
                    append: {
                        [stream]: _domain.showDecider.decide({
                            type: 'CancelShow',
                            data: {
                                showId,
                                reason
                            }
                        }, show.state)
                    },
                    answer: ({ position })=>({
                            showId,
                            status: 'cancelled',
                            position: String(position)
                        })
                })
        });
    }
};
CancelShowHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_cancelshowcommand.CancelShowCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], CancelShowHandler);

//# sourceMappingURL=cancel-show.handler.js.map
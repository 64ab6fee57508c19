"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "PublishShowHandler", {
    enumerable: true,
    get: function() {
        return PublishShowHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _publishshowcommand = require("./publish-show.command");
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
let PublishShowHandler = class PublishShowHandler {
    constructor(store){
        this.store = store;
    }
    execute({ showId, context }) {
        const stream = (0, _contracts.showStream)(showId);
        const onSale = (position)=>({
                showId,
                status: 'on_sale',
                position: String(position)
            });
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            read: (streams)=>streams.read(stream, _domain.Show.showDecider),
            decide: (show)=>{
                // The same request again after it went through: the same answer.
                const published = show.events.find((event)=>event.type === 'show.published.v1' && event.metadata.causationId === context.causationId);
                if (published) return {
                    answer: onSale(published.position)
                };
                const events = _domain.Show.decide({
                    type: 'PublishShow',
                    data: {
                        showId
                    },
                    metadata: {
                        now: context.now.toISOString()
                    }
                }, show.state);
                return {
                    append: {
                        [stream]: events
                    },
                    answer: ({ position })=>onSale(position)
                };
            }
        });
    }
};
PublishShowHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_publishshowcommand.PublishShowCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], PublishShowHandler);

//# sourceMappingURL=publish-show.handler.js.map
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "CreateShowHandler", {
    enumerable: true,
    get: function() {
        return CreateShowHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _handlecommand = require("../../../../../libs/platform/src/commands/handle-command");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _refusalstatus = require("../../../../../libs/platform/src/http/refusal-status");
const _createshowcommand = require("./create-show.command");
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
let CreateShowHandler = class CreateShowHandler {
    constructor(store){
        this.store = store;
    }
    execute({ showId, request, context }) {
        const stream = (0, _contracts.showStream)(showId);
        const { categories, sections, ...fields } = request;
        const command = {
            type: 'CreateShow',
            data: {
                ...fields,
                showId,
                categories: categories.map(({ id, name, price })=>({
                        id,
                        name,
                        price
                    })),
                sections: sections.map(({ id, name, categoryId, rows })=>({
                        id,
                        name,
                        categoryId,
                        rows: rows.map(({ label, seats })=>({
                                label,
                                seats
                            }))
                    }))
            },
            metadata: {
                now: context.now.toISOString()
            }
        };
        return (0, _handlecommand.handleCommand)(this.store, {
            context,
            read: (streams)=>streams.read(stream, _domain.Show.showDecider),
            decide: (show)=>{
                // Retried with the same Idempotency-Key after the show was written: the same answer again.
                const created = show.events.find((event)=>event.type === 'show.created.v1' && event.metadata.causationId === context.causationId);
                if (created) return {
                    answer: {
                        showId,
                        position: String(created.position)
                    }
                };
                return {
                    append: {
                        [stream]: decideCreation(command, show.state)
                    },
                    answer: ({ position })=>({
                            showId,
                            position: String(position)
                        })
                };
            }
        });
    }
};
CreateShowHandler = _ts_decorate([
    (0, _cqrs.CommandHandler)(_createshowcommand.CreateShowCommand),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], CreateShowHandler);
/** A past date on creation is the request's own fault: 400, not the 409 of publishing a stale draft. */ const decideCreation = (command, state)=>{
    try {
        return _domain.Show.decide(command, state);
    } catch (error) {
        if (error instanceof _domain.DomainError && error.code === 'SHOW_IN_PAST') throw new _refusalstatus.RefusalWithStatus(error, 400);
        throw error;
    }
};

//# sourceMappingURL=create-show.handler.js.map
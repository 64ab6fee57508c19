"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "StreamAuditHandler", {
    enumerable: true,
    get: function() {
        return StreamAuditHandler;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _domain = require("../../../../../libs/domain/src");
const _eventstoreport = require("../../../../../libs/platform/src/event-store/event-store.port");
const _streamauditquery = require("./stream-audit.query");
const _streamstate = require("./stream-state");
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
let StreamAuditHandler = class StreamAuditHandler {
    constructor(events){
        this.events = events;
    }
    async execute({ stream, at }) {
        const recorded = await this.events.readStream(stream);
        if (recorded.length === 0 || stream.startsWith('$')) {
            throw new _domain.DomainError('STREAM_NOT_FOUND', `stream ${stream} does not exist`, {
                stream
            });
        }
        const last = recorded[recorded.length - 1].revision;
        if (at !== undefined && at > last) {
            throw new _domain.DomainError('STREAM_NOT_FOUND', `stream ${stream} has no revision ${at} (last is ${last})`, {
                stream,
                last
            });
        }
        const upTo = at ?? last;
        const aggregate = (0, _streamstate.aggregateOf)(stream);
        const state = aggregate ? recorded.filter((event)=>event.revision <= upTo).reduce((s, e)=>aggregate.evolve(s, {
                type: e.type,
                data: e.data
            }), aggregate.initialState) : null;
        return {
            stream,
            aggregate: aggregate?.name ?? null,
            at: upTo,
            events: recorded.map((event)=>({
                    revision: event.revision,
                    position: String(event.position),
                    type: event.type,
                    data: (0, _streamstate.redacted)(event.data),
                    metadata: event.metadata,
                    recordedAt: event.recordedAt
                })),
            state: (0, _streamstate.redacted)(state)
        };
    }
};
StreamAuditHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_streamauditquery.StreamAuditQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _eventstoreport.EventStore === "undefined" ? Object : _eventstoreport.EventStore
    ])
], StreamAuditHandler);

//# sourceMappingURL=stream-audit.handler.js.map
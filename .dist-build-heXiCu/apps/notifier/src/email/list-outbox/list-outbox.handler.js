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
    get ListOutboxHandler () {
        return ListOutboxHandler;
    },
    get outboxItemOf () {
        return outboxItemOf;
    }
});
const _cqrs = require("@nestjs/cqrs");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _outbox = require("../outbox");
const _listoutboxquery = require("./list-outbox.query");
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
/** A pending message is `retrying`: due for its first attempt, or waiting for the next one. */ const statusOf = (message)=>message.status === 'pending' ? 'retrying' : message.status;
const outboxItemOf = (message)=>({
        id: message._id,
        to: message.to,
        subject: message.subject,
        kind: message.kind,
        eventId: message.eventId,
        sentAt: message.sentAt,
        status: statusOf(message),
        attempts: message.attempts
    });
let ListOutboxHandler = class ListOutboxHandler {
    constructor(outbox, clock){
        this.outbox = outbox;
        this.clock = clock;
    }
    async execute({ limit, to }) {
        const messages = await this.outbox.list({
            limit,
            to
        }, this.clock.now().getTime());
        return {
            items: messages.map(outboxItemOf)
        };
    }
};
ListOutboxHandler = _ts_decorate([
    (0, _cqrs.QueryHandler)(_listoutboxquery.ListOutboxQuery),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _outbox.Outbox === "undefined" ? Object : _outbox.Outbox,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], ListOutboxHandler);

//# sourceMappingURL=list-outbox.handler.js.map
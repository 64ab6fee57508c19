"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LiveStreamHttpController", {
    enumerable: true,
    get: function() {
        return LiveStreamHttpController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _domain = require("../../../../../libs/domain/src");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _openapi = require("../../../../../libs/platform/src/http/openapi");
const _eventstream = require("../../../../../libs/platform/src/http/event-stream");
const _platformmodule = require("../../../../../libs/platform/src/platform.module");
const _feedclient = require("../feed-client");
const _feedfilter = require("../feed-filter");
const _livefeed = require("../live-feed");
const _streamtokens = require("../stream-tokens/stream-tokens");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const POSITION = /^\d{1,15}$/;
/** Last-Event-ID (header, as EventSource sends it on a reconnect) or `?lastEventId=`: a log position. */ const parseLastEventId = (header, query)=>{
    const given = header ?? query;
    if (given === undefined || given === '') return undefined;
    if (!POSITION.test(given)) {
        throw new _domain.DomainError('VALIDATION_FAILED', 'Last-Event-ID must be the id of a message of this stream (a log position)', {
            errors: [
                {
                    field: 'lastEventId',
                    message: 'must be a whole number ≥ 0'
                }
            ]
        });
    }
    return Number(given);
};
let LiveStreamHttpController = class LiveStreamHttpController {
    constructor(feed, tokens, config){
        this.feed = feed;
        this.tokens = tokens;
        this.config = config;
    }
    async stream(reply, token, types, showId, lastEventIdQuery, lastEventIdHeader) {
        const filter = (0, _feedfilter.parseFeedFilter)({
            types,
            showId
        });
        const after = parseLastEventId(lastEventIdHeader, lastEventIdQuery);
        const user = await this.tokens.redeem(token);
        const stream = (0, _eventstream.openEventStream)(reply, {
            heartbeatMs: this.config.SSE_HEARTBEAT_MS
        });
        const staff = user.roles.includes('staff') || user.roles.includes('admin');
        const client = new _feedclient.FeedClient(stream, {
            userId: user.userId,
            staff,
            epoch: user.epoch ?? 0
        }, filter, this.config.SSE_MAX_BUFFER_BYTES, this.feed.cut, after ?? 0);
        await this.feed.attach(client, after);
    }
};
_ts_decorate([
    (0, _swagger.ApiProduces)('text/event-stream'),
    (0, _swagger.ApiOkResponse)({
        description: 'text/event-stream. Each message: `id:` the global log position, `event:` the type, `data:` JSON `{ id, position, type, stream, occurredAt, data }`. ' + 'A `: heartbeat` comment every SSE_HEARTBEAT_MS. Staff and admin receive every event; a fan their own bookings and tickets, and seat availability (showId and seatId only).',
        content: {
            'text/event-stream': {
                schema: {
                    type: 'string'
                }
            }
        }
    }),
    (0, _swagger.ApiQuery)({
        name: 'token',
        required: true,
        description: 'From POST /api/notifications/stream-tokens: good once, for a minute.'
    }),
    (0, _swagger.ApiQuery)({
        name: 'types',
        required: false,
        description: 'Comma-separated event types or prefixes: `booking.*,seat.held.v1`.'
    }),
    (0, _swagger.ApiQuery)({
        name: 'showId',
        required: false,
        description: 'Only events of this show.'
    }),
    (0, _swagger.ApiQuery)({
        name: 'lastEventId',
        required: false,
        description: 'Resume after this position (as the Last-Event-ID header).',
        schema: {
            type: 'string',
            pattern: '^\\d{1,15}$'
        }
    }),
    (0, _swagger.ApiHeader)({
        name: 'Last-Event-ID',
        required: false,
        description: 'Resume after this position: the log is replayed from there, then the stream goes live.'
    }),
    (0, _openapi.ApiProblems)('UNAUTHENTICATED'),
    (0, _common.Get)('stream'),
    _ts_param(0, (0, _common.Res)()),
    _ts_param(1, (0, _common.Query)('token')),
    _ts_param(2, (0, _common.Query)('types')),
    _ts_param(3, (0, _common.Query)('showId')),
    _ts_param(4, (0, _common.Query)('lastEventId')),
    _ts_param(5, (0, _common.Headers)('last-event-id')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof FastifyReply === "undefined" ? Object : FastifyReply,
        String,
        String,
        String,
        String,
        String
    ]),
    _ts_metadata("design:returntype", Promise)
], LiveStreamHttpController.prototype, "stream", null);
LiveStreamHttpController = _ts_decorate([
    (0, _auth.Public)(),
    (0, _common.Controller)('api/notifications'),
    _ts_param(2, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _livefeed.LiveFeed === "undefined" ? Object : _livefeed.LiveFeed,
        typeof _streamtokens.StreamTokens === "undefined" ? Object : _streamtokens.StreamTokens,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], LiveStreamHttpController);

//# sourceMappingURL=live-stream.http.controller.js.map
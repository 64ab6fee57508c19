"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "SeatMapHttpController", {
    enumerable: true,
    get: function() {
        return SeatMapHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _precompressed = require("../../../../../libs/platform/src/http/precompressed");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _minpositioninterceptor = require("../../read-your-writes/min-position.interceptor");
const _seatmapquery = require("./seat-map.query");
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
let SeatMapHttpController = class SeatMapHttpController {
    constructor(queries){
        this.queries = queries;
    }
    /**
   * Writes the cached buffer as is, instead of letting Nest serialise a 60,000-seat object per
   * request, in the client's preferred coding from the cache: the compression plugin leaves
   * a response that already has a Content-Encoding alone, so nothing is compressed twice.
   */ async seats(showId, req, res, section, user) {
        const { body, etag } = await this.queries.execute(new _seatmapquery.SeatMapQuery(showId, section, user));
        // Our own ETag, from the sections' positions: nothing hashes megabytes per request.
        res.header('ETag', etag);
        res.header('Vary', 'Accept-Encoding');
        if (req.headers['if-none-match'] === etag) {
            await res.status(304).send();
            return;
        }
        const coding = body.codingFor((0, _precompressed.negotiateCoding)(req.headers['accept-encoding']));
        const bytes = await body.encoded(coding);
        // With a Content-Encoding set, the compression plugin leaves the bytes as they are.
        if (coding !== 'identity') res.header('Content-Encoding', coding);
        await res.status(200).type('application/json').send(bytes);
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.SeatMapResponseSchema
    }),
    (0, _swagger.ApiNotModifiedResponse)({
        description: 'With `If-None-Match` equal to the map\'s `ETag`.'
    }),
    (0, _swagger.ApiQuery)({
        name: 'section',
        required: false,
        description: 'Only this section\'s seats.'
    }),
    (0, _openapi1.ApiProblems)('SHOW_NOT_FOUND', 'NOT_FOUND'),
    (0, _common.Get)(':showId/seats'),
    _ts_param(0, (0, _common.Param)('showId')),
    _ts_param(1, (0, _common.Req)()),
    _ts_param(2, (0, _common.Res)()),
    _ts_param(3, (0, _common.Query)('section')),
    _ts_param(4, (0, _auth.CurrentUser)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        typeof FastifyRequest === "undefined" ? Object : FastifyRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply,
        String,
        typeof AuthenticatedUser === "undefined" ? Object : AuthenticatedUser
    ]),
    _ts_metadata("design:returntype", Promise)
], SeatMapHttpController.prototype, "seats", null);
SeatMapHttpController = _ts_decorate([
    (0, _auth.Public)(),
    (0, _common.UseInterceptors)(_minpositioninterceptor.MinPositionInterceptor),
    (0, _common.Controller)('api/shows'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], SeatMapHttpController);

//# sourceMappingURL=seat-map.http.controller.js.map
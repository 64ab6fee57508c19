"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RecentEventsHttpController", {
    enumerable: true,
    get: function() {
        return RecentEventsHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _domain = require("../../../../../libs/domain/src");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _platformmodule = require("../../../../../libs/platform/src/platform.module");
const _recenteventsminposition = require("./recent-events.min-position");
const _recenteventsquery = require("./recent-events.query");
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
const DEFAULT_LIMIT = 50;
let RecentEventsHttpController = class RecentEventsHttpController {
    constructor(queries, config){
        this.queries = queries;
        this.config = config;
    }
    events(limit) {
        const max = this.config.EVENT_BUFFER_SIZE;
        let size = Math.min(DEFAULT_LIMIT, max);
        if (limit !== undefined) {
            if (!/^\d{1,5}$/.test(limit) || Number(limit) < 1 || Number(limit) > max) {
                throw new _domain.DomainError('VALIDATION_FAILED', `limit must be a whole number from 1 to ${max}`, {
                    errors: [
                        {
                            field: 'limit',
                            message: `must be from 1 to ${max}`
                        }
                    ]
                });
            }
            size = Number(limit);
        }
        return this.queries.execute(new _recenteventsquery.RecentEventsQuery(size));
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.LiveEventsResponseSchema,
        description: 'Newest first; at most EVENT_BUFFER_SIZE; kept across restarts.'
    }),
    (0, _swagger.ApiQuery)({
        name: 'limit',
        required: false,
        description: 'Default 50, at most EVENT_BUFFER_SIZE.',
        schema: {
            type: 'string',
            pattern: '^\\d{1,5}$'
        }
    }),
    (0, _common.Get)('events'),
    _ts_param(0, (0, _common.Query)('limit')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], RecentEventsHttpController.prototype, "events", null);
RecentEventsHttpController = _ts_decorate([
    (0, _auth.Roles)('staff', 'admin'),
    (0, _common.UseInterceptors)(_recenteventsminposition.RecentEventsMinPosition),
    (0, _common.Controller)('api/notifications'),
    _ts_param(1, (0, _platformmodule.InjectConfig)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus,
        typeof TesseraConfig === "undefined" ? Object : TesseraConfig
    ])
], RecentEventsHttpController);

//# sourceMappingURL=recent-events.http.controller.js.map
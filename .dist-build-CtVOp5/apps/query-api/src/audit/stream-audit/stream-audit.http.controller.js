"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "StreamAuditHttpController", {
    enumerable: true,
    get: function() {
        return StreamAuditHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _domain = require("../../../../../libs/domain/src");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _streamauditquery = require("./stream-audit.query");
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
/** `at` is a whole number of at most 9 digits, so it is always a safe integer. */ const parseRevision = (at)=>{
    if (at === undefined) return undefined;
    if (/^\d{1,9}$/.test(at)) return Number(at);
    throw new _domain.DomainError('VALIDATION_FAILED', 'at must be a stream revision (a whole number ≥ 0)', {
        errors: [
            {
                field: 'at',
                message: 'must be a whole number ≥ 0'
            }
        ]
    });
};
let StreamAuditHttpController = class StreamAuditHttpController {
    constructor(queries){
        this.queries = queries;
    }
    stream(stream, at) {
        return this.queries.execute(new _streamauditquery.StreamAuditQuery(stream, parseRevision(at)));
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.StreamAuditResponseSchema
    }),
    (0, _swagger.ApiQuery)({
        name: 'at',
        required: false,
        description: 'A stream revision: the state as of it (default: the last).',
        schema: {
            type: 'string',
            pattern: '^\\d{1,9}$'
        }
    }),
    (0, _openapi1.ApiProblems)('STREAM_NOT_FOUND'),
    (0, _common.Get)('streams/:stream'),
    _ts_param(0, (0, _common.Param)('stream')),
    _ts_param(1, (0, _common.Query)('at')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        String
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], StreamAuditHttpController.prototype, "stream", null);
StreamAuditHttpController = _ts_decorate([
    (0, _auth.Roles)('admin'),
    (0, _common.Controller)('api/audit'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], StreamAuditHttpController);

//# sourceMappingURL=stream-audit.http.controller.js.map
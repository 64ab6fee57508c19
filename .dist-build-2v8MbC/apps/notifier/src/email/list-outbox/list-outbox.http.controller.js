"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "ListOutboxHttpController", {
    enumerable: true,
    get: function() {
        return ListOutboxHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _domain = require("../../../../../libs/domain/src");
const _auth = require("../../../../../libs/platform/src/auth/auth");
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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
const invalid = (field, message)=>new _domain.DomainError('VALIDATION_FAILED', `${field} ${message}`, {
        errors: [
            {
                field,
                message
            }
        ]
    });
const parseLimit = (value)=>{
    if (value === undefined) return _contracts.OUTBOX_DEFAULT_LIMIT;
    const limit = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
    if (!(limit >= 1 && limit <= _contracts.OUTBOX_MAX_LIMIT)) throw invalid('limit', `must be a whole number from 1 to ${_contracts.OUTBOX_MAX_LIMIT}`);
    return limit;
};
/** Any string up to an address's length is a fair filter: one nobody was written to lists nothing. */ const parseTo = (value)=>{
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || value.length === 0 || value.length > _contracts.EMAIL_MAX_LENGTH) throw invalid('to', `must be an e-mail address of at most ${_contracts.EMAIL_MAX_LENGTH} characters`);
    return (0, _contracts.normaliseEmail)(value);
};
let ListOutboxHttpController = class ListOutboxHttpController {
    constructor(queries){
        this.queries = queries;
    }
    list(to, limit) {
        return this.queries.execute(new _listoutboxquery.ListOutboxQuery(parseLimit(limit), parseTo(to)));
    }
};
_ts_decorate([
    (0, _swagger.ApiOkResponse)({
        type: _openapi.OutboxResponseSchema,
        description: 'Every e-mail the notifier sent or is trying to send, newest first.'
    }),
    (0, _swagger.ApiQuery)({
        name: 'to',
        required: false,
        description: 'Only e-mails to this address.',
        schema: {
            type: 'string',
            minLength: 1,
            maxLength: _contracts.EMAIL_MAX_LENGTH
        }
    }),
    (0, _swagger.ApiQuery)({
        name: 'limit',
        required: false,
        description: `1–${_contracts.OUTBOX_MAX_LIMIT}, default ${_contracts.OUTBOX_DEFAULT_LIMIT}.`,
        schema: {
            type: 'string',
            pattern: '^\\d+$'
        }
    }),
    (0, _common.Get)('outbox'),
    _ts_param(0, (0, _common.Query)('to')),
    _ts_param(1, (0, _common.Query)('limit')),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        String
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], ListOutboxHttpController.prototype, "list", null);
ListOutboxHttpController = _ts_decorate([
    (0, _auth.Roles)('admin'),
    (0, _common.Controller)('api/admin'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.QueryBus === "undefined" ? Object : _cqrs.QueryBus
    ])
], ListOutboxHttpController);

//# sourceMappingURL=list-outbox.http.controller.js.map
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
    get ChangeRolesHttpController () {
        return ChangeRolesHttpController;
    },
    get userIdParam () {
        return userIdParam;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _validation = require("../../../../../libs/platform/src/http/validation");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _changerolescommand = require("./change-roles.command");
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
const userIdParam = new _common.ParseUUIDPipe({
    exceptionFactory: ()=>new _validation.ValidationFailedException([
            {
                field: 'userId',
                message: 'must be a UUID'
            }
        ])
});
let ChangeRolesHttpController = class ChangeRolesHttpController {
    constructor(commands, clock){
        this.commands = commands;
        this.clock = clock;
    }
    async changeRoles(userId, body, req, res) {
        const result = await this.commands.execute(new _changerolescommand.ChangeRolesCommand(userId, body.roles, (0, _auth.commandContextOf)(req, this.clock)));
        res.header('X-Position', result.position);
        return result;
    }
};
_ts_decorate([
    (0, _auth.Roles)('admin'),
    (0, _swagger.ApiOkResponse)({
        type: _openapi.ChangeRolesResponseSchema
    }),
    (0, _openapi1.ApiProblems)('USER_NOT_FOUND'),
    (0, _common.Put)(':userId/roles'),
    (0, _common.HttpCode)(_common.HttpStatus.OK),
    _ts_param(0, (0, _common.Param)('userId', userIdParam)),
    _ts_param(1, (0, _common.Body)()),
    _ts_param(2, (0, _common.Req)()),
    _ts_param(3, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        String,
        typeof _contracts.ChangeRolesRequest === "undefined" ? Object : _contracts.ChangeRolesRequest,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], ChangeRolesHttpController.prototype, "changeRoles", null);
ChangeRolesHttpController = _ts_decorate([
    (0, _common.Controller)('api/admin/users'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], ChangeRolesHttpController);

//# sourceMappingURL=change-roles.http.controller.js.map
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "LogoutHttpController", {
    enumerable: true,
    get: function() {
        return LogoutHttpController;
    }
});
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _refreshcookie = require("../../../../../libs/platform/src/auth/refresh-cookie");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _accountsrefreshcookie = require("../accounts.refresh-cookie");
const _logoutcommand = require("./logout.command");
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
let LogoutHttpController = class LogoutHttpController {
    constructor(commands, clock){
        this.commands = commands;
        this.clock = clock;
    }
    /**
   * Public: the refresh token is the credential, so a client with an expired access token can still
   * sign out. From the body, or from the cookie behind the CSRF header; a cookie is always cleared.
   */ async logout(body, req, res) {
        const presented = (0, _refreshcookie.presentedRefreshToken)(req.headers, body.refreshToken);
        if (presented.from === 'none') throw (0, _refreshcookie.missingRefreshToken)();
        if (presented.from === 'cookie') (0, _refreshcookie.clearRefreshCookie)(res);
        if (presented.token === undefined) return;
        const { position } = await this.commands.execute(new _logoutcommand.LogoutCommand(presented.token, (0, _auth.commandContextOf)(req, this.clock)));
        if (position !== null) res.header('X-Position', position);
    }
};
_ts_decorate([
    (0, _auth.Public)(),
    (0, _accountsrefreshcookie.ApiRefreshCookieCredential)(),
    (0, _swagger.ApiNoContentResponse)({
        description: 'The session (the token family) is revoked; a token that is not ours revokes nothing and answers 204 all the same.'
    }),
    (0, _common.Post)('logout'),
    (0, _common.HttpCode)(_common.HttpStatus.NO_CONTENT),
    _ts_param(0, (0, _common.Body)()),
    _ts_param(1, (0, _common.Req)()),
    _ts_param(2, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _contracts.LogoutRequest === "undefined" ? Object : _contracts.LogoutRequest,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], LogoutHttpController.prototype, "logout", null);
LogoutHttpController = _ts_decorate([
    (0, _common.Controller)('api/auth'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock
    ])
], LogoutHttpController);

//# sourceMappingURL=logout.http.controller.js.map
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "RefreshHttpController", {
    enumerable: true,
    get: function() {
        return RefreshHttpController;
    }
});
const _idempotencyinterceptor = require("../../../../../libs/platform/src/http/idempotency.interceptor");
const _common = require("@nestjs/common");
const _cqrs = require("@nestjs/cqrs");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../../../libs/contracts/src");
const _domain = require("../../../../../libs/domain/src");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _refreshcookie = require("../../../../../libs/platform/src/auth/refresh-cookie");
const _tokenservice = require("../../../../../libs/platform/src/security/token-service");
const _ratelimit = require("../../../../../libs/platform/src/http/rate-limit");
const _clock = require("../../../../../libs/platform/src/time/clock");
const _openapi1 = require("../../../../../libs/platform/src/http/openapi");
const _accountsrefreshcookie = require("../accounts.refresh-cookie");
const _refreshcommand = require("./refresh.command");
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
let RefreshHttpController = class RefreshHttpController {
    constructor(commands, clock, tokens){
        this.commands = commands;
        this.clock = clock;
        this.tokens = tokens;
    }
    /**
   * Public: the refresh token is the credential (an access token may have expired), from the body,
   * or from the cookie behind the CSRF header. A refresh by cookie answers by cookie (the token never
   * reaches page scripts), and a cookie that no longer works is cleared.
   */ async refresh(body, req, res) {
        const presented = (0, _refreshcookie.presentedRefreshToken)(req.headers, body.refreshToken);
        if (presented.from === 'none') throw (0, _refreshcookie.missingRefreshToken)();
        res.header('Cache-Control', 'no-store');
        const byCookie = presented.from === 'cookie';
        // No cookie at all is judged like an empty token: 401 INVALID_REFRESH_TOKEN.
        const result = await this.commands.execute(new _refreshcommand.RefreshSessionCommand(presented.token ?? '', (0, _auth.commandContextOf)(req, this.clock))).catch((error)=>{
            if (byCookie && error instanceof _domain.DomainError) (0, _refreshcookie.clearRefreshCookie)(res);
            throw error;
        });
        res.header('X-Position', result.position);
        if (!byCookie && !(0, _refreshcookie.wantsRefreshCookie)(req.headers)) return result;
        const { refreshToken, ...answer } = result;
        (0, _refreshcookie.setRefreshCookie)(res, refreshToken, this.tokens.refreshTokenTtlSeconds);
        return answer;
    }
};
_ts_decorate([
    (0, _auth.Public)(),
    (0, _ratelimit.RateLimit)('refresh'),
    (0, _idempotencyinterceptor.NoIdempotentReplay)(),
    (0, _swagger.ApiOkResponse)({
        type: _openapi.TokenResponseSchema
    }),
    (0, _openapi1.ApiProblems)('INVALID_REFRESH_TOKEN', 'REFRESH_TOKEN_REUSED'),
    (0, _accountsrefreshcookie.ApiRefreshCookieRequest)(),
    (0, _accountsrefreshcookie.ApiRefreshCookieCredential)(),
    (0, _common.Post)('refresh'),
    (0, _common.HttpCode)(_common.HttpStatus.OK),
    _ts_param(0, (0, _common.Body)()),
    _ts_param(1, (0, _common.Req)()),
    _ts_param(2, (0, _common.Res)({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _contracts.RefreshRequest === "undefined" ? Object : _contracts.RefreshRequest,
        typeof _auth.AuthenticatedRequest === "undefined" ? Object : _auth.AuthenticatedRequest,
        typeof FastifyReply === "undefined" ? Object : FastifyReply
    ]),
    _ts_metadata("design:returntype", Promise)
], RefreshHttpController.prototype, "refresh", null);
RefreshHttpController = _ts_decorate([
    (0, _common.Controller)('api/auth'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _cqrs.CommandBus === "undefined" ? Object : _cqrs.CommandBus,
        typeof _clock.Clock === "undefined" ? Object : _clock.Clock,
        typeof _tokenservice.TokenService === "undefined" ? Object : _tokenservice.TokenService
    ])
], RefreshHttpController);

//# sourceMappingURL=refresh.http.controller.js.map
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "StreamTokensHttpController", {
    enumerable: true,
    get: function() {
        return StreamTokensHttpController;
    }
});
const _common = require("@nestjs/common");
const _swagger = require("@nestjs/swagger");
const _openapi = require("../../../../../libs/contracts/src/openapi");
const _auth = require("../../../../../libs/platform/src/auth/auth");
const _streamtokens = require("./stream-tokens");
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
let StreamTokensHttpController = class StreamTokensHttpController {
    constructor(tokens){
        this.tokens = tokens;
    }
    create(user) {
        return this.tokens.issue(user);
    }
};
_ts_decorate([
    (0, _swagger.ApiCreatedResponse)({
        type: _openapi.StreamTokenResponseSchema,
        description: 'A one-minute, single-use token for GET /api/notifications/stream?token=…'
    }),
    (0, _common.HttpCode)(201),
    (0, _common.Post)('stream-tokens'),
    _ts_param(0, (0, _auth.CurrentUser)()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AuthenticatedUser === "undefined" ? Object : AuthenticatedUser
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], StreamTokensHttpController.prototype, "create", null);
StreamTokensHttpController = _ts_decorate([
    (0, _common.Controller)('api/notifications'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof _streamtokens.StreamTokens === "undefined" ? Object : _streamtokens.StreamTokens
    ])
], StreamTokensHttpController);

//# sourceMappingURL=stream-tokens.http.controller.js.map
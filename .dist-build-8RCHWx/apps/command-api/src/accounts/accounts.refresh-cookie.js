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
    get ApiRefreshCookieCredential () {
        return ApiRefreshCookieCredential;
    },
    get ApiRefreshCookieRequest () {
        return ApiRefreshCookieRequest;
    }
});
const _swagger = require("@nestjs/swagger");
const _common = require("@nestjs/common");
const _refreshcookie = require("../../../../libs/platform/src/auth/refresh-cookie");
const ApiRefreshCookieRequest = ()=>(0, _common.applyDecorators)((0, _swagger.ApiHeader)({
        name: 'X-Refresh-Cookie',
        required: false,
        description: `\`1\`: answer the refresh token as the \`${_refreshcookie.REFRESH_COOKIE}\` cookie (HttpOnly; Secure; SameSite=Strict; Path=${_refreshcookie.REFRESH_COOKIE_PATH}), not in the body.`,
        schema: {
            type: 'string',
            enum: [
                '1'
            ]
        }
    }));
const ApiRefreshCookieCredential = ()=>(0, _common.applyDecorators)((0, _swagger.ApiHeader)({
        name: 'X-Requested-With',
        required: false,
        description: `\`${_refreshcookie.CSRF_HEADER_VALUE}\`: with no \`refreshToken\` in the body, take the \`${_refreshcookie.REFRESH_COOKIE}\` cookie (the CSRF guard: without this header the cookie is never read).`,
        schema: {
            type: 'string',
            enum: [
                _refreshcookie.CSRF_HEADER_VALUE
            ]
        }
    }));

//# sourceMappingURL=accounts.refresh-cookie.js.map
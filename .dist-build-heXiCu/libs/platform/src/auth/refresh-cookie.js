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
    get CSRF_HEADER () {
        return CSRF_HEADER;
    },
    get CSRF_HEADER_VALUE () {
        return CSRF_HEADER_VALUE;
    },
    get REFRESH_COOKIE () {
        return REFRESH_COOKIE;
    },
    get REFRESH_COOKIE_PATH () {
        return REFRESH_COOKIE_PATH;
    },
    get WANTS_COOKIE_HEADER () {
        return WANTS_COOKIE_HEADER;
    },
    get clearRefreshCookie () {
        return clearRefreshCookie;
    },
    get missingRefreshToken () {
        return missingRefreshToken;
    },
    get passesCsrfGuard () {
        return passesCsrfGuard;
    },
    get presentedRefreshToken () {
        return presentedRefreshToken;
    },
    get setRefreshCookie () {
        return setRefreshCookie;
    },
    get wantsRefreshCookie () {
        return wantsRefreshCookie;
    }
});
const _cookie = require("cookie");
const _validation = require("../http/validation");
const REFRESH_COOKIE = 'tessera_refresh';
const REFRESH_COOKIE_PATH = '/api/auth';
const WANTS_COOKIE_HEADER = 'x-refresh-cookie';
const CSRF_HEADER = 'x-requested-with';
const CSRF_HEADER_VALUE = 'tessera-web';
const header = (headers, name)=>{
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
};
const wantsRefreshCookie = (headers)=>header(headers, WANTS_COOKIE_HEADER) === '1';
const passesCsrfGuard = (headers)=>header(headers, CSRF_HEADER) === CSRF_HEADER_VALUE;
const presentedRefreshToken = (headers, bodyToken)=>{
    if (typeof bodyToken === 'string') return {
        from: 'body',
        token: bodyToken
    };
    if (!passesCsrfGuard(headers)) return {
        from: 'none'
    };
    const cookies = header(headers, 'cookie');
    return {
        from: 'cookie',
        token: cookies ? (0, _cookie.parse)(cookies)[REFRESH_COOKIE] : undefined
    };
};
const missingRefreshToken = ()=>new _validation.ValidationFailedException([
        {
            field: 'refreshToken',
            message: `is required (or the ${REFRESH_COOKIE} cookie with X-Requested-With: ${CSRF_HEADER_VALUE})`
        }
    ]);
const attributes = {
    httpOnly: true,
    secure: true,
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH
};
const setRefreshCookie = (reply, token, maxAgeSeconds)=>{
    void reply.header('Set-Cookie', (0, _cookie.serialize)(REFRESH_COOKIE, token, {
        ...attributes,
        maxAge: maxAgeSeconds
    }));
};
const clearRefreshCookie = (reply)=>{
    void reply.header('Set-Cookie', (0, _cookie.serialize)(REFRESH_COOKIE, '', {
        ...attributes,
        maxAge: 0,
        expires: new Date(0)
    }));
};

//# sourceMappingURL=refresh-cookie.js.map
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
    get DEFAULT_WEB_APP_DIR () {
        return DEFAULT_WEB_APP_DIR;
    },
    get SPA_FALLBACK () {
        return SPA_FALLBACK;
    },
    get WEB_APP_CSP () {
        return WEB_APP_CSP;
    },
    get isSpaFallback () {
        return isSpaFallback;
    },
    get serveWebApp () {
        return serveWebApp;
    }
});
const _static = /*#__PURE__*/ _interop_require_default(require("@fastify/static"));
const _nodefs = require("node:fs");
const _promises = require("node:fs/promises");
const _nodepath = require("node:path");
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
const DEFAULT_WEB_APP_DIR = (0, _nodepath.join)(__dirname, '..', '..', '..', '..', 'web');
const WEB_APP_CSP = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // QR codes are data: URLs; the check-in camera is a MediaStream (srcObject, not a URL).
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'"
].join('; ');
/** Paths that belong to the server: a miss there is the API's 404, never the page. */ const SERVER_PATHS = /^\/(api|health|metrics|docs|openapi\.json|asyncapi\.json|assets)(\/|$|\?)/i;
/** A path naming a file (favicon.ico, robots.txt) is not a client route either. */ const FILE_NAME = /\/[^/?]*\.[^/?]+(\?|$)/;
const SPA_FALLBACK = 'spaFallback';
const isSpaFallback = (request)=>request.routeOptions.config?.[SPA_FALLBACK] === true;
const serveWebApp = async (fastify, dir)=>{
    const index = (0, _nodepath.join)(dir, 'index.html');
    if (!(0, _nodefs.existsSync)(index)) return false;
    await fastify.register(_static.default, {
        root: (0, _nodepath.join)(dir, 'assets'),
        prefix: '/assets/',
        decorateReply: false,
        wildcard: true,
        index: false,
        dotfiles: 'deny',
        // tools/build.js writes .br and .gz beside each script and style sheet.
        preCompressed: true,
        cacheControl: false,
        setHeaders: (reply)=>{
            void reply.header('Cache-Control', 'public, max-age=31536000, immutable');
        }
    });
    const page = async (request, reply)=>{
        if (SERVER_PATHS.test(request.url) || FILE_NAME.test(request.url)) {
            reply.callNotFound();
            return;
        }
        // Read on each request (it is small): a rebuild while the server runs is served at once.
        const html = await (0, _promises.readFile)(index);
        await reply.header('Content-Type', 'text/html; charset=utf-8').header('Cache-Control', 'no-cache').header('Content-Security-Policy', WEB_APP_CSP).send(html);
    };
    fastify.get('/', {
        config: {
            [SPA_FALLBACK]: true
        }
    }, page);
    fastify.get('/*', {
        config: {
            [SPA_FALLBACK]: true
        }
    }, page);
    return true;
};

//# sourceMappingURL=web-app.js.map
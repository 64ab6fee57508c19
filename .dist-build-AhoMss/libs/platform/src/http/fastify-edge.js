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
    get MethodNotAllowedException () {
        return MethodNotAllowedException;
    },
    get applyTransportRules () {
        return applyTransportRules;
    },
    get bodyLimitBytes () {
        return bodyLimitBytes;
    },
    get createHttpAdapter () {
        return createHttpAdapter;
    },
    get securityHeaders () {
        return securityHeaders;
    }
});
const _compress = /*#__PURE__*/ _interop_require_default(require("@fastify/compress"));
const _common = require("@nestjs/common");
const _platformfastify = require("@nestjs/platform-fastify");
const _helmet = /*#__PURE__*/ _interop_require_default(require("helmet"));
const _logging = require("../observability/logging");
const _eventstream = require("./event-stream");
const _jsonbody = require("./json-body");
const _precompressed = require("./precompressed");
const _problemdetailsfilter = require("./problem-details.filter");
const _routetable = require("./route-table");
const _webapp = require("./web-app");
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
let MethodNotAllowedException = class MethodNotAllowedException extends _common.HttpException {
    constructor(allow){
        super(`This path answers ${allow.join(', ')}.`, _common.HttpStatus.METHOD_NOT_ALLOWED), this.allow = allow;
    }
};
const bodyLimitBytes = (limit)=>{
    const match = /^(\d+)(b|kb|mb)$/i.exec(limit.trim());
    if (!match) throw new Error(`not a size: ${limit}`);
    const unit = match[2].toLowerCase();
    return Number(match[1]) * (unit === 'mb' ? 1024 * 1024 : unit === 'kb' ? 1024 : 1);
};
/** Node's own request timeout (5 min), which Fastify would otherwise turn off (its default is 0). */ const REQUEST_TIMEOUT_MS = 300_000;
/** A request Fastify cannot even route (a malformed URL): 400 problem+json like every other refusal. */ const refuseUnroutable = (error, request, reply)=>{
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
    void reply.status(status).header('X-Request-Id', request.id).type('application/problem+json').send(JSON.stringify((0, _problemdetailsfilter.problem)('VALIDATION_FAILED', 'The request could not be read.', {}, status)));
};
const createHttpAdapter = (config)=>new _platformfastify.FastifyAdapter({
        trustProxy: config.TRUST_PROXY ? [
            ...config.TRUST_PROXY
        ] : false,
        bodyLimit: bodyLimitBytes(config.BODY_LIMIT),
        keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
        requestTimeout: REQUEST_TIMEOUT_MS,
        requestIdHeader: false,
        genReqId: (req)=>(0, _logging.correlationIdOf)(req.headers['x-request-id']),
        logger: false,
        skipMiddie: true,
        routerOptions: {
            caseSensitive: false,
            ignoreTrailingSlash: true,
            maxParamLength: 2048
        },
        frameworkErrors: refuseUnroutable
    });
const securityHeaders = ()=>{
    const headers = {};
    const recorder = {
        setHeader: (name, value)=>void (headers[name.toLowerCase()] = String(value)),
        removeHeader: (name)=>void delete headers[name.toLowerCase()]
    };
    (0, _helmet.default)()({}, recorder, ()=>undefined);
    return Object.freeze(headers);
};
const applyTransportRules = async (app)=>{
    const fastify = app.getHttpAdapter().getInstance();
    let table;
    const security = securityHeaders();
    fastify.addHook('onRequest', (request, reply, done)=>{
        reply.headers(security);
        reply.header('X-Request-Id', request.id);
        // The web app's fallback route matches every GET: a GET on a POST-only API path is still a 405.
        if (request.is404 || (0, _webapp.isSpaFallback)(request)) {
            // Built on first use: the controllers are all registered once the app serves requests.
            table ??= new _routetable.RouteTable((0, _routetable.discoverRoutes)(app));
            const url = request.url;
            const query = url.indexOf('?');
            const allow = table.refuses(request.method, query === -1 ? url : url.slice(0, query));
            if (allow) {
                reply.header('Allow', allow.join(', '));
                done(new MethodNotAllowedException(allow));
                return;
            }
        }
        if ((0, _jsonbody.requestHasBody)(request.headers) && !(0, _jsonbody.isJsonContentType)(request.headers['content-type'])) {
            done(new _common.UnsupportedMediaTypeException('Send the body as application/json.'));
            return;
        }
        done();
    });
    // Fastify reads no body on a GET; Express did, and the rules hold for every body sent (a GET with
    // a 50,000-deep body is a 400, as on any other method).
    fastify.addHttpMethod('GET', {
        hasBody: true,
        overrideExisting: true
    });
    fastify.removeAllContentTypeParsers();
    fastify.addContentTypeParser('*', {
        parseAs: 'string'
    }, (_request, body, done)=>{
        try {
            done(null, (0, _jsonbody.parseJsonBody)(body));
        } catch (error) {
            done(error, undefined);
        }
    });
    (0, _eventstream.closeEventStreamsOnShutdown)(fastify);
    await fastify.register(_compress.default, {
        threshold: _precompressed.COMPRESSION_THRESHOLD_BYTES,
        globalDecompression: false
    });
};

//# sourceMappingURL=fastify-edge.js.map
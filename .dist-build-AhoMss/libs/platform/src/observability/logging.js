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
    get AccessLogger () {
        return AccessLogger;
    },
    get accessLoggerOf () {
        return accessLoggerOf;
    },
    get correlationIdOf () {
        return correlationIdOf;
    },
    get createRootLogger () {
        return createRootLogger;
    },
    get installAccessLog () {
        return installAccessLog;
    },
    get loggerParams () {
        return loggerParams;
    }
});
const _nodecrypto = require("node:crypto");
const _pino = /*#__PURE__*/ _interop_require_default(require("pino"));
function _interop_require_default(obj) {
    return obj && obj.__esModule ? obj : {
        default: obj
    };
}
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const correlationIdOf = (given)=>typeof given === 'string' && REQUEST_ID.test(given) ? given : (0, _nodecrypto.randomUUID)();
let AccessLogger = class AccessLogger {
    constructor(logger){
        this.logger = logger;
    }
};
const UNLOGGED = new Set([
    '/health',
    '/metrics'
]);
const installAccessLog = (fastify, access)=>{
    const { logger } = access;
    if (!logger.isLevelEnabled('info')) return;
    fastify.addHook('onResponse', (request, reply, done)=>{
        const url = request.url;
        const query = url.indexOf('?');
        const path = query === -1 ? url : url.slice(0, query);
        if (!UNLOGGED.has(path)) {
            logger.info({
                correlationId: request.id,
                req: {
                    method: request.method,
                    url: path,
                    ip: request.ip
                },
                res: {
                    statusCode: reply.statusCode
                },
                responseTime: Math.round(reply.elapsedTime * 10) / 10
            }, 'request completed');
        }
        done();
    });
};
const REDACT = {
    paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-device-key"]',
        'req.headers["idempotency-key"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.accessToken',
        '*.refreshToken',
        '*.card',
        '*.code',
        '*.secret',
        '*.deviceKey'
    ],
    censor: '[redacted]'
};
const createRootLogger = (config, app)=>(0, _pino.default)({
        level: config.LOG_LEVEL,
        name: app,
        redact: REDACT
    });
const loggerParams = (root)=>({
        pinoHttp: {
            logger: root,
            autoLogging: false,
            quietReqLogger: true
        },
        forRoutes: []
    });
const accessLoggerOf = (root)=>new AccessLogger(root.child({}, {
        redact: {
            paths: []
        }
    }));

//# sourceMappingURL=logging.js.map
"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
Object.defineProperty(exports, "configureHttpApp", {
    enumerable: true,
    get: function() {
        return configureHttpApp;
    }
});
const _openapi = require("../../../contracts/src/openapi");
const _logging = require("../observability/logging");
const _metrics = require("../observability/metrics");
const _fastifyedge = require("./fastify-edge");
const _interceptorchain = require("./interceptor-chain");
const _asyncapi = require("./asyncapi");
const _openapi1 = require("./openapi");
const _problemdetailsfilter = require("./problem-details.filter");
const _validation = require("./validation");
const configureHttpApp = async (app, config)=>{
    const fastify = app.getHttpAdapter().getInstance();
    if (config.CORS_ORIGINS?.length) {
        app.enableCors({
            origin: config.CORS_ORIGINS,
            credentials: false,
            exposedHeaders: [
                'X-Position',
                'X-Request-Id',
                'Location',
                'Retry-After'
            ]
        });
    }
    (0, _interceptorchain.installLeanInterceptorChain)();
    await (0, _fastifyedge.applyTransportRules)(app);
    (0, _metrics.installHttpMetrics)(fastify, app.get(_metrics.Metrics, {
        strict: false
    }));
    (0, _logging.installAccessLog)(fastify, app.get(_logging.AccessLogger, {
        strict: false
    }));
    app.useGlobalPipes((0, _validation.createValidationPipe)());
    app.useGlobalFilters(new _problemdetailsfilter.ProblemDetailsFilter());
    (0, _openapi1.setupOpenApi)(app, {
        title: 'Tessera',
        version: _openapi.API_VERSION
    });
    (0, _asyncapi.setupAsyncApi)(app, config, {
        version: _openapi.API_VERSION
    });
    // Exit through process.exit once the hooks are done (status 0), not by re-raising the signal:
    // pino writes asynchronously and flushes on 'exit', which a re-raised SIGTERM never reaches,
    // so the last lines of a graceful stop (the log closed) were sometimes lost.
    app.enableShutdownHooks(undefined, {
        useProcessExit: true
    });
};

//# sourceMappingURL=configure-http-app.js.map
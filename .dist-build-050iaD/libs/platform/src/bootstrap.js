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
    get STARTUP_FAILURES () {
        return STARTUP_FAILURES;
    },
    get describeStartupFailure () {
        return describeStartupFailure;
    },
    get runHttpApp () {
        return runHttpApp;
    }
});
const _common = require("@nestjs/common");
const _core = require("@nestjs/core");
const _nestjspino = require("nestjs-pino");
const _config = require("./config/config");
const _datadirlock = require("./event-store/embedded/data-dir-lock");
const _startupfailure = require("./event-store/embedded/startup-failure");
const _configurehttpapp = require("./http/configure-http-app");
const _fastifyedge = require("./http/fastify-edge");
/**
 * Starts one HTTP process: validate configuration, build the root module, apply the shared HTTP
 * conventions, listen, and stop gracefully on SIGTERM/SIGINT. A start-up failure the operator
 * can fix (a bad value, a port in use, a data folder another process owns) stops it with one
 * line and its own exit code; anything else keeps its stack trace.
 */ /**
 * Connections the kernel may queue before the process accepts them (capped by somaxconn). Node's
 * 511 overflows when a flash sale opens 2,000 connections at once: the surplus gets ECONNRESET.
 */ const LISTEN_BACKLOG = 4096;
/** Node's listen errors (`listen EADDRINUSE: …`) carry the code, the address and the port. */ const listenFailed = (error, code)=>error instanceof Error && error.syscall === 'listen' && error.code === code ? error : undefined;
const listening = (error)=>`${error.address ?? ''}:${error.port ?? ''}`;
const STARTUP_FAILURES = [
    // EX_CONFIG: a configuration value is invalid; the message names the variable.
    {
        exitCode: 78,
        describe: (error)=>error instanceof _config.ConfigError ? error.message : undefined
    },
    // EX_CONFIG as well: HOST is not an address of this machine.
    {
        exitCode: 78,
        describe: (error)=>{
            const failed = listenFailed(error, 'EADDRNOTAVAIL');
            return failed && `Invalid configuration: HOST ${failed.address ?? ''} is not an address of this machine (EADDRNOTAVAIL)`;
        }
    },
    // EX_UNAVAILABLE: another process listens on the port.
    {
        exitCode: 69,
        describe: (error)=>{
            const failed = listenFailed(error, 'EADDRINUSE');
            return failed && `cannot listen on ${listening(failed)}: the port is already in use (EADDRINUSE); stop the other process or choose another PORT`;
        }
    },
    // EX_NOPERM: the port needs a privilege the process lacks (below 1024 on Linux).
    {
        exitCode: 77,
        describe: (error)=>{
            const failed = listenFailed(error, 'EACCES');
            return failed && `cannot listen on ${listening(failed)}: permission denied (EACCES); choose a PORT from 1024 up`;
        }
    },
    // EX_TEMPFAIL: another running process owns DATA_DIR; start again once it has stopped.
    {
        exitCode: 75,
        describe: (error)=>error instanceof _datadirlock.DataDirLockedError ? error.message : undefined
    },
    // EX_DATAERR: the event log is damaged (corruption, not a torn tail); `npm run cli -- log verify` says more.
    {
        exitCode: _startupfailure.EXIT_LOG_DAMAGED,
        describe: (error)=>(0, _startupfailure.describeStartupFailure)(error)?.message
    }
];
const describeStartupFailure = (error)=>{
    for (const rule of STARTUP_FAILURES){
        const message = rule.describe(error);
        if (message !== undefined) return {
            exitCode: rule.exitCode,
            message
        };
    }
    return undefined;
};
const runHttpApp = async (name, rootModule)=>{
    let app;
    let creating = false;
    try {
        const config = (0, _config.loadConfig)(process.env);
        // Nest neither logs nor exits on a failure here (abortOnError, autoFlushLogs): what it would
        // have logged stays buffered, so a known failure prints its one line and nothing else.
        creating = true;
        app = await _core.NestFactory.create(rootModule(config), (0, _fastifyedge.createHttpAdapter)(config), {
            bufferLogs: true,
            autoFlushLogs: false,
            abortOnError: false,
            bodyParser: false
        });
        creating = false;
        app.useLogger(app.get(_nestjspino.Logger));
        app.flushLogs();
        await (0, _configurehttpapp.configureHttpApp)(app, config);
        // Fastify sets the keep-alive idle timeout (createHttpAdapter); this is the same http.Server.
        const server = app.getHttpServer();
        // A connection's next request must be allowed its headers for at least as long as it may idle.
        server.headersTimeout = Math.max(server.headersTimeout, config.HTTP_KEEP_ALIVE_TIMEOUT_MS + 1000);
        await app.listen({
            port: config.PORT,
            host: config.HOST,
            backlog: LISTEN_BACKLOG
        });
        app.get(_nestjspino.Logger).log(`${name} listening on http://${config.HOST}:${config.PORT} (${JSON.stringify(config.mode)})`);
    } catch (error) {
        // The stores opened before listen failed: close them (the log flushed, DATA_DIR released).
        await app?.close().catch(()=>undefined);
        const failure = describeStartupFailure(error);
        if (failure) {
            process.stderr.write(`${name}: ${failure.message}\n`);
            process.exit(failure.exitCode);
        }
        // Unexpected: show everything, as before. Nest has buffered its own report of a failure
        // while creating the app (the stack included); anything else gets its stack here.
        _common.Logger.flush();
        if (!creating) process.stderr.write(`${name}: start-up failed: ${error instanceof Error ? error.stack : String(error)}\n`);
        process.exit(1);
    }
};

//# sourceMappingURL=bootstrap.js.map
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
    get ProblemDetailsFilter () {
        return ProblemDetailsFilter;
    },
    get STATUS_TITLES () {
        return STATUS_TITLES;
    },
    get problem () {
        return problem;
    },
    get problemTypeOf () {
        return problemTypeOf;
    }
});
const _common = require("@nestjs/common");
const _throttler = require("@nestjs/throttler");
const _contracts = require("../../../contracts/src");
const _domain = require("../../../domain/src");
const _eventstoreport = require("../event-store/event-store.port");
const _seatlocksport = require("../seat-locks/seat-locks.port");
const _refusalstatus = require("./refusal-status");
const _validation = require("./validation");
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
const STATUS_TITLES = {
    400: 'Bad Request',
    401: 'Unauthorized',
    402: 'Payment Required',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    413: 'Content Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Content',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable'
};
const CODE_BY_STATUS = {
    400: 'VALIDATION_FAILED',
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'RATE_LIMITED',
    503: 'SERVICE_UNAVAILABLE'
};
const problemTypeOf = (code)=>`urn:tessera:problem:${code.toLowerCase().replace(/_/g, '-')}`;
const problem = (code, detail, extensions = {}, status = _contracts.ERROR_STATUS[code])=>({
        ...extensions,
        type: problemTypeOf(code),
        title: STATUS_TITLES[status] ?? 'Error',
        status,
        code,
        detail
    });
let ProblemDetailsFilter = class ProblemDetailsFilter {
    catch(exception, host) {
        const http = host.switchToHttp();
        const response = http.getResponse();
        const request = http.getRequest();
        const body = this.toProblem(exception, request);
        // The store logs a storage outage once, not once per refused request.
        if (body.status >= 500 && body.code !== 'PROJECTION_LAGGING' && body.code !== 'SERVICE_UNAVAILABLE' && body.code !== 'STORAGE_UNAVAILABLE') {
            this.logger.error({
                err: exception,
                correlationId: request?.id,
                method: request?.method,
                path: request?.routeOptions?.url
            }, 'unhandled error');
        }
        if (response.sent || response.raw.headersSent) return;
        if (body.code === 'RATE_LIMITED' && !response.getHeader('Retry-After')) response.header('Retry-After', '60');
        if (exception instanceof _eventstoreport.StorageUnavailableError) response.header('Retry-After', String(exception.retryAfterSeconds));
        void response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
    }
    toProblem(exception, request) {
        const instance = request?.originalUrl?.split('?')[0];
        const withInstance = (p)=>instance ? {
                ...p,
                instance
            } : p;
        if (exception instanceof _validation.ValidationFailedException) {
            return withInstance(problem('VALIDATION_FAILED', 'The request is not valid.', {
                errors: exception.errors
            }));
        }
        if (exception instanceof _domain.DomainError) {
            if (!(0, _contracts.isErrorCode)(exception.code)) {
                this.logger.error({
                    code: exception.code
                }, 'domain error with an unregistered code');
                return withInstance(problem('INTERNAL_ERROR', 'An unexpected error occurred.'));
            }
            const status = exception instanceof _refusalstatus.RefusalWithStatus ? exception.status : undefined;
            return withInstance(problem(exception.code, exception.message, exception.details, status));
        }
        if (exception instanceof _eventstoreport.WrongExpectedRevisionError) {
            return withInstance(problem('CONCURRENCY_CONFLICT', 'The resource was changed concurrently; try again.'));
        }
        if (exception instanceof _seatlocksport.LockServiceUnavailableError) {
            return withInstance(problem('SERVICE_UNAVAILABLE', 'Seat locking is unavailable; try again shortly.'));
        }
        if (exception instanceof _eventstoreport.StorageUnavailableError) {
            return withInstance(problem('STORAGE_UNAVAILABLE', 'The event log cannot write right now (disk full or I/O error); the request was not recorded. Try again shortly.'));
        }
        if (exception instanceof _throttler.ThrottlerException) {
            return withInstance(problem('RATE_LIMITED', 'Too many requests; slow down.'));
        }
        if (exception instanceof _common.HttpException) {
            const status = exception.getStatus();
            const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
            const detail = status === 404 ? 'No such resource.' : status < 500 ? this.safeMessage(exception) : 'An unexpected error occurred.';
            return withInstance(problem(code, detail, {}, status));
        }
        const httpLike = exception ?? {};
        const status = httpLike.status ?? httpLike.statusCode;
        if (status && status >= 400 && status < 500) {
            if (httpLike.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return withInstance(problem('PAYLOAD_TOO_LARGE', 'The request body is too large.'));
            if (status === 415) return withInstance(problem('UNSUPPORTED_MEDIA_TYPE', 'Send application/json.'));
            return withInstance(problem('VALIDATION_FAILED', 'The request could not be read.', {}, status));
        }
        return withInstance(problem('INTERNAL_ERROR', 'An unexpected error occurred.'));
    }
    safeMessage(exception) {
        const response = exception.getResponse();
        const message = typeof response === 'string' ? response : response.message;
        return typeof message === 'string' ? message : exception.message || _common.HttpStatus[exception.getStatus()] || 'Error';
    }
    constructor(){
        this.logger = new _common.Logger('ProblemDetails');
    }
};
ProblemDetailsFilter = _ts_decorate([
    (0, _common.Catch)()
], ProblemDetailsFilter);

//# sourceMappingURL=problem-details.filter.js.map
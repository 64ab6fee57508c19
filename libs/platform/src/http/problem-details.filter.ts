import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import { ERROR_STATUS, ErrorCode, isErrorCode, ProblemDetails } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { StorageUnavailableError, WrongExpectedRevisionError } from '../event-store/event-store.port';
import { LockServiceUnavailableError } from '../seat-locks/seat-locks.port';
import { RefusalWithStatus } from './refusal-status';
import { ValidationFailedException } from './validation';

/**
 * The one exception filter: every error leaves as RFC 9457 problem+json with a stable `code`.
 * Unknown errors answer 500 with no internals and are logged with the request's correlation id.
 */

/** RFC 9110 reason phrases: the problem `title` of each status, and its name in the OpenAPI document. */
export const STATUS_TITLES: Partial<Record<number, string>> = {
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
  503: 'Service Unavailable',
};

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'SERVICE_UNAVAILABLE',
};

export const problemTypeOf = (code: string): string => `urn:tessera:problem:${code.toLowerCase().replace(/_/g, '-')}`;

export const problem = (
  code: ErrorCode,
  detail: string,
  extensions: Record<string, unknown> = {},
  status: number = ERROR_STATUS[code],
): ProblemDetails => ({
  ...extensions,
  type: problemTypeOf(code),
  title: STATUS_TITLES[status] ?? 'Error',
  status,
  code,
  detail,
});

/** Fastify's own errors (body too large, bad content length…) carry `statusCode` and a `code`. */
interface HttpLikeError {
  status?: number;
  statusCode?: number;
  code?: string;
  type?: string;
  expose?: boolean;
}

@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest | undefined>();
    const body = this.toProblem(exception, request);
    // The store logs a storage outage once, not once per refused request.
    if (body.status >= 500 && body.code !== 'PROJECTION_LAGGING' && body.code !== 'SERVICE_UNAVAILABLE' && body.code !== 'STORAGE_UNAVAILABLE') {
      this.logger.error(
        { err: exception, correlationId: request?.id, method: request?.method, path: request?.routeOptions?.url },
        'unhandled error',
      );
    }
    if (response.sent || response.raw.headersSent) return;
    if (body.code === 'RATE_LIMITED' && !response.getHeader('Retry-After')) response.header('Retry-After', '60');
    if (exception instanceof StorageUnavailableError) response.header('Retry-After', String(exception.retryAfterSeconds));
    void response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown, request: FastifyRequest | undefined): ProblemDetails {
    const instance = request?.originalUrl?.split('?')[0];
    const withInstance = (p: ProblemDetails): ProblemDetails => (instance ? { ...p, instance } : p);

    if (exception instanceof ValidationFailedException) {
      return withInstance(problem('VALIDATION_FAILED', 'The request is not valid.', { errors: exception.errors }));
    }
    if (exception instanceof DomainError) {
      if (!isErrorCode(exception.code)) {
        this.logger.error({ code: exception.code }, 'domain error with an unregistered code');
        return withInstance(problem('INTERNAL_ERROR', 'An unexpected error occurred.'));
      }
      const status = exception instanceof RefusalWithStatus ? exception.status : undefined;
      return withInstance(problem(exception.code, exception.message, exception.details, status));
    }
    if (exception instanceof WrongExpectedRevisionError) {
      return withInstance(problem('CONCURRENCY_CONFLICT', 'The resource was changed concurrently; try again.'));
    }
    if (exception instanceof LockServiceUnavailableError) {
      return withInstance(problem('SERVICE_UNAVAILABLE', 'Seat locking is unavailable; try again shortly.'));
    }
    if (exception instanceof StorageUnavailableError) {
      return withInstance(problem('STORAGE_UNAVAILABLE', 'The event log cannot write right now (disk full or I/O error); the request was not recorded. Try again shortly.'));
    }
    if (exception instanceof ThrottlerException) {
      return withInstance(problem('RATE_LIMITED', 'Too many requests; slow down.'));
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = CODE_BY_STATUS[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED');
      const detail = status === 404 ? 'No such resource.' : status < 500 ? this.safeMessage(exception) : 'An unexpected error occurred.';
      return withInstance(problem(code, detail, {}, status));
    }
    const httpLike = (exception ?? {}) as HttpLikeError;
    const status = httpLike.status ?? httpLike.statusCode;
    if (status && status >= 400 && status < 500) {
      if (httpLike.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return withInstance(problem('PAYLOAD_TOO_LARGE', 'The request body is too large.'));
            if (status === 415) return withInstance(problem('UNSUPPORTED_MEDIA_TYPE', 'Send application/json.'));
      return withInstance(problem('VALIDATION_FAILED', 'The request could not be read.', {}, status));
    }
    return withInstance(problem('INTERNAL_ERROR', 'An unexpected error occurred.'));
  }

  private safeMessage(exception: HttpException): string {
    const response = exception.getResponse();
    const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
    return typeof message === 'string' ? message : exception.message || HttpStatus[exception.getStatus()] || 'Error';
  }
}

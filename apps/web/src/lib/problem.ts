import type { components } from './api/openapi';

export type Problem = components['schemas']['ProblemDetails'];

/**
 * An API refusal as the page shows it: the problem's `title` and `detail` (API.md, Conventions),
 * never a blank page. An answer that is not problem+json (a proxy's 502 page, a network failure)
 * becomes a problem of the same shape.
 */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(`${problem.title}: ${problem.detail}`);
    this.name = 'ApiError';
  }

  get code(): Problem['code'] {
    return this.problem.code;
  }

  get status(): number {
    return this.problem.status;
  }
}

const isProblem = (body: unknown): body is Problem =>
  typeof body === 'object' && body !== null && typeof (body as Problem).title === 'string' && typeof (body as Problem).code === 'string';

export const problemOf = (body: unknown, response: Response | undefined): Problem => {
  if (isProblem(body)) return body;
  const status = response?.status ?? 0;
  return {
    type: 'about:blank',
    title: response ? response.statusText || `HTTP ${status}` : 'Network error',
    status,
    code: status >= 500 || status === 0 ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_ERROR',
    detail: response ? 'The server answered in a way this page does not understand.' : 'The server could not be reached. Check the connection and try again.',
  };
};

/** openapi-fetch's `{ data, error, response }`: the data, or an ApiError with the problem. */
export const unwrap = async <T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> => {
  let answer: { data?: T; error?: unknown; response: Response };
  try {
    answer = await call;
  } catch {
    throw new ApiError(problemOf(undefined, undefined));
  }
  if (answer.error !== undefined || !answer.response.ok) throw new ApiError(problemOf(answer.error, answer.response));
  return answer.data as T;
};

/**
 * One virtual user of the test-only k6 runner (k6-runner.ts), in a worker thread. It loads a k6
 * script as k6 does — its own module instance per VU — and runs what the parent asks: setup,
 * iterations of an exported function, teardown. k6's HTTP calls are synchronous: a request is
 * posted to the parent, which makes it (the server under test may share the parent's event
 * loop) and writes the answer into shared memory while this thread waits on it (Atomics.wait).
 *
 * Implemented: `k6` (check, group, sleep, fail), `k6/http` (get, post, put, patch, del, head,
 * options, request, expectedStatuses, setResponseCallback; Response with status, body, headers,
 * json(), timings.duration), `k6/metrics` (Counter, Gauge, Rate, Trend), `k6/execution` (vu,
 * scenario), `__ENV`, `__VU`, `__ITER`, console. Anything else a script imports fails loudly.
 * Written to run untranspiled in a worker: no imports of project files.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- run as a script in a worker, not through the module system */
const { parentPort, workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
const { readFileSync } = require('node:fs') as typeof import('node:fs');
const { dirname, resolve } = require('node:path') as typeof import('node:path');
const { transformSync } = require('@swc/core') as typeof import('@swc/core');

interface VuData {
  script: string;
  env: Record<string, string>;
  vu: number;
  scenario: string;
  control: SharedArrayBuffer;
  buffer: SharedArrayBuffer;
}

type Tags = Record<string, string>;
type Sample = { metric: string; type: 'counter' | 'gauge' | 'rate' | 'trend'; value: number; tags: Tags };

const data = workerData as VuData;
const control = new Int32Array(data.control);
const bytes = new Uint8Array(data.buffer);
const port = parentPort as import('node:worker_threads').MessagePort;
const samples: Sample[] = [];
let iteration = 0;
let groupPath = '';

const emit = (metric: string, type: Sample['type'], value: number, tags: Tags = {}): void => {
  samples.push({ metric, type, value, tags: { scenario: data.scenario, ...(groupPath ? { group: groupPath } : {}), ...tags } });
};

interface HttpAnswer {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
  durationMs: number;
  error?: string;
}

/** Sends one request to the parent and blocks until it has written the answer. */
const roundTrip = (request: { method: string; url: string; headers: Record<string, string>; body?: string; timeoutMs: number }): HttpAnswer => {
  Atomics.store(control, 0, 0);
  port.postMessage({ kind: 'http', request });
  const waited = Atomics.wait(control, 0, 0, request.timeoutMs + 5000);
  if (waited === 'timed-out') return { status: 0, statusText: '', headers: {}, body: '', durationMs: request.timeoutMs, error: 'request timeout' };
  const length = Atomics.load(control, 1);
  return JSON.parse(Buffer.from(bytes.subarray(0, length)).toString('utf8')) as HttpAnswer;
};

type ExpectedStatus = number | { min: number; max: number };
interface ResponseCallback {
  expected: ExpectedStatus[];
}
const expectedStatuses = (...statuses: ExpectedStatus[]): ResponseCallback => ({ expected: statuses });
let responseCallback: ResponseCallback = expectedStatuses({ min: 200, max: 399 });
const isExpected = (status: number, callback: ResponseCallback): boolean =>
  callback.expected.some((s) => (typeof s === 'number' ? s === status : status >= s.min && status <= s.max));

interface Params {
  headers?: Record<string, string>;
  tags?: Tags;
  responseCallback?: ResponseCallback | null;
  timeout?: string | number;
}

const durationMs = (value: string | number | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  if (typeof value === 'number') return value;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(value);
  if (!match) throw new Error(`unsupported duration ${value}`);
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[match[2] as 'ms' | 's' | 'm'];
};

const encodeBody = (body: unknown, headers: Record<string, string>): string | undefined => {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string') return body;
  // k6 sends an object body form-encoded.
  headers['content-type'] ??= 'application/x-www-form-urlencoded';
  return new URLSearchParams(Object.entries(body as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)])).toString();
};

const request = (method: string, url: string, body: unknown, params: Params = {}) => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(params.headers ?? {})) headers[name.toLowerCase()] = String(value);
  const encoded = encodeBody(body, headers);
  const answer = roundTrip({ method, url, headers, body: encoded, timeoutMs: durationMs(params.timeout, 60_000) });
  const tags: Tags = { method, name: params.tags?.name ?? url, status: String(answer.status), ...(params.tags ?? {}) };
  const expected = params.responseCallback === null ? true : isExpected(answer.status, params.responseCallback ?? responseCallback);
  emit('http_reqs', 'counter', 1, tags);
  emit('http_req_duration', 'trend', answer.durationMs, { ...tags, expected_response: String(expected) });
  emit('http_req_failed', 'rate', expected ? 0 : 1, tags);
  return {
    status: answer.status,
    status_text: answer.statusText,
    body: answer.body,
    headers: answer.headers,
    error: answer.error ?? '',
    error_code: answer.error ? 1000 : 0,
    url,
    request: { method, url, headers, body: encoded ?? '' },
    timings: { duration: answer.durationMs },
    json(selector?: string): unknown {
      const parsed = JSON.parse(answer.body) as unknown;
      if (!selector) return parsed;
      return selector.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], parsed);
    },
  };
};

/** Whether sleep() waits for real: in setup and teardown, where a script waits for the system (as k6 does). */
let pacing = false;

const sleepFor = (seconds: number): void => {
  // The runner does not pace iterations: a script's think time is cut to at most 5 ms, so CI stays
  // quick. Setup and teardown sleep what they ask (up to 10 s a call): there a sleep is a wait for
  // the server (a projection to catch up), not think time.
  const ms = Math.max(0, seconds * 1000);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pacing ? Math.min(ms, 10_000) : Math.min(5, ms));
};

const k6 = {
  check<T>(value: T, sets: Record<string, (v: T) => boolean>, tags: Tags = {}): boolean {
    let all = true;
    for (const [name, predicate] of Object.entries(sets)) {
      const passed = !!predicate(value);
      emit('checks', 'rate', passed ? 1 : 0, { check: name, ...tags });
      all &&= passed;
    }
    return all;
  },
  group<T>(name: string, body: () => T): T {
    const outer = groupPath;
    groupPath = `${outer}::${name}`;
    try {
      return body();
    } finally {
      groupPath = outer;
    }
  },
  sleep: sleepFor,
  fail(message?: string): never {
    throw new Error(message ?? 'fail() called');
  },
};

const http = {
  get: (url: string, params?: Params) => request('GET', url, null, params),
  head: (url: string, params?: Params) => request('HEAD', url, null, params),
  post: (url: string, body?: unknown, params?: Params) => request('POST', url, body, params),
  put: (url: string, body?: unknown, params?: Params) => request('PUT', url, body, params),
  patch: (url: string, body?: unknown, params?: Params) => request('PATCH', url, body, params),
  del: (url: string, body?: unknown, params?: Params) => request('DELETE', url, body, params),
  options: (url: string, body?: unknown, params?: Params) => request('OPTIONS', url, body, params),
  request: (method: string, url: string, body?: unknown, params?: Params) => request(method.toUpperCase(), url, body, params),
  expectedStatuses,
  setResponseCallback(callback: ResponseCallback): void {
    responseCallback = callback;
  },
};

const metric = (type: Sample['type']) =>
  class {
    constructor(readonly name: string) {}
    add(value: number | boolean, tags: Tags = {}): void {
      emit(this.name, type, typeof value === 'boolean' ? Number(value) : value, tags);
    }
  };
const metrics = { Counter: metric('counter'), Gauge: metric('gauge'), Rate: metric('rate'), Trend: metric('trend') };

const execution = {
  get vu() {
    return { idInTest: data.vu, iterationInScenario: iteration, iterationInInstance: iteration };
  },
  get scenario() {
    return { name: data.scenario, iterationInTest: iteration };
  },
};

const builtins: Record<string, unknown> = { k6, 'k6/http': http, 'k6/metrics': metrics, 'k6/execution': execution };
const cache = new Map<string, Record<string, unknown>>();

/** A k6 module: transpiled (TypeScript, ES modules) to CommonJS and evaluated with its own require. */
const load = (path: string): Record<string, unknown> => {
  const cached = cache.get(path);
  if (cached) return cached;
  const { code } = transformSync(readFileSync(path, 'utf8'), {
    filename: path,
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    module: { type: 'commonjs' },
  });
  const module = { exports: {} as Record<string, unknown> };
  cache.set(path, module.exports);
  const localRequire = (specifier: string): unknown => {
    if (specifier in builtins) {
      const builtin = builtins[specifier] as Record<string, unknown>;
      return { __esModule: true, default: builtin, ...builtin };
    }
    if (specifier.startsWith('.')) return load(resolve(dirname(path), specifier));
    throw new Error(`${path}: the test runner does not implement the module "${specifier}"`);
  };
  new Function('require', 'module', 'exports', '__ENV', code)(localRequire, module, module.exports, data.env);
  cache.set(path, module.exports);
  return module.exports;
};

Object.defineProperty(globalThis, '__VU', { get: () => data.vu });
Object.defineProperty(globalThis, '__ITER', { get: () => iteration });
for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  console[level] = (...values: unknown[]) => port.postMessage({ kind: 'log', level, text: values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(' ') });
}

const flush = (): void => {
  if (samples.length) port.postMessage({ kind: 'samples', samples: samples.splice(0) });
};

port.on('message', (message: { kind: 'run'; exported: string; iterations: number; data?: unknown }) => {
  let script: Record<string, unknown>;
  try {
    script = load(data.script);
  } catch (error) {
    port.postMessage({ kind: 'done', errors: [`${data.script} (init): ${(error as Error).stack ?? String(error)}`] });
    return;
  }
  if (message.exported === '__options') {
    port.postMessage({ kind: 'done', errors: [], result: JSON.parse(JSON.stringify(script.options ?? {})) });
    return;
  }
  const fn = script[message.exported];
  // setup and teardown are optional in k6.
  if (fn === undefined && (message.exported === 'setup' || message.exported === 'teardown')) {
    port.postMessage({ kind: 'done', errors: [] });
    return;
  }
  if (typeof fn !== 'function') {
    port.postMessage({ kind: 'done', errors: [`${data.script} exports no function "${message.exported}"`] });
    return;
  }
  pacing = message.exported === 'setup' || message.exported === 'teardown';
  const errors: string[] = [];
  let result: unknown;
  for (let i = 0; i < message.iterations; i++) {
    try {
      // As k6 hands setup's data over: a JSON copy.
      result = (fn as (d: unknown) => unknown)(message.data === undefined ? undefined : JSON.parse(JSON.stringify(message.data)));
      if (message.exported !== 'setup' && message.exported !== 'teardown') emit('iterations', 'counter', 1);
    } catch (error) {
      errors.push(`${message.exported} (VU ${data.vu}, iteration ${iteration}): ${(error as Error).stack ?? String(error)}`);
    }
    iteration++;
    flush();
  }
  port.postMessage({ kind: 'done', errors, result: result === undefined ? undefined : JSON.parse(JSON.stringify(result)) });
});

export {};

import { transformSync } from '@swc/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * A test-only runner for the k6 scripts in load/: the part of k6's API they use, enough to run
 * each scenario once — a couple of VUs, a couple of iterations — against a started server, so a
 * script that is wrong (a route renamed, a body the API refuses, a check that cannot pass, a
 * threshold on a metric that is never recorded) fails CI. It is not a load generator: think
 * time in iterations is cut short (setup and teardown sleep for real: there a script waits for the
 * server), and VUs and iterations are capped. Real k6 is used instead when it is
 * installed (see load.e2e-spec.ts).
 *
 * It runs setup once, then each scenario's VUs in parallel worker threads (one module instance
 * per VU, as in k6), then teardown, and evaluates the script's thresholds over what was recorded.
 */

type Tags = Record<string, string>;
type MetricType = 'counter' | 'gauge' | 'rate' | 'trend';
interface Sample {
  metric: string;
  type: MetricType;
  value: number;
  tags: Tags;
}

interface Scenario {
  executor: string;
  exec?: string;
  vus?: number;
  iterations?: number;
  startVUs?: number;
  stages?: { target: number }[];
  maxVUs?: number;
  preAllocatedVUs?: number;
}

interface ScriptOptions {
  scenarios?: Record<string, Scenario>;
  vus?: number;
  iterations?: number;
  thresholds?: Record<string, (string | { threshold: string })[]>;
}

export interface ThresholdResult {
  metric: string;
  expression: string;
  ok: boolean;
  actual: number | undefined;
}

export interface RunReport {
  thresholds: ThresholdResult[];
  /** Check name → passes and fails. */
  checks: Record<string, { passes: number; fails: number }>;
  /** Exceptions thrown by setup, an iteration or teardown. */
  errors: string[];
  logs: string[];
  samples: Sample[];
  /** Scenario → VUs and iterations per VU that ran. */
  ran: Record<string, { vus: number; iterations: number }>;
}

export interface RunOptions {
  script: string;
  env: Record<string, string>;
  /** Most VUs a scenario runs (default 2). */
  maxVus?: number;
  /** Iterations per VU for time- or stage-based executors (default 2). */
  iterations?: number;
}

const BUFFER_BYTES = 16 * 1024 * 1024;
/** What the VU answers with the script's exported `options`. */
const OPTIONS = '__options';

const vuSource = (() => {
  let code: string | undefined;
  return (): string => {
    if (code) return code;
    const path = join(__dirname, 'k6-vu.ts');
    const transpiled = transformSync(readFileSync(path, 'utf8'), {
      filename: path,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    }).code;
    code = `(function (exports, module) {\n${transpiled}\n})({}, { exports: {} });`;
    return code;
  };
})();

interface VuResult {
  errors: string[];
  result?: unknown;
  samples: Sample[];
  logs: string[];
}

const runOnVu = (
  script: string,
  env: Record<string, string>,
  vu: number,
  scenario: string,
  job: { kind: 'run'; exported: string; iterations: number; data?: unknown },
): Promise<VuResult> => {
  const control = new SharedArrayBuffer(8);
  const buffer = new SharedArrayBuffer(BUFFER_BYTES);
  const controlView = new Int32Array(control);
  const bytes = new Uint8Array(buffer);
  const worker = new Worker(vuSource(), { eval: true, workerData: { script, env, vu, scenario, control, buffer } });
  const samples: Sample[] = [];
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    worker.on('error', reject);
    // A VU that ends without answering (the script called process.exit, the thread crashed).
    worker.on('exit', (code) => reject(new Error(`VU ${vu} (${job.exported}) exited with ${code} before it finished`)));
    worker.on('message', (message: { kind: string; [key: string]: unknown }) => {
      if (message.kind === 'samples') samples.push(...(message.samples as Sample[]));
      else if (message.kind === 'log') logs.push(`[VU ${vu} ${String(message.level)}] ${String(message.text)}`);
      else if (message.kind === 'http') void answer(message.request as HttpRequest, controlView, bytes);
      else if (message.kind === 'done') {
        void worker.terminate();
        resolve({ errors: message.errors as string[], result: message.result, samples, logs });
      }
    });
    worker.postMessage(job);
  });
};

interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/** Makes a VU's request on this thread's event loop and hands the answer back through shared memory. */
const answer = async (request: HttpRequest, control: Int32Array, bytes: Uint8Array): Promise<void> => {
  const started = performance.now();
  let payload: object;
  try {
    const res = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      redirect: 'follow',
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    const body = await res.text();
    payload = { status: res.status, statusText: res.statusText, headers: Object.fromEntries(res.headers), body, durationMs: performance.now() - started };
  } catch (error) {
    payload = { status: 0, statusText: '', headers: {}, body: '', durationMs: performance.now() - started, error: (error as Error).message };
  }
  let encoded = Buffer.from(JSON.stringify(payload), 'utf8');
  if (encoded.length > bytes.length) {
    encoded = Buffer.from(JSON.stringify({ ...payload, body: '', error: `response over ${bytes.length} bytes` }), 'utf8');
  }
  bytes.set(encoded);
  Atomics.store(control, 1, encoded.length);
  Atomics.store(control, 0, 1);
  Atomics.notify(control, 0);
};

/** How many VUs and iterations per VU a scenario gets here: what it asks for, capped. */
const shapeOf = (scenario: Scenario, maxVus: number, iterations: number): { vus: number; iterations: number } => {
  const wanted = Math.max(1, scenario.vus ?? scenario.maxVUs ?? scenario.preAllocatedVUs ?? Math.max(scenario.startVUs ?? 0, ...(scenario.stages ?? []).map((s) => s.target)));
  const vus = Math.min(wanted, maxVus);
  switch (scenario.executor) {
    case 'shared-iterations':
      return { vus: Math.min(vus, scenario.iterations ?? 1), iterations: Math.max(1, Math.ceil(Math.min(scenario.iterations ?? 1, vus * iterations) / vus)) };
    case 'per-vu-iterations':
      return { vus, iterations: Math.min(scenario.iterations ?? 1, iterations) };
    case 'constant-vus':
    case 'ramping-vus':
    case 'constant-arrival-rate':
    case 'ramping-arrival-rate':
    case 'externally-controlled':
      return { vus, iterations };
    default:
      throw new Error(`unknown executor ${scenario.executor}`);
  }
};

const percentile = (sorted: number[], p: number): number => {
  if (sorted.length === 0) return NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (rank - low);
};

/** k6's threshold syntax: `metric{tag:value}` and `agg op number`, agg in count, rate, avg, min, max, med, value, p(N). */
export const evaluateThreshold = (key: string, expression: string, samples: Sample[]): ThresholdResult => {
  const selector = /^([\w.]+)(?:\{(.*)\})?$/.exec(key.trim());
  if (!selector) throw new Error(`unsupported threshold metric ${key}`);
  const [, metric, tagText] = selector;
  const wanted = (tagText ?? '')
    .split(',')
    .filter(Boolean)
    .map((pair) => pair.split(':').map((part) => part.trim()) as [string, string]);
  const values = samples.filter((s) => s.metric === metric && wanted.every(([k, v]) => s.tags[k] === v));
  const match = /^(count|rate|avg|min|max|med|value|p\((\d+(?:\.\d+)?)\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?)$/.exec(expression.trim());
  if (!match) throw new Error(`unsupported threshold ${expression}`);
  const [, aggregate, p, operator, boundText] = match;
  const bound = Number(boundText);
  const numbers = values.map((s) => s.value).sort((a, b) => a - b);
  const type = values[0]?.type;
  let actual: number | undefined;
  if (aggregate === 'count') actual = type === 'counter' ? numbers.reduce((sum, v) => sum + v, 0) : numbers.length;
  else if (numbers.length === 0) actual = undefined; // a rate or trend with no samples proves nothing
  else if (aggregate === 'rate') actual = numbers.filter((v) => v !== 0).length / numbers.length;
  else if (aggregate === 'avg') actual = numbers.reduce((sum, v) => sum + v, 0) / numbers.length;
  else if (aggregate === 'min') actual = numbers[0];
  else if (aggregate === 'max') actual = numbers[numbers.length - 1];
  else if (aggregate === 'med') actual = percentile(numbers, 50);
  else if (aggregate === 'value') actual = values[values.length - 1].value;
  else actual = percentile(numbers, Number(p));
  const compare: Record<string, (a: number, b: number) => boolean> = {
    '<': (a, b) => a < b,
    '<=': (a, b) => a <= b,
    '>': (a, b) => a > b,
    '>=': (a, b) => a >= b,
    '==': (a, b) => a === b,
    '===': (a, b) => a === b,
    '!=': (a, b) => a !== b,
  };
  return { metric: key, expression, actual, ok: actual !== undefined && compare[operator](actual, bound) };
};

export const runK6Script = async ({ script, env, maxVus = 2, iterations = 2 }: RunOptions): Promise<RunReport> => {
  const report: RunReport = { thresholds: [], checks: {}, errors: [], logs: [], samples: [], ran: {} };
  const take = (result: VuResult): VuResult => {
    report.errors.push(...result.errors);
    report.logs.push(...result.logs);
    report.samples.push(...result.samples);
    return result;
  };
  // The script's init code runs once more to read its options, as k6 does before the VUs start.
  const options = take(await runOnVu(script, env, 0, 'setup', { kind: 'run', exported: OPTIONS, iterations: 1 })).result as ScriptOptions | undefined;
  const scenarios = options?.scenarios ?? { default: { executor: 'shared-iterations', vus: options?.vus ?? 1, iterations: options?.iterations ?? 1 } };

  const setup = take(await runOnVu(script, env, 0, 'setup', { kind: 'run', exported: 'setup', iterations: 1, data: undefined }));
  const data = setup.result;
  let vuId = 1;
  for (const [name, scenario] of Object.entries(scenarios)) {
    const shape = shapeOf(scenario, maxVus, iterations);
    report.ran[name] = shape;
    const vus = Array.from({ length: shape.vus }, () => vuId++);
    const results = await Promise.all(vus.map((vu) => runOnVu(script, env, vu, name, { kind: 'run', exported: scenario.exec ?? 'default', iterations: shape.iterations, data })));
    results.forEach(take);
  }
  take(await runOnVu(script, env, 0, 'teardown', { kind: 'run', exported: 'teardown', iterations: 1, data }));

  for (const sample of report.samples.filter((s) => s.metric === 'checks')) {
    const entry = (report.checks[sample.tags.check] ??= { passes: 0, fails: 0 });
    if (sample.value) entry.passes++;
    else entry.fails++;
  }
  for (const [key, list] of Object.entries(options?.thresholds ?? {})) {
    for (const item of list) report.thresholds.push(evaluateThreshold(key, typeof item === 'string' ? item : item.threshold, report.samples));
  }
  return report;
};

export const scriptPath = (name: string): string => join(__dirname, '..', '..', 'load', name);

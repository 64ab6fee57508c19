import type { RunReport } from './k6-runner';

/** Latency thresholds: targets for a real load run, printed but not enforced on a shared CI box. */
const LATENCY = /^(http_req_duration|hold_to_paid)/;

/**
 * What a run of a script through the test-only runner must show for the script to be right: no
 * exception, every check passed, every threshold measured (a threshold on a metric or tag that is
 * never recorded proves nothing), and the correctness thresholds (oversold, checks, failed
 * requests) met.
 */
export const expectSound = (script: string, report: RunReport): void => {
  expect({ script, errors: report.errors }).toEqual({ script, errors: [] });
  const failed = Object.entries(report.checks).filter(([, counts]) => counts.fails > 0);
  expect({ script, failedChecks: failed, logs: failed.length ? report.logs : [] }).toEqual({ script, failedChecks: [], logs: [] });
  expect(Object.keys(report.checks).length).toBeGreaterThan(0);
  const unmeasured = report.thresholds.filter((t) => t.actual === undefined);
  expect({ script, thresholdsWithoutSamples: unmeasured }).toEqual({ script, thresholdsWithoutSamples: [] });
  const broken = report.thresholds.filter((t) => !t.ok && !LATENCY.test(t.metric));
  expect({ script, brokenThresholds: broken }).toEqual({ script, brokenThresholds: [] });
  const latency = report.thresholds.filter((t) => LATENCY.test(t.metric) && !t.ok);
  if (latency.length) console.warn(`${script}: latency thresholds crossed in this run (not enforced here): ${JSON.stringify(latency)}`);
};

import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithBinary } from '@tessera/platform/testing/services';
import { load } from 'js-yaml';
import { ROOT } from '../support/processes';

/**
 * The alert rules in deploy/prometheus/rules/ through Debian's promtool: the configuration that
 * wires them in is valid, every rule file has unit tests (`promtool test rules`) and they pass, and
 * every alert says how urgent it is and links its section of the runbook.
 */

const RULES = join(ROOT, 'deploy', 'prometheus', 'rules');
const TESTS = join(RULES, 'tests');
const ruleFiles = readdirSync(RULES).filter((name) => name.endsWith('.rules.yml'));
const testFiles = readdirSync(TESTS).filter((name) => name.endsWith('.test.yml'));

interface RuleFile {
  groups: { name: string; rules: { alert?: string; record?: string; labels?: Record<string, string>; annotations?: Record<string, string> }[] }[];
}

const alerts = ruleFiles.flatMap((file) =>
  (load(readFileSync(join(RULES, file), 'utf8')) as RuleFile).groups.flatMap((group) => group.rules.filter((rule) => rule.alert).map((rule) => ({ file, ...rule }))),
);

/** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorsOf = (markdown: string): Set<string> =>
  new Set(
    [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) =>
      heading
        .trim()
        .toLowerCase()
        .replace(/[^\w\- ]/g, '')
        .replace(/ /g, '-'),
    ),
  );

describe('the alert rules (deploy/prometheus/rules)', () => {
  it('has a unit test file for every rule file, and the tests load exactly it', () => {
    const tested = testFiles.flatMap((file) => (load(readFileSync(join(TESTS, file), 'utf8')) as { rule_files: string[] }).rule_files);
    expect(tested.map((path) => path.replace('../', '')).sort()).toEqual([...ruleFiles].sort());
  });

  it('gives every alert a severity (page or ticket), a summary and a runbook section that exists', () => {
    const anchors = anchorsOf(readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8'));
    expect(alerts.length).toBeGreaterThan(10);
    for (const alert of alerts) {
      expect({ alert: alert.alert, severity: alert.labels?.severity }).toEqual({ alert: alert.alert, severity: expect.stringMatching(/^(page|ticket)$/) });
      expect(alert.annotations?.summary).toBeTruthy();
      const anchor = /^docs\/operations\.md#(.+)$/.exec(alert.annotations?.runbook_url ?? '')?.[1];
      expect({ alert: alert.alert, anchor, found: anchor !== undefined && anchors.has(anchor) }).toEqual({ alert: alert.alert, anchor, found: true });
    }
  });

  describeWithBinary('promtool', 'apt-get install prometheus', 'through promtool', (promtool) => {
    const run = (...args: string[]) => spawnSync(promtool, args, { cwd: ROOT, encoding: 'utf8' });

    it('accepts deploy/prometheus.yml with every rule file wired in', () => {
      const result = run('check', 'config', 'deploy/prometheus.yml');
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`SUCCESS: ${ruleFiles.length} rule files found`);
      for (const file of ruleFiles) expect(result.stdout).toContain(`Checking deploy/prometheus/rules/${file}`);
    });

    it.each(testFiles)('passes promtool test rules %s', (file) => {
      const result = run('test', 'rules', join('deploy', 'prometheus', 'rules', 'tests', file));
      expect(`${result.stdout}${result.stderr}`).not.toContain('FAILED');
      expect(result.status).toBe(0);
    });
  });
});

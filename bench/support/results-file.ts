import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Puts `section` (which starts with its `## heading` line) in the results file (bench/RESULTS.md):
 * in place of the section of the same heading, or at the end when there is none.
 */
export const writeResultsSection = (resultsPath: string, section: string): void => {
  const heading = `${section.slice(0, section.indexOf('\n'))}\n`;
  const current = readFileSync(resultsPath, 'utf8');
  const start = current.indexOf(heading);
  let updated: string;
  if (start === -1) updated = `${current.trimEnd()}\n\n${section}`;
  else {
    const end = current.indexOf('\n## ', start + 1);
    updated = `${current.slice(0, start)}${section.trimEnd()}\n${end === -1 ? '' : `\n${current.slice(end + 1)}`}`;
  }
  writeFileSync(resultsPath, updated.endsWith('\n') ? updated : `${updated}\n`);
};

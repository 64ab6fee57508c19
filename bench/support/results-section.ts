import { readFileSync, writeFileSync } from 'node:fs';

/**
 * Puts `section` into bench/RESULTS.md at `resultsPath`: it replaces the section that starts with
 * the same "## " heading line (up to the next "## "), or is appended when there is none.
 */
export const writeResultsSection = (resultsPath: string, section: string): void => {
  const current = readFileSync(resultsPath, 'utf8');
  const heading = section.slice(0, section.indexOf('\n'));
  const start = current.indexOf(`${heading}\n`);
  let updated: string;
  if (start === -1) updated = `${current.trimEnd()}\n\n${section}`;
  else {
    const end = current.indexOf('\n## ', start + 1);
    updated = current.slice(0, start) + section + (end === -1 ? '' : `\n${current.slice(end + 1)}`);
  }
  writeFileSync(resultsPath, updated.endsWith('\n') ? updated : `${updated}\n`);
};

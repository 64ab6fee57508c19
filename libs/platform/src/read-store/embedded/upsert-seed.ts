import type { Filter } from '../read-store.port';
import { copyValue } from './document-copy';

/**
 * The document an upsert starts from, as MongoDB builds it: the filter's equality conditions
 * (`{ a: 1 }`, `{ a: { $eq: 1 } }`, and those inside a top-level `$and`), dotted paths expanded.
 * Range and other operator conditions contribute nothing.
 */
export const seedFromFilter = (filter: Filter): Record<string, unknown> => {
  const seed: Record<string, unknown> = {};
  collectEqualities(filter, seed);
  return seed;
};

const isOperatorObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.keys(value).length > 0 &&
  Object.keys(value).every((key) => key.startsWith('$'));

const collectEqualities = (filter: Filter, seed: Record<string, unknown>): void => {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const clause of value) collectEqualities(clause as Filter, seed);
      continue;
    }
    if (key.startsWith('$')) continue;
    if (isOperatorObject(value)) {
      if ('$eq' in value) setPath(seed, key, copyValue(value.$eq));
      continue;
    }
    setPath(seed, key, copyValue(value));
  }
};

export const setPath = (target: Record<string, unknown>, path: string, value: unknown): void => {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
};

/** Values of the given dotted paths, missing ones as null (a unique index treats them alike). */
export const valuesAt = (document: Record<string, unknown>, paths: readonly string[]): unknown[] =>
  paths.map((path) => {
    let node: unknown = document;
    for (const part of path.split('.')) {
      if (typeof node !== 'object' || node === null) return null;
      node = (node as Record<string, unknown>)[part];
    }
    return node === undefined ? null : node;
  });

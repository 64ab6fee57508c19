/**
 * `$set` and `$unset` of plain field paths (`bookings.b-17`), applied without mingo. The
 * projector patches per-user lists with exactly these, thousands of times per batch, and
 * mingo's updater builds its operator context, path validator and query set-up on every call.
 * Anything else (other operators, positional or `$`-prefixed parts, conflicting paths, values
 * that are not plain data, a path through an array or a non-object) is left to mingo: `planFieldUpdate` and
 * `canApplyFieldUpdate` say no, and nothing has been changed yet. Where they say yes the result,
 * including "modified", is what mingo's `update` gives.
 */

interface FieldChange {
  operator: '$set' | '$unset';
  parts: string[];
  value: unknown;
}

export type FieldUpdate = readonly FieldChange[];

const FORBIDDEN_PARTS = new Set(['__proto__', 'constructor', 'prototype']);

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/** JSON-shaped: what `sameData` compares exactly as mingo's isEqual does. */
const isPlainData = (value: unknown): boolean => {
  if (typeof value !== 'object' || value === null) return typeof value !== 'function' && typeof value !== 'symbol';
  if (Array.isArray(value)) return value.every(isPlainData);
  if (!isPlainObject(value)) return false;
  for (const key in value) if (!isPlainData(value[key])) return false;
  return true;
};

/**
 * mingo's isEqual (which decides "modified") for a stored value against plain data: key order
 * does not matter, NaN equals NaN, an object equals only an object of the same constructor.
 */
const sameData = (stored: unknown, value: unknown): boolean => {
  if (stored === value || Object.is(stored, value)) return true;
  if (typeof stored !== 'object' || typeof value !== 'object' || stored === null || value === null) return false;
  if ((stored as object).constructor !== (value as object).constructor) return false;
  if (Array.isArray(value)) {
    const list = stored as unknown[];
    return list.length === value.length && value.every((item, i) => sameData(list[i], item));
  }
  const a = stored as Record<string, unknown>;
  const b = value as Record<string, unknown>;
  const keys = Object.keys(b);
  if (Object.keys(a).length !== keys.length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(a, key) && sameData(a[key], b[key]));
};

/** The update as a list of field changes, or null when it is not only `$set`/`$unset` of plain paths. */
export const planFieldUpdate = (modifier: Record<string, unknown>): FieldUpdate | null => {
  const changes: FieldChange[] = [];
  // Paths and their prefixes seen so far: `a` with `a.b` is a conflict, which mingo reports.
  const paths = new Set<string>();
  const prefixes = new Set<string>();
  for (const operator in modifier) {
    if (operator !== '$set' && operator !== '$unset') return null;
    const fields = modifier[operator];
    if (!isPlainObject(fields)) return null;
    for (const path in fields) {
      const parts = path.split('.');
      for (const part of parts) {
        if (part === '' || part.includes('$') || FORBIDDEN_PARTS.has(part)) return null;
      }
      if (paths.has(path) || prefixes.has(path)) return null;
      let prefix = parts[0];
      for (let i = 1; i < parts.length; i++) {
        if (paths.has(prefix)) return null;
        prefixes.add(prefix);
        prefix = `${prefix}.${parts[i]}`;
      }
      if (operator === '$set' && !isPlainData(fields[path])) return null;
      paths.add(path);
      changes.push({ operator, parts, value: fields[path] });
    }
  }
  return changes;
};

/**
 * Whether every path of the plan runs through plain objects (or missing fields) of `document`,
 * where the plan alone decides the outcome; otherwise mingo's rules for arrays, nulls and
 * scalars on the way apply.
 */
export const canApplyFieldUpdate = (document: Record<string, unknown>, plan: FieldUpdate): boolean => {
  for (const { parts } of plan) {
    let node: Record<string, unknown> = document;
    for (let i = 0; i < parts.length - 1; i++) {
      const next = node[parts[i]];
      if (next === undefined) break;
      if (!isPlainObject(next)) return false;
      node = next;
    }
  }
  return true;
};

/**
 * Applies a plan that `canApplyFieldUpdate` accepted; returns whether the document changed.
 * `copyValue` makes the stored copy of a `$set` value.
 */
export const applyFieldUpdate = (
  document: Record<string, unknown>,
  plan: FieldUpdate,
  copyValue: (value: unknown) => unknown,
): boolean => {
  let modified = false;
  for (const { operator, parts, value } of plan) {
    let node: Record<string, unknown> | undefined = document;
    const last = parts.length - 1;
    for (let i = 0; i < last && node; i++) {
      let next = node[parts[i]] as Record<string, unknown> | undefined;
      // Like mingo (buildGraph), $set makes the missing objects on its way; $unset stops there.
      if (next === undefined && operator === '$set') node[parts[i]] = next = {};
      node = next;
    }
    if (!node) continue;
    const key = parts[last];
    if (operator === '$set') {
      if (sameData(node[key], value)) continue;
      node[key] = copyValue(value);
      modified = true;
    } else if (Object.prototype.hasOwnProperty.call(node, key)) {
      const previous = node[key];
      delete node[key];
      // mingo counts unsetting a field that held `undefined` as no change.
      if (previous !== undefined) modified = true;
    }
  }
  return modified;
};

import { ValidationFailedException } from './validation';

/**
 * The JSON body rules of API.md (Operations, Transport rules), free of any HTTP framework so that
 * the edge can move: a body nested deeper than 32 levels, a lone UTF-16 surrogate anywhere (key or
 * string) or a key that names an Object.prototype member (`__proto__`, `constructor`, `toString`…)
 * is refused with 400 VALIDATION_FAILED before any DTO, handler or `encodeURIComponent` sees it.
 */

export const MAX_JSON_DEPTH = 32;

/** Keys that reach into prototypes when a body is merged or indexed: every Object.prototype name, and `prototype`. */
export const FORBIDDEN_JSON_KEYS: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

const refuse = (field: string, message: string): ValidationFailedException => new ValidationFailedException([{ field, message }]);

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * The deepest nesting of objects and arrays in JSON text, found in one pass without recursion,
 * stopping as soon as it passes `limit`: JSON.parse and any walk over its result recurse, and a
 * 50,000-deep body overflowed the stack. Brackets inside strings do not count.
 */
export const jsonDepthExceeds = (text: string, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
};

/** String.prototype.isWellFormed (Node 20+; the ES2023 lib this repo compiles against does not declare it). */
const isWellFormed = (text: string): boolean => (text as unknown as { isWellFormed(): boolean }).isWellFormed();

const pathOf = (parent: string, key: string | number): string =>
  typeof key === 'number' ? `${parent}[${key}]` : parent ? `${parent}.${key}` : key;

/** Checks every key and string of a parsed body (already known to be shallow) against the rules. */
const checkValue = (value: unknown, field: string): void => {
  if (typeof value === 'string') {
    if (!isWellFormed(value)) throw refuse(field || '(body)', 'contains a lone UTF-16 surrogate');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkValue(item, pathOf(field, index)));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      if (!isWellFormed(key)) throw refuse(field || '(body)', 'has a key with a lone UTF-16 surrogate');
      if (FORBIDDEN_JSON_KEYS.has(key)) throw refuse(pathOf(field, key), 'is not allowed');
      checkValue((value as Record<string, unknown>)[key], pathOf(field, key));
    }
  }
};

/**
 * Parses a request body as JSON under the transport rules. An empty body is `{}`, as with
 * body-parser; only an object or an array may stand at the top (body-parser's `strict`).
 * Throws ValidationFailedException (400 VALIDATION_FAILED) naming the offending field.
 */
export const parseJsonBody = (text: string): unknown => {
  if (text.trim() === '') return {};
  const first = text.trimStart().charCodeAt(0);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) throw refuse('(body)', 'must be a JSON object');
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) throw refuse('(body)', `is nested deeper than ${MAX_JSON_DEPTH} levels`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refuse('(body)', 'is not valid JSON');
  }
  checkValue(value, '');
  return value;
};

/**
 * Whether a Content-Type header names JSON this server reads: `application/json`, with at most a
 * UTF-8 charset (RFC 8259 requires UTF-8 between systems).
 */
export const isJsonContentType = (header: string | undefined): boolean => {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((part) => part.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((param) => !param.startsWith('charset=') || /^charset="?utf-8"?$/.test(param));
};

/**
 * Whether a request carries a body, from its headers alone (as type-is's hasBody): chunked, or a
 * Content-Length above zero. An empty body is no body, whatever its Content-Type.
 */
export const requestHasBody = (headers: Record<string, string | string[] | undefined>): boolean =>
  headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;

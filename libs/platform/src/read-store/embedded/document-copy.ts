/**
 * Copies and freezing of stored documents. Read-model documents are JSON-shaped (plain objects,
 * arrays, strings, numbers), which a plain recursive copy handles several times faster than
 * `structuredClone` (a serialise-and-parse round trip per call); anything else inside a
 * document (a Date, a Map, a class instance) still goes through `structuredClone`, so the copy
 * is the same either way. A frozen document is one the store shares with a caller (handed over
 * to it, or handed out read-only): the store never changes it in place.
 */

export const copyValue = <T>(value: T): T => {
  if (typeof value !== 'object' || value === null) {
    // structuredClone refuses functions and symbols: so must a store that can only keep data.
    return typeof value === 'function' || typeof value === 'symbol' ? structuredClone(value) : value;
  }
  if (Array.isArray(value)) {
    const copied: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) copied[i] = copyValue(value[i]);
    return copied as T;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return structuredClone(value);
  const copied: Record<string, unknown> = {};
  const source = value as Record<string, unknown>;
  for (const key in source) {
    // An own `__proto__` key (JSON.parse makes them) must stay a field, not become the prototype.
    if (key === '__proto__') Object.defineProperty(copied, key, { value: copyValue(source[key]), enumerable: true, writable: true, configurable: true });
    else copied[key] = copyValue(source[key]);
  }
  return copied as T;
};

/**
 * Freezes the plain objects and arrays of a document, all the way down, so that a caller that
 * breaks its promise not to change a shared document fails loudly instead of changing the store.
 * An object already frozen is taken as frozen all the way down (this is the only freezing the
 * store does), which keeps re-freezing a document built from a frozen one cheap.
 */
export const freezeDocument = <T>(value: T): T => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    Object.freeze(value);
    for (let i = 0; i < value.length; i++) freezeDocument(value[i]);
    return value;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  // Dates, Maps and typed arrays keep their state in internal slots that freezing cannot reach.
  if (proto !== Object.prototype && proto !== null) return value;
  Object.freeze(value);
  const fields = value as Record<string, unknown>;
  for (const key in fields) freezeDocument(fields[key]);
  return value;
};

// k6's runtime has `console` (log, info, warn, error, debug); @types/k6 does not declare it, and
// the DOM library would bring much that k6 lacks.
declare const console: {
  log(...values: unknown[]): void;
  info(...values: unknown[]): void;
  warn(...values: unknown[]): void;
  error(...values: unknown[]): void;
  debug(...values: unknown[]): void;
};

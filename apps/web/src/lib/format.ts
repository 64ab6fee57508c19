/** Money in minor units with its ISO currency (API.md, Conventions). */
export const formatMoney = (minor: number, currency: string): string =>
  new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 100);

export const formatDateTime = (iso: string): string =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** A new Idempotency-Key for a POST that may be retried (a double click pays once). */
export const idempotencyKey = (): string => crypto.randomUUID();

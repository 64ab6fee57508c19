const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * Money in minor units with its ISO currency (API.md, Conventions). One formatter per currency:
 * building an Intl.NumberFormat costs far more than using one, and a seat map labels every seat.
 */
export const formatMoney = (minor: number, currency: string): string => {
  let format = moneyFormats.get(currency);
  if (!format) moneyFormats.set(currency, (format = new Intl.NumberFormat(undefined, { style: 'currency', currency })));
  return format.format(minor / 100);
};

export const formatDateTime = (iso: string): string =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** A new Idempotency-Key for a POST that may be retried (a double click pays once). */
export const idempotencyKey = (): string => crypto.randomUUID();

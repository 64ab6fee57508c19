import { DomainError } from '../domain-error';

/**
 * Instants travel as ISO 8601 strings (commands carry `metadata.now`, events carry `expiresAt`).
 * Compare them as numbers: two valid ISO strings of one instant can differ in text.
 */
export const epochMillisOf = (iso: string, field = 'time'): number => {
  const millis = Date.parse(iso);
  if (Number.isNaN(millis)) {
    throw new DomainError('VALIDATION_FAILED', `${field} is not an ISO 8601 instant`, {
      errors: [{ field, message: 'must be an ISO 8601 instant' }],
    });
  }
  return millis;
};

/** True once `now` has reached `deadline`: a hold expiring at 10:00 is free at 10:00 sharp. */
export const hasReached = (now: string, deadline: string): boolean =>
  epochMillisOf(now, 'now') >= epochMillisOf(deadline, 'deadline');

export const addMinutes = (iso: string, minutes: number): string =>
  new Date(epochMillisOf(iso) + minutes * 60_000).toISOString();

/** The same instant in the canonical UTC form `2027-05-01T19:30:00.000Z`. */
export const toUtcIso = (iso: string, field?: string): string => new Date(epochMillisOf(iso, field)).toISOString();

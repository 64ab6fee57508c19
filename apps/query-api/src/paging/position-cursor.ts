import { DomainError } from '@tessera/domain';

/**
 * Paging shared by the lists ordered by a log position (incidents by report, users by
 * registration): `?limit` checked at the edge, and a cursor that is the position of the last item
 * served as base64url JSON, opaque to clients. A bad value is a 400, never an empty page.
 */

export const invalidParameter = (field: string, message: string): DomainError =>
  new DomainError('VALIDATION_FAILED', `${field} ${message}`, { errors: [{ field, message }] });

export const parseLimit = (value: string | undefined, { fallback, max }: { fallback: number; max: number }): number => {
  if (value === undefined) return fallback;
  const limit = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 1 && limit <= max)) throw invalidParameter('limit', `must be a whole number from 1 to ${max}`);
  return limit;
};

export const encodePositionCursor = (position: number): string => Buffer.from(JSON.stringify([position])).toString('base64url');

export const decodePositionCursor = (value: string): number => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 1 && Number.isSafeInteger(parsed[0]) && (parsed[0] as number) >= 0) return parsed[0] as number;
  } catch {
    // falls through to the refusal
  }
  throw invalidParameter('cursor', 'is not a cursor this API gave out');
};

import { DomainError } from '@tessera/domain';

/**
 * Cursor pagination: the cursor is the sort key of the last item served (startsAt, id), opaque
 * to clients (base64url JSON). New shows never shift a page the way offsets would.
 */

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export interface ShowCursor {
  startsAt: string;
  id: string;
}

const invalid = (field: string, message: string): DomainError =>
  new DomainError('VALIDATION_FAILED', `${field} ${message}`, { errors: [{ field, message }] });

export const parseLimit = (value: string | undefined): number => {
  if (value === undefined) return DEFAULT_LIMIT;
  const limit = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) throw invalid('limit', `must be a whole number from 1 to ${MAX_LIMIT}`);
  return limit;
};

export const encodeCursor = (cursor: ShowCursor): string => Buffer.from(JSON.stringify([cursor.startsAt, cursor.id])).toString('base64url');

export const decodeCursor = (value: string): ShowCursor => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string')) {
      return { startsAt: parsed[0] as string, id: parsed[1] as string };
    }
  } catch {
    // falls through to the refusal
  }
  throw invalid('cursor', 'is not a cursor this API gave out');
};

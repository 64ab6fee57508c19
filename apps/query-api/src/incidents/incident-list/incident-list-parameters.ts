import {
  ENTITY_ID_PATTERN,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type IncidentSeverity,
  type IncidentSource,
  type IncidentStatus,
} from '@tessera/contracts';
import { DomainError } from '@tessera/domain';

/**
 * The query string of GET /api/incidents, checked at the edge: a value outside its set is a 400,
 * never a filter that silently matches nothing. The cursor is the `reportedPosition` of the last
 * incident served (base64url JSON), opaque to clients.
 */

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export interface IncidentFilters {
  status?: IncidentStatus;
  severity?: IncidentSeverity;
  source?: IncidentSource;
  venueId?: string;
}

const invalid = (field: string, message: string): DomainError =>
  new DomainError('VALIDATION_FAILED', `${field} ${message}`, { errors: [{ field, message }] });

const oneOf = <T extends string>(field: string, value: string | undefined, allowed: readonly T[]): T | undefined => {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw invalid(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
};

export const parseFilters = (query: Record<string, string | undefined>): IncidentFilters => {
  const venueId = query.venueId;
  if (venueId !== undefined && !ENTITY_ID_PATTERN.test(venueId)) throw invalid('venueId', 'is not a valid id');
  return {
    ...(query.status === undefined ? {} : { status: oneOf('status', query.status, INCIDENT_STATUSES) }),
    ...(query.severity === undefined ? {} : { severity: oneOf('severity', query.severity, INCIDENT_SEVERITIES) }),
    ...(query.source === undefined ? {} : { source: oneOf<IncidentSource>('source', query.source, ['report', 'device']) }),
    ...(venueId === undefined ? {} : { venueId }),
  };
};

export const parseLimit = (value: string | undefined, { fallback, max }: { fallback: number; max: number }): number => {
  if (value === undefined) return fallback;
  const limit = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 1 && limit <= max)) throw invalid('limit', `must be a whole number from 1 to ${max}`);
  return limit;
};

export const encodeCursor = (reportedPosition: number): string => Buffer.from(JSON.stringify([reportedPosition])).toString('base64url');

export const decodeCursor = (value: string): number => {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 1 && Number.isSafeInteger(parsed[0]) && (parsed[0] as number) >= 0) return parsed[0] as number;
  } catch {
    // falls through to the refusal
  }
  throw invalid('cursor', 'is not a cursor this API gave out');
};

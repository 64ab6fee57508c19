import {
  ENTITY_ID_PATTERN,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type IncidentSeverity,
  type IncidentSource,
  type IncidentStatus,
} from '@tessera/contracts';
import { invalidParameter } from '../../paging/position-cursor';

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


const oneOf = <T extends string>(field: string, value: string | undefined, allowed: readonly T[]): T | undefined => {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw invalidParameter(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
};

export const parseFilters = (query: Record<string, string | undefined>): IncidentFilters => {
  const venueId = query.venueId;
  if (venueId !== undefined && !ENTITY_ID_PATTERN.test(venueId)) throw invalidParameter('venueId', 'is not a valid id');
  return {
    ...(query.status === undefined ? {} : { status: oneOf('status', query.status, INCIDENT_STATUSES) }),
    ...(query.severity === undefined ? {} : { severity: oneOf('severity', query.severity, INCIDENT_SEVERITIES) }),
    ...(query.source === undefined ? {} : { source: oneOf<IncidentSource>('source', query.source, ['report', 'device']) }),
    ...(venueId === undefined ? {} : { venueId }),
  };
};

import {
  ENTITY_ID_PATTERN,
  INCIDENT_CATEGORIES,
  INCIDENT_PRIORITIES,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  type IncidentCategory,
  type IncidentPriority,
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
  priority?: IncidentPriority;
  category?: IncidentCategory;
  source?: IncidentSource;
  venueId?: string;
  /** A user id; `none` lists the unassigned ones. */
  assigneeId?: string | null;
}

const oneOf = <T extends string>(field: string, value: string | undefined, allowed: readonly T[]): T | undefined => {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw invalidParameter(field, `must be one of ${allowed.join(', ')}`);
  return value as T;
};

export const parseFilters = (query: Record<string, string | undefined>): IncidentFilters => {
  const { venueId, assigneeId } = query;
  if (venueId !== undefined && !ENTITY_ID_PATTERN.test(venueId)) throw invalidParameter('venueId', 'is not a valid id');
  if (assigneeId !== undefined && assigneeId !== 'none' && !ENTITY_ID_PATTERN.test(assigneeId)) throw invalidParameter('assigneeId', 'is not a valid id (or none)');
  return {
    ...(query.status === undefined ? {} : { status: oneOf('status', query.status, INCIDENT_STATUSES) }),
    ...(query.severity === undefined ? {} : { severity: oneOf('severity', query.severity, INCIDENT_SEVERITIES) }),
    ...(query.priority === undefined ? {} : { priority: oneOf('priority', query.priority, INCIDENT_PRIORITIES) }),
    ...(query.category === undefined ? {} : { category: oneOf('category', query.category, INCIDENT_CATEGORIES) }),
    ...(query.source === undefined ? {} : { source: oneOf<IncidentSource>('source', query.source, ['report', 'device']) }),
    ...(venueId === undefined ? {} : { venueId }),
    ...(assigneeId === undefined ? {} : { assigneeId: assigneeId === 'none' ? null : assigneeId }),
  };
};

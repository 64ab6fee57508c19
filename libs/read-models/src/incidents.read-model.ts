import type { IncidentHistoryEntry, IncidentSummary } from '@tessera/contracts';
import { INCIDENT_EVENT_TYPES } from '@tessera/contracts';
import type { ProjectionDescriptor, ReadModelDocument } from './read-model';

/**
 * Incidents: one document per incident with its history, serving the staff list (filters by
 * status, severity, priority, category, source, venue and assignee; cursor), the recent feed, each reporter's incidents and
 * the detail (GET /api/incidents…). Lists are newest first by `reportedPosition`, the log
 * position of the report: unique and in the order incidents were opened, so a cursor never
 * skips or repeats one, whatever clock a device rule stamped its raise with.
 */

export const INCIDENTS = 'incidents';

/** The summary's fields as a type alias (an interface would not index like a Document). */
type IncidentFields = { [K in keyof IncidentSummary]: IncidentSummary[K] };

export type IncidentDoc = ReadModelDocument &
  IncidentFields & {
    reportedPosition: number;
    /** Oldest first. */
    history: IncidentHistoryEntry[];
  };

export const incidentsDescriptor: ProjectionDescriptor = {
  name: 'incidents',
  version: 1,
  collections: [INCIDENTS],
  eventTypes: INCIDENT_EVENT_TYPES,
  // Newest first, alone (recent, the unfiltered list) and per reporter; the staff filters narrow a
  // newest-first walk of the first.
  indexes: { [INCIDENTS]: [{ reportedPosition: -1 }, { reporterId: 1, reportedPosition: -1 }] },
};

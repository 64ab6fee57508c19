import type { IncidentSummary, IncidentView } from '@tessera/contracts';
import type { ReadCollection, ReadStore } from '@tessera/platform/read-store/read-store.port';
import { collectionName, INCIDENTS, incidentsDescriptor, type IncidentDoc } from '@tessera/read-models';

/** The incidents read model as the query side reads it, and its documents as the API shows them. */

export const incidentsIn = (reads: ReadStore): ReadCollection<IncidentDoc> => reads.collection<IncidentDoc>(collectionName(incidentsDescriptor, INCIDENTS));

/** Lists leave the history out: it is the one part of a document that grows. */
export const WITHOUT_HISTORY = { history: 0 } as const;

/** Newest first: the log order of the reports. */
export const NEWEST_FIRST = { reportedPosition: -1 } as const;

export const incidentSummaryOf = (doc: IncidentDoc): IncidentSummary => ({
  incidentId: doc.incidentId,
  title: doc.title,
  description: doc.description,
  location: doc.location,
  category: doc.category,
  urgency: doc.urgency,
  impact: doc.impact,
  priority: doc.priority,
  severity: doc.severity,
  status: doc.status,
  source: doc.source,
  ...(doc.venueId === undefined ? {} : { venueId: doc.venueId }),
  ...(doc.deviceId === undefined ? {} : { deviceId: doc.deviceId }),
  ...(doc.ruleId === undefined ? {} : { ruleId: doc.ruleId }),
  reporterId: doc.reporterId,
  assigneeId: doc.assigneeId,
  createdAt: doc.createdAt,
  acknowledgedAt: doc.acknowledgedAt,
  resolvedAt: doc.resolvedAt,
  deadlines: doc.deadlines,
  breached: doc.breached,
});

export const incidentViewOf = (doc: IncidentDoc): IncidentView => ({ ...incidentSummaryOf(doc), history: doc.history });

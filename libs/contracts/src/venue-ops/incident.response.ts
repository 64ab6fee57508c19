import type {
  IncidentCategory,
  IncidentDeadlines,
  IncidentImpact,
  IncidentLocation,
  IncidentPriority,
  IncidentSeverity,
  IncidentSource,
  IncidentStatus,
  IncidentUrgency,
  SlaKind,
} from './incident.events';

/** Response bodies of the incident endpoints (API.md, Venue operations). */

/** 201 of POST /api/incidents. */
export interface ReportIncidentResponse {
  incidentId: string;
  status: 'new';
  priority: IncidentPriority;
  position: string;
}

/** 200 of PATCH /api/incidents/{incidentId}. */
export interface UpdateIncidentResponse {
  incidentId: string;
  status: IncidentStatus;
  priority: IncidentPriority;
  position: string;
}

export interface IncidentBreach {
  kind: SlaKind;
  deadline: string;
  detectedAt: string;
}

/** One line of an incident's history: who changed what, when. */
export interface IncidentHistoryEntry {
  at: string;
  actorId: string;
  /** `reported`, `status new → acknowledged`, `assigned staff-2`, `impact medium → high (P3 → P2)`, `severity high → critical`, `note`, `sla_breached acknowledge`. */
  change: string;
  note: string | null;
}

/** An incident in a list (GET /api/incidents, /recent, /api/me/incidents). */
export interface IncidentSummary {
  incidentId: string;
  title: string;
  description: string;
  location: IncidentLocation;
  category: IncidentCategory;
  urgency: IncidentUrgency;
  impact: IncidentImpact;
  priority: IncidentPriority;
  severity: IncidentSeverity;
  status: IncidentStatus;
  source: IncidentSource;
  venueId?: string;
  deviceId?: string;
  ruleId?: string;
  reporterId: string;
  assigneeId: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
  deadlines: IncidentDeadlines;
  breached: IncidentBreach[];
}

/** 200 of GET /api/incidents/{incidentId}. */
export interface IncidentView extends IncidentSummary {
  history: IncidentHistoryEntry[];
}

/** 200 of GET /api/incidents. */
export interface IncidentListResponse {
  items: IncidentSummary[];
  nextCursor: string | null;
}

/** 200 of GET /api/me/incidents and GET /api/incidents/recent. */
export interface IncidentItemsResponse {
  items: IncidentSummary[];
}

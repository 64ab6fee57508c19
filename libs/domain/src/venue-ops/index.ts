/** Venue operations' deciders: incidents (devices live in their own module). */
export * as Incident from './incident';
export { incidentDecider, isOpened as isIncidentOpened, isOpen as isOpenIncidentStatus, TRANSITIONS as INCIDENT_TRANSITIONS } from './incident';
export type { IncidentState, OpenedIncident, IncidentCommand, ReportIncident, RaiseFromDevice, UpdateIncident, ResolveFromDevice, RecordSlaBreach } from './incident';
export { priorityOf, deadlinesFor, severityOfUrgency, urgencyAndImpactOfSeverity, DEFAULT_IMPACT } from './priority';
export type { SlaPolicy, SlaTargets } from './priority';

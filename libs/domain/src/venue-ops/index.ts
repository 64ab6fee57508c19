/** Venue operations' deciders: the Incident, the Device and the device rules' evaluation. */
export * as Incident from './incident';
export { incidentDecider, isOpened as isIncidentOpened, isOpen as isOpenIncidentStatus, TRANSITIONS as INCIDENT_TRANSITIONS } from './incident';
export type { IncidentState, OpenedIncident, IncidentCommand, ReportIncident, RaiseFromDevice, UpdateIncident, ResolveFromDevice, RecordSlaBreach } from './incident';
export { priorityOf, deadlinesFor, severityOfUrgency, urgencyAndImpactOfSeverity, DEFAULT_IMPACT } from './priority';
export type { SlaPolicy, SlaTargets } from './priority';
export * as Device from './device';
export * as DeviceRules from './device-rules';
export { deviceDecider, isRegistered } from './device';
export type { DeviceState, RegisteredDevice, OpenRaise, DeviceCommand, RegisterDevice, RecordReading, CheckSilence } from './device';
export { evaluate, stepRule, noTimers } from './device-rules';
export type { RuleTimer, DeviceRuleTimers, Observation, Evaluation, Evaluated } from './device-rules';

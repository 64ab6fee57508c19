import type {
  IncidentDeadlines,
  IncidentImpact,
  IncidentPriority,
  IncidentSeverity,
  IncidentUrgency,
} from '@tessera/contracts';
import { addMinutes } from '../box-office/time';

/**
 * Priority from urgency × impact, as ITIL's priority matrix (urgency: how soon it hurts; impact:
 * how many it hurts), with four levels:
 *
 *   impact \ urgency   high   medium   low
 *   high               P1     P2       P3
 *   medium             P2     P3       P4
 *   low                P3     P4       P4
 *
 * A fan's report has no impact yet: it is `medium` until staff say otherwise.
 */
const MATRIX: Record<IncidentImpact, Record<IncidentUrgency, IncidentPriority>> = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P4' },
};

export const DEFAULT_IMPACT: IncidentImpact = 'medium';

export const priorityOf = (urgency: IncidentUrgency, impact: IncidentImpact): IncidentPriority => MATRIX[impact][urgency];

/** A fan's report starts at the severity of its urgency (API.md); `critical` is for devices and staff. */
export const severityOfUrgency = (urgency: IncidentUrgency): IncidentSeverity => urgency;

/**
 * Where a device rule's severity sits in the matrix: `critical` is urgent and wide (P1), `high`
 * urgent (P2), `medium` P3, `low` P4.
 */
export const urgencyAndImpactOfSeverity = (severity: IncidentSeverity): { urgency: IncidentUrgency; impact: IncidentImpact } => {
  switch (severity) {
    case 'critical':
      return { urgency: 'high', impact: 'high' };
    case 'high':
      return { urgency: 'high', impact: 'medium' };
    case 'medium':
      return { urgency: 'medium', impact: 'medium' };
    case 'low':
      return { urgency: 'low', impact: 'medium' };
    default: {
      const _exhaustive: never = severity;
      throw new Error(`unknown severity ${String(_exhaustive)}`);
    }
  }
};

/** Time-to-acknowledge and time-to-resolve of one priority, in minutes. */
export interface SlaTargets {
  acknowledgeMinutes: number;
  resolveMinutes: number;
}

/** The SLA of every priority. It arrives in the command (from configuration): the domain reads none. */
export type SlaPolicy = Readonly<Record<IncidentPriority, SlaTargets>>;

/** Both deadlines of a priority, counted from when the incident was reported. */
export const deadlinesFor = (priority: IncidentPriority, reportedAt: string, sla: SlaPolicy): IncidentDeadlines => ({
  acknowledgeBy: addMinutes(reportedAt, sla[priority].acknowledgeMinutes),
  resolveBy: addMinutes(reportedAt, sla[priority].resolveMinutes),
});

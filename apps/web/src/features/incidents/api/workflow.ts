import type { components } from '@/lib/api/openapi';

/**
 * The incident workflow as the board offers it (API.md, Venue operations):
 * new → acknowledged → in_progress ⇄ pending → resolved → closed, and resolved or closed back to
 * in_progress. The server decides (an illegal move answers 409 INVALID_TRANSITION, shown as its
 * problem); this only chooses which buttons a card shows and what they say.
 */

export type Incident = components['schemas']['IncidentSummary'];
export type IncidentStatus = Incident['status'];

export const STATUS_LABEL: Record<IncidentStatus, string> = {
  new: 'New',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  pending: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
};

export interface Step {
  to: IncidentStatus;
  label: string;
}

const STEPS: Record<IncidentStatus, readonly Step[]> = {
  new: [{ to: 'acknowledged', label: 'Acknowledge' }],
  acknowledged: [{ to: 'in_progress', label: 'Start work' }],
  in_progress: [
    { to: 'pending', label: 'Put on hold' },
    { to: 'resolved', label: 'Resolve' },
  ],
  pending: [
    { to: 'in_progress', label: 'Resume' },
    { to: 'resolved', label: 'Resolve' },
  ],
  resolved: [
    { to: 'closed', label: 'Close' },
    { to: 'in_progress', label: 'Reopen' },
  ],
  closed: [{ to: 'in_progress', label: 'Reopen' }],
};

export const nextSteps = (status: IncidentStatus): readonly Step[] => STEPS[status];

export const isOpen = (status: IncidentStatus): boolean => status === 'new' || status === 'acknowledged' || status === 'in_progress' || status === 'pending';

/**
 * The SLA clock that runs now: acknowledging until the incident is acknowledged, then resolving;
 * paused while it waits on someone (`pending` moves the resolve deadline on by the pause); none
 * once resolved or closed.
 */
export type SlaClock = { kind: 'acknowledge' | 'resolve'; until: string; breached: boolean } | { kind: 'paused' } | { kind: 'none' };

export const slaClockOf = (incident: Pick<Incident, 'status' | 'deadlines' | 'breached'>): SlaClock => {
  const breached = (kind: 'acknowledge' | 'resolve') => incident.breached.some((b) => b.kind === kind);
  switch (incident.status) {
    case 'new':
      return { kind: 'acknowledge', until: incident.deadlines.acknowledgeBy, breached: breached('acknowledge') };
    case 'acknowledged':
    case 'in_progress':
      return { kind: 'resolve', until: incident.deadlines.resolveBy, breached: breached('resolve') };
    case 'pending':
      return { kind: 'paused' };
    default:
      return { kind: 'none' };
  }
};

import { STATUS_LABEL, type Incident } from '../api/workflow';

const STATUS_STYLE: Record<Incident['status'], string> = {
  new: 'bg-blue-100 text-blue-900',
  acknowledged: 'bg-indigo-100 text-indigo-900',
  in_progress: 'bg-amber-100 text-amber-900',
  pending: 'bg-slate-200 text-slate-900',
  resolved: 'bg-green-100 text-green-900',
  closed: 'bg-slate-100 text-slate-700',
};

const SEVERITY_STYLE: Record<Incident['severity'], string> = {
  critical: 'bg-red-700 text-white',
  high: 'bg-orange-100 text-orange-900',
  medium: 'bg-yellow-100 text-yellow-900',
  low: 'bg-slate-100 text-slate-800',
};

const pill = 'inline-block rounded-full px-2 py-0.5 text-sm font-medium';

export function StatusBadge({ status }: { status: Incident['status'] }) {
  return (
    <span className={`${pill} ${STATUS_STYLE[status]}`} data-testid="incident-status">
      {STATUS_LABEL[status]}
    </span>
  );
}

export function PriorityBadges({ incident }: { incident: Pick<Incident, 'priority' | 'severity'> }) {
  return (
    <>
      <span className={`${pill} bg-slate-800 text-white`}>
        <span className="sr-only">Priority </span>
        {incident.priority}
      </span>
      <span className={`${pill} ${SEVERITY_STYLE[incident.severity]}`}>
        {incident.severity}
        <span className="sr-only"> severity</span>
      </span>
    </>
  );
}

/** Where it is, in words: the area, the seat, or nothing said. */
export const placeOf = (location: Incident['location']): string =>
  [location.area, location.seatId ? `seat ${location.seatId}` : undefined].filter(Boolean).join(' · ') || 'no place given';

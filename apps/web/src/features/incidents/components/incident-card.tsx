import { ProblemAlert } from '@/components/problem-alert';
import { formatDateTime } from '@/lib/format';
import { useUpdateIncident } from '../api/incidents';
import { nextSteps, type Incident } from '../api/workflow';
import { placeOf, PriorityBadges, StatusBadge } from './incident-badges';
import { SlaClock } from './sla-clock';

const assigneeOf = (incident: Incident, myUserId: string | undefined): string =>
  incident.assigneeId === null ? 'Unassigned' : incident.assigneeId === myUserId ? 'Assigned to you' : `Assigned to ${incident.assigneeId.slice(0, 8)}…`;

/** One incident on the staff board: what and where, its SLA clock, and the moves the workflow allows. */
export function IncidentCard({ incident, myUserId }: { incident: Incident; myUserId: string | undefined }) {
  const update = useUpdateIncident();
  const change = (body: Parameters<typeof update.mutate>[0]['change']) => update.mutate({ incidentId: incident.incidentId, change: body });
  return (
    <article data-testid="incident" aria-labelledby={`incident-${incident.incidentId}`} className="flex flex-col gap-2 rounded-lg border border-slate-300 bg-white p-3 shadow-sm">
      <header className="flex flex-wrap items-center gap-2">
        <h3 id={`incident-${incident.incidentId}`} className="mr-auto font-semibold">
          {incident.title}
        </h3>
        <PriorityBadges incident={incident} />
        <StatusBadge status={incident.status} />
      </header>
      {incident.description ? <p className="text-sm">{incident.description}</p> : null}
      <p className="text-sm text-slate-700">
        {incident.category} · {incident.source === 'device' ? `device ${incident.deviceId ?? ''}` : 'reported'} · {placeOf(incident.location)} · {formatDateTime(incident.createdAt)}
      </p>
      <SlaClock incident={incident} />
      <p className="text-sm" data-testid="assignee">
        {assigneeOf(incident, myUserId)}
      </p>
      <div className="flex flex-wrap gap-2">
        {nextSteps(incident.status).map((step) => (
          <button
            key={step.to}
            type="button"
            aria-label={`${step.label}: ${incident.title}`}
            disabled={update.isPending}
            onClick={() => change({ status: step.to })}
            className="rounded bg-blue-700 px-3 py-1 font-semibold text-white disabled:opacity-60"
          >
            {step.label}
          </button>
        ))}
        {myUserId && incident.assigneeId !== myUserId ? (
          <button
            type="button"
            aria-label={`Assign to me: ${incident.title}`}
            disabled={update.isPending}
            onClick={() => change({ assigneeId: myUserId })}
            className="rounded border border-slate-500 px-3 py-1 disabled:opacity-60"
          >
            Assign to me
          </button>
        ) : null}
      </div>
      <ProblemAlert error={update.error} />
    </article>
  );
}

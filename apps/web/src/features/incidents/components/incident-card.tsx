import { ProblemAlert } from '@/components/problem-alert';
import { formatDateTime } from '@/lib/format';
import { useUpdateIncident } from '../api/incidents';
import { nextSteps, type Incident } from '../api/workflow';
import { placeOf, PriorityBadges, StatusBadge } from './incident-badges';
import { SlaClock } from './sla-clock';

export interface StaffMember {
  userId: string;
  displayName: string;
  email: string;
}

const assigneeOf = (incident: Incident, myUserId: string | undefined, staff: readonly StaffMember[] | undefined): string => {
  if (incident.assigneeId === null) return 'Unassigned';
  if (incident.assigneeId === myUserId) return 'Assigned to you';
  const known = staff?.find((member) => member.userId === incident.assigneeId);
  return known ? `Assigned to ${known.displayName}` : `Assigned to ${incident.assigneeId.slice(0, 8)}…`;
};

/**
 * One incident on the staff board: what and where, its SLA clock, and the moves the workflow
 * allows. `staff` (an admin's board: the staff accounts) adds assigning to another staff member.
 */
export function IncidentCard({ incident, myUserId, staff }: { incident: Incident; myUserId: string | undefined; staff?: readonly StaffMember[] }) {
  const update = useUpdateIncident();
  const others = staff?.filter((member) => member.userId !== incident.assigneeId && member.userId !== myUserId) ?? [];
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
        {assigneeOf(incident, myUserId, staff)}
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
        {others.length > 0 ? (
          <form
            // Kept inside the card: a select is as wide as its longest option otherwise.
            className="flex max-w-full min-w-0 flex-wrap items-center gap-1"
            onSubmit={(event) => {
              event.preventDefault();
              const assigneeId = new FormData(event.currentTarget).get('assignee');
              if (typeof assigneeId === 'string' && assigneeId) change({ assigneeId });
            }}
          >
            <select name="assignee" aria-label={`Staff member for: ${incident.title}`} className="w-48 max-w-full min-w-0 rounded border border-slate-500 px-2 py-1" defaultValue={others[0].userId}>
              {others.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.displayName} ({member.email})
                </option>
              ))}
            </select>
            <button type="submit" aria-label={`Assign to the staff member chosen: ${incident.title}`} disabled={update.isPending} className="rounded border border-slate-500 px-3 py-1 disabled:opacity-60">
              Assign
            </button>
          </form>
        ) : null}
      </div>
      <ProblemAlert error={update.error} />
    </article>
  );
}

import { LiveBadge } from '@/components/live-badge';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { formatDateTime } from '@/lib/format';
import { useLiveMyIncidents, useMyIncidents } from '../api/incidents';
import { STATUS_LABEL } from '../api/workflow';
import { placeOf, StatusBadge } from '../components/incident-badges';
import { ReportForm } from '../components/report-form';

/** The fan's page (the dorm-issue seed): report an incident, and follow mine as staff move them. */
export function MyIncidentsPage() {
  const live = useLiveMyIncidents();
  const mine = useMyIncidents();
  return (
    <section className="grid gap-6 lg:grid-cols-2">
      <div>
        <h1 className="mb-4 text-2xl font-bold">Report a problem</h1>
        <ReportForm />
      </div>
      <section aria-labelledby="my-incidents">
        <h2 id="my-incidents" className="mb-4 text-2xl font-bold">
          My incidents
          <LiveBadge status={live} />
        </h2>
        {mine.isPending ? <Loading what="Loading your incidents" /> : null}
        {mine.isError ? <ProblemAlert error={mine.error} /> : null}
        {mine.data?.items.length === 0 ? <p>Nothing reported yet.</p> : null}
        <ul className="space-y-3">
          {mine.data?.items.map((incident) => (
            <li key={incident.incidentId} data-testid="my-incident" className="rounded-lg border border-slate-300 bg-white p-3" aria-label={`${incident.title}: ${STATUS_LABEL[incident.status]}`}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <h3 className="font-semibold">{incident.title}</h3>
                <StatusBadge status={incident.status} />
              </div>
              <p className="text-sm text-slate-700">
                {incident.category} · {placeOf(incident.location)} · reported {formatDateTime(incident.createdAt)}
              </p>
              {incident.resolvedAt ? <p className="text-sm text-green-900">Resolved {formatDateTime(incident.resolvedAt)}</p> : null}
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

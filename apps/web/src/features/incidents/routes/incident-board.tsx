import { useSearchParams } from 'react-router';
import { LiveBadge } from '@/components/live-badge';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { useMe } from '@/features/auth';
import { useAssignableStaff, useIncidentBoard, useLiveBoard, useMyUserId } from '../api/incidents';
import { FILTER_NAMES, FILTER_OPTIONS, filtersFromParams, withFilter, type FilterName } from '../api/board-filters';
import { STATUS_LABEL, type IncidentStatus } from '../api/workflow';
import { IncidentCard } from '../components/incident-card';

const FILTER_LABEL: Record<FilterName, string> = {
  status: 'Status',
  severity: 'Severity',
  priority: 'Priority',
  category: 'Category',
  source: 'Source',
  assignee: 'Assigned',
};

const optionLabel = (name: FilterName, value: string): string => {
  if (name === 'status') return STATUS_LABEL[value as IncidentStatus];
  if (name === 'assignee') return value === 'me' ? 'To me' : 'To nobody';
  if (name === 'source') return value === 'report' ? 'Reported by people' : 'Raised by devices';
  return value;
};

/** The staff incident board: the list route's filters in the URL, live over SSE with no reload. */
export function IncidentBoardPage() {
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const myUserId = useMyUserId();
  // An admin's board can assign to other staff (only an admin can list them).
  const staff = useAssignableStaff(useMe().data?.roles.includes('admin') ?? false);
  const live = useLiveBoard();
  const board = useIncidentBoard(filters, myUserId);
  const incidents = board.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">
        Incident board
        <LiveBadge status={live} />
      </h1>
      <form aria-label="Filters" className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6" onSubmit={(e) => e.preventDefault()}>
        {FILTER_NAMES.map((name) => (
          <label key={name} className="block text-sm font-medium">
            {FILTER_LABEL[name]}
            <select
              value={filters[name] ?? ''}
              onChange={(e) => setParams(withFilter(params, name, e.target.value), { replace: true })}
              className="mt-1 w-full rounded border border-slate-400 bg-white p-2 font-normal"
            >
              <option value="">Any</option>
              {FILTER_OPTIONS[name].map((value) => (
                <option key={value} value={value}>
                  {optionLabel(name, value)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </form>
      {board.isPending && board.fetchStatus !== 'idle' ? <Loading what="Loading incidents" /> : null}
      {board.isError ? <ProblemAlert error={board.error} /> : null}
      {board.isSuccess && incidents.length === 0 ? <p>No incident matches these filters.</p> : null}
      <ul className="grid gap-3 md:grid-cols-2 xl:grid-cols-3" aria-label="Incidents">
        {incidents.map((incident) => (
          <li key={incident.incidentId}>
            <IncidentCard incident={incident} myUserId={myUserId} staff={staff} />
          </li>
        ))}
      </ul>
      {board.hasNextPage ? (
        <button type="button" onClick={() => void board.fetchNextPage()} disabled={board.isFetchingNextPage} className="rounded border border-slate-500 px-4 py-2">
          {board.isFetchingNextPage ? 'Loading…' : 'Show older incidents'}
        </button>
      ) : null}
    </section>
  );
}

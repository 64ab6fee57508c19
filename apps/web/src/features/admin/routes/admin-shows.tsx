import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { useShows } from '@/features/shows/api/shows';
import { formatDateTime } from '@/lib/format';

/**
 * The admin's shows: every listed show (on sale or cancelled) with its page and its sales. Drafts
 * are not in the catalogue (API.md: only the builder's answer knows a draft's id), so a new draft
 * opens on its own page straight from the builder.
 */
export function AdminShowsPage() {
  const shows = useShows();
  return (
    <section className="space-y-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">Shows</h1>
        <Link to="/admin/shows/new" className="rounded bg-blue-800 px-4 py-2 font-semibold text-white">
          New show
        </Link>
      </div>
      {shows.isPending ? <Loading what="Loading shows" /> : null}
      {shows.isError ? <ProblemAlert error={shows.error} /> : null}
      {shows.data?.items.length === 0 ? <p>No show is published yet.</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {shows.data?.items.map((show) => (
          <li key={show.showId} className="rounded-lg border border-slate-300 bg-white p-3">
            <h2 className="font-semibold">
              <Link to={`/admin/shows/${show.showId}`} className="text-blue-800 underline">
                {show.name}
              </Link>
            </h2>
            <p className="text-sm text-slate-700">
              {show.venue} · {formatDateTime(show.startsAt)} · {show.status === 'cancelled' ? 'Cancelled' : `${show.available.toLocaleString()} of ${show.capacity.toLocaleString()} left`}
            </p>
            <Link to={`/admin/shows/${show.showId}/sales`} aria-label={`Sales of ${show.name}`} className="text-sm text-blue-800 underline">
              Sales
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { formatDateTime, formatMoney } from '@/lib/format';
import { useShows } from '../api/shows';

export function CataloguePage() {
  const shows = useShows();
  if (shows.isPending) return <Loading what="Loading shows" />;
  if (shows.isError) return <ProblemAlert error={shows.error} />;
  const onSale = shows.data.items.filter((show) => show.status !== 'draft');
  return (
    <section>
      <h1 className="mb-4 text-2xl font-bold">Shows</h1>
      {onSale.length === 0 ? <p>No show is on sale yet.</p> : null}
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {onSale.map((show) => (
          <li key={show.showId} className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
            <h2 className="text-lg font-semibold">
              <Link to={`/shows/${show.showId}`} className="text-blue-800 underline-offset-2 hover:underline">
                {show.name}
              </Link>
            </h2>
            <p className="text-slate-700">
              {show.venue} · {formatDateTime(show.startsAt)}
            </p>
            <p className="mt-2">
              {show.status === 'cancelled' ? (
                <span className="font-semibold text-red-800">Cancelled</span>
              ) : (
                <>
                  From <strong>{formatMoney(show.priceFrom, show.currency)}</strong> ·{' '}
                  {show.available > 0 ? `${show.available.toLocaleString()} of ${show.capacity.toLocaleString()} seats left` : 'Sold out'}
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { formatDateTime } from '@/lib/format';
import { useLeaveWaitlist, useMyWaitlist } from '../api/waitlist';

const STATUS: Record<string, string> = {
  waiting: 'Waiting',
  offered: 'Seats held for you',
  expired: 'Offer expired',
  fulfilled: 'Booked',
  left: 'Left the list',
};

/** The fan's waiting-list entries: where they stand, an offer to pay, and a way off the list. */
export function MyWaitlistPage() {
  const entries = useMyWaitlist();
  const leave = useLeaveWaitlist();
  if (entries.isPending) return <Loading what="Loading your waiting list" />;
  if (entries.isError) return <ProblemAlert error={entries.error} />;
  const items = entries.data.items;
  return (
    <section aria-labelledby="my-waitlist" className="space-y-3">
      <h1 id="my-waitlist" className="text-2xl font-bold">
        My waiting list
      </h1>
      {items.length === 0 ? (
        <p>
          You are on no waiting list. A sold-out category of a{' '}
          <Link to="/" className="text-blue-800 underline">
            show
          </Link>{' '}
          offers one.
        </p>
      ) : null}
      <ProblemAlert error={leave.error} />
      <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
        {items.map((entry) => (
          <li key={entry.entryId} className="flex flex-wrap items-center justify-between gap-2 p-3" data-testid="waitlist-entry">
            <span>
              <Link to={`/shows/${entry.showId}`} className="text-blue-800 underline">
                The show
              </Link>{' '}
              · {entry.seats} seat{entry.seats > 1 ? 's' : ''}
              {entry.categoryId ? ` of ${entry.categoryId}` : ''} · {STATUS[entry.status] ?? entry.status}
              {entry.status === 'waiting' && entry.position !== null ? ` · number ${entry.position} in line` : ''}
              {entry.status === 'offered' && entry.expiresAt ? ` until ${formatDateTime(entry.expiresAt)}` : ''}
            </span>
            <span className="flex gap-2">
              {entry.status === 'offered' && entry.bookingId ? (
                <Link to={`/bookings/${entry.bookingId}`} className="rounded bg-blue-700 px-3 py-1 font-semibold text-white">
                  Pay for the offered seats
                </Link>
              ) : null}
              {entry.status === 'waiting' || entry.status === 'offered' ? (
                <button
                  type="button"
                  disabled={leave.isPending}
                  onClick={() => leave.mutate({ showId: entry.showId, entryId: entry.entryId })}
                  className="rounded border border-slate-500 px-3 py-1"
                >
                  Leave the list
                </button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

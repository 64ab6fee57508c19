import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { useSeats, useShow } from '@/features/shows/api/shows';
import { formatDateTime, formatMoney } from '@/lib/format';
import { usePublishShow } from '../api/admin';
import { CancelShowDialog } from '../components/cancel-show-dialog';
import { primaryClass } from '../components/fields';
import { SeatMapView } from '../components/seat-preview';

const STATUS: Record<string, string> = { draft: 'Draft', on_sale: 'On sale', cancelled: 'Cancelled' };

/** One show for its organiser: status, categories and sections, the seat map, publish and cancel. */
export function AdminShowPage() {
  const { showId = '' } = useParams();
  const show = useShow(showId);
  const publish = usePublishShow();
  const [sectionId, setSectionId] = useState<string | undefined>(undefined);
  const section = sectionId ?? show.data?.sections[0]?.id;
  const seats = useSeats(showId, section, false);
  const currency = show.data?.currency ?? 'EUR';
  const money = useCallback((minor: number) => formatMoney(minor, currency), [currency]);

  if (show.isPending) return <Loading what="Loading the show" />;
  if (show.isError) return <ProblemAlert error={show.error} />;
  const s = show.data;
  return (
    <section className="space-y-4">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{s.name}</h1>
        <p className="text-slate-700">
          {s.venue} · {formatDateTime(s.startsAt)}
        </p>
        <p>
          Status: <strong data-testid="show-status">{STATUS[s.status] ?? s.status}</strong>
        </p>
      </header>
      <div className="flex flex-wrap gap-2">
        {s.status === 'draft' ? (
          <button type="button" className={primaryClass} disabled={publish.isPending} onClick={() => publish.mutate(showId)}>
            {publish.isPending ? 'Publishing…' : 'Publish'}
          </button>
        ) : null}
        {s.status === 'on_sale' ? <CancelShowDialog showId={showId} showName={s.name} /> : null}
        {s.status !== 'draft' ? (
          <>
            <Link to={`/admin/shows/${showId}/sales`} className="rounded border border-slate-400 bg-white px-3 py-1 text-blue-800 underline">
              Sales dashboard
            </Link>
            <Link to={`/shows/${showId}`} className="rounded border border-slate-400 bg-white px-3 py-1 text-blue-800 underline">
              The fans' page
            </Link>
          </>
        ) : null}
      </div>
      <ProblemAlert error={publish.error} />
      <table className="w-full max-w-xl text-left text-sm">
        <caption className="text-left font-semibold">Categories</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            <th scope="col">Price</th>
            <th scope="col">Available</th>
          </tr>
        </thead>
        <tbody>
          {s.categories.map((c) => (
            <tr key={c.id}>
              <td>{c.name}</td>
              <td>{money(c.price)}</td>
              <td>
                {c.available.toLocaleString()} of {c.capacity.toLocaleString()}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="block text-sm">
        <span className="font-medium">Section</span>{' '}
        <select className="rounded border border-slate-400 bg-white px-2 py-1" value={section} onChange={(e) => setSectionId(e.target.value)}>
          {s.sections.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name} · {x.available} of {x.capacity} left
            </option>
          ))}
        </select>
      </label>
      {seats.isError ? <ProblemAlert error={seats.error} /> : null}
      {seats.data ? (
        <SeatMapView seats={seats.data.seats} categories={s.categories} label={`Seats of ${section ?? ''}`} formatPrice={money} />
      ) : (
        <Loading what="Loading seats" />
      )}
    </section>
  );
}

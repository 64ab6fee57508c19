import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { LiveBadge } from '@/components/live-badge';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { useShow } from '@/features/shows/api/shows';
import { CATEGORY_COLOURS } from '@/features/shows/components/seat-map';
import { formatMoney } from '@/lib/format';
import { useLiveSales, useSales } from '../api/admin';
import { BarChart } from '../components/bar-chart';

const count = (n: number) => n.toLocaleString();
const hourFormat = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

function Figure({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div className="rounded-lg border border-slate-300 bg-white p-3">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-bold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

/** A show's sales (GET /api/analytics/shows/{id}/sales): the figures, then charts by category and by hour, kept current live. */
export function SalesPage() {
  const { showId = '' } = useParams();
  const live = useLiveSales(showId);
  const sales = useSales(showId, live !== 'live');
  const show = useShow(showId);
  const currency = sales.data?.currency ?? show.data?.currency ?? 'EUR';
  const money = useCallback((minor: number) => formatMoney(minor, currency), [currency]);

  if (sales.isPending) return <Loading what="Loading the sales" />;
  if (sales.isError) return <ProblemAlert error={sales.error} />;
  const s = sales.data;
  const categoryName = (id: string) => show.data?.categories.find((c) => c.id === id)?.name ?? id;
  const byCategory = s.byCategory.map((c) => ({ label: categoryName(c.categoryId), sold: c.sold, revenue: c.revenue }));
  const byHour = s.byHour.map((h) => ({ label: hourFormat.format(new Date(h.hour)), sold: h.sold, revenue: h.revenue }));

  return (
    <section className="space-y-4">
      <header>
        <p>
          <Link to={`/admin/shows/${showId}`} className="text-blue-800 underline">
            {show.data?.name ?? 'The show'}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          Sales{show.data ? ` of ${show.data.name}` : ''}
          <LiveBadge status={live} />
        </h1>
        <p className="text-sm text-slate-700">{live === 'live' ? 'Updated as bookings happen.' : 'Refreshed every 10 seconds.'}</p>
      </header>
      <dl className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Figure label="Tickets sold" value={count(s.byCategory.reduce((n, c) => n + c.sold, 0))} testId="tickets-sold" />
        <Figure label="Bookings confirmed" value={count(s.bookingsConfirmed)} testId="bookings-confirmed" />
        <Figure label="Holds placed" value={count(s.holdsPlaced)} testId="holds-placed" />
        <Figure label="Conversion" value={percent.format(s.conversion)} testId="conversion" />
        <Figure label="Revenue before discounts" value={money(s.revenueBeforeDiscounts)} testId="revenue-before" />
        <Figure label="Discounts" value={money(s.discounts)} testId="discounts" />
        <Figure label="Revenue after discounts" value={money(s.revenueAfterDiscounts)} testId="revenue-after" />
        <Figure label="Refunded" value={`${money(s.refundedAmount)} (${count(s.bookingsRefunded)})`} />
        <Figure label="Holds expired" value={count(s.holdsExpired)} />
        <Figure label="Holds cancelled" value={count(s.holdsCancelled)} />
        <Figure label="Payments declined" value={count(s.paymentsDeclined)} />
      </dl>
      <div className="grid gap-4 lg:grid-cols-2">
        <BarChart title="Tickets sold by category" bars={byCategory.map((c) => ({ label: c.label, value: c.sold }))} format={count} colour={CATEGORY_COLOURS[0]} integer />
        <BarChart title="Revenue by category" bars={byCategory.map((c) => ({ label: c.label, value: c.revenue }))} format={money} colour={CATEGORY_COLOURS[2]} />
        <BarChart title="Tickets sold by hour" bars={byHour.map((h) => ({ label: h.label, value: h.sold }))} format={count} colour={CATEGORY_COLOURS[0]} integer />
        <BarChart title="Revenue by hour" bars={byHour.map((h) => ({ label: h.label, value: h.revenue }))} format={money} colour={CATEGORY_COLOURS[2]} />
        <BarChart
          title="Revenue before and after discounts"
          bars={[
            { label: 'Before discounts', value: s.revenueBeforeDiscounts },
            { label: 'After discounts', value: s.revenueAfterDiscounts },
          ]}
          format={money}
          colour={CATEGORY_COLOURS[1]}
        />
      </div>
    </section>
  );
}

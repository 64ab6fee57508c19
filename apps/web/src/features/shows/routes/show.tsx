import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { LiveBadge } from '@/components/live-badge';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { formatDateTime, formatMoney } from '@/lib/format';
import { ApiError } from '@/lib/problem';
import { session } from '@/lib/session';
import { useLiveSeats, usePlaceHold, useSeats, useShow } from '../api/shows';
import { JoinWaitlist } from '../components/join-waitlist';
import { CATEGORY_COLOURS, SeatMap } from '../components/seat-map';
import { WaitingRoomPanel } from '../components/waiting-room-panel';

/**
 * A show: its categories, then a category's sections, then a section's seat map. The category and
 * the section are in the URL (?category=&section=), so a reload or a shared link lands on the
 * same step; the selection itself is not kept, it becomes a hold on the server.
 */
export function ShowPage() {
  const { showId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const show = useShow(showId);
  const categoryId = params.get('category') ?? undefined;
  const sectionId = params.get('section') ?? undefined;
  // Signed in, the seat map follows the live stream; a visitor's map polls instead.
  const live = useLiveSeats(showId);
  const seats = useSeats(showId, sectionId, live !== 'live');
  const hold = usePlaceHold();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const currency = show.data?.currency ?? 'EUR';
  // Stable across renders, so the seat map's per-category labels are not rebuilt on each click.
  const money = useCallback((minor: number) => formatMoney(minor, currency), [currency]);
  const maxSeats = show.data?.maxSeatsPerBooking ?? 0;
  const toggle = useCallback(
    (seatId: string) =>
      setSelected((current) => {
        const next = new Set(current);
        if (next.has(seatId)) next.delete(seatId);
        else if (next.size < maxSeats) next.add(seatId);
        return next;
      }),
    [maxSeats],
  );

  if (show.isPending) return <Loading what="Loading the show" />;
  if (show.isError) return <ProblemAlert error={show.error} />;
  const s = show.data;
  const sections = s.sections.filter((section) => section.categoryId === categoryId);
  const section = s.sections.find((x) => x.id === sectionId);
  const category = s.categories.find((c) => c.id === categoryId);

  const choose = (next: Record<string, string | undefined>) => {
    setSelected(new Set());
    const merged = new URLSearchParams();
    for (const [key, value] of Object.entries({ category: categoryId, section: sectionId, ...next })) if (value) merged.set(key, value);
    setParams(merged);
  };

  const signIn = () => navigate(`/signin?next=${encodeURIComponent(`/shows/${showId}?${params.toString()}`)}`);
  const room = s.waitingRoom?.enabled ? s.waitingRoom : undefined;

  const placeHold = (admissionToken: string | undefined) => {
    if (!session.accessToken()) return signIn();
    hold.mutate(
      { showId, seats: [...selected], admissionToken },
      {
        onSuccess: (booking) => navigate(`/bookings/${booking.bookingId}`, { state: { position: 'position' in booking ? booking.position : undefined } }),
        onError: (error) => {
          if (error instanceof ApiError && error.code === 'SEATS_UNAVAILABLE') void seats.refetch();
        },
      },
    );
  };

  const total = [...selected].reduce((sum, seatId) => {
    const seat = seats.data?.seats.find((x) => x.seatId === seatId);
    return sum + (s.categories.find((c) => c.id === seat?.categoryId)?.price ?? 0);
  }, 0);

  // Behind a waiting room, seats are chosen once the place is admitted (its token goes with the hold).
  const chooser = (admission: { admissionToken?: string } | undefined) => {
    const waiting = room !== undefined && admission === undefined;
    return (
      <>
        <nav aria-label="Categories">
          <h2 className="mb-2 text-lg font-semibold">1. Choose a category</h2>
          <ul className="flex flex-wrap gap-2">
            {s.categories.map((c, i) => (
              <li key={c.id}>
                <button
                  type="button"
                  aria-pressed={c.id === categoryId}
                  onClick={() => choose({ category: c.id, section: undefined })}
                  className={`flex items-center gap-2 rounded-lg border-2 bg-white px-3 py-2 ${c.id === categoryId ? 'border-black' : 'border-slate-300'}`}
                >
                  <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length] }} />
                  <span>
                    {c.name} · {money(c.price)} · {c.available} left
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </nav>

        {category && category.available === 0 && s.status === 'on_sale' ? (
          <JoinWaitlist showId={showId} categoryId={category.id} categoryName={category.name} maxSeats={s.maxSeatsPerBooking} />
        ) : null}

        {categoryId ? (
          <nav aria-label="Sections">
            <h2 className="mb-2 text-lg font-semibold">2. Choose a section</h2>
            <ul className="flex flex-wrap gap-2">
              {sections.map((x) => (
                <li key={x.id}>
                  <button
                    type="button"
                    aria-pressed={x.id === sectionId}
                    onClick={() => choose({ section: x.id })}
                    className={`rounded-lg border-2 bg-white px-3 py-2 ${x.id === sectionId ? 'border-black' : 'border-slate-300'}`}
                  >
                    {x.name} · {x.available} of {x.capacity} left
                  </button>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}

        {section ? (
          <div>
            <h2 className="mb-2 text-lg font-semibold">
              3. Pick your seats in {section.name}
              <LiveBadge status={live} />
            </h2>
            {seats.isPending ? <Loading what="Loading seats" /> : null}
            {seats.isError ? <ProblemAlert error={seats.error} /> : null}
            {seats.data ? (
              <SeatMap key={section.id} seats={seats.data.seats} categories={s.categories} selected={selected} onToggle={toggle} label={`Seats of ${section.name}`} formatPrice={money} />
            ) : null}
          </div>
        ) : null}

        <div className="sticky bottom-0 flex flex-wrap items-center gap-3 border-t border-slate-300 bg-slate-50 py-3" aria-live="polite">
          <p>
            {selected.size === 0 ? 'No seat selected.' : `${selected.size} seat${selected.size > 1 ? 's' : ''}: ${[...selected].join(', ')} · ${money(total)}`}
          </p>
          <button
            type="button"
            disabled={selected.size === 0 || hold.isPending || s.status !== 'on_sale' || waiting}
            onClick={() => placeHold(admission?.admissionToken)}
            className="rounded bg-blue-700 px-4 py-2 font-semibold text-white disabled:opacity-50"
          >
            {hold.isPending ? 'Holding…' : 'Hold these seats'}
          </button>
          {waiting ? <p className="text-slate-700">You can hold seats once it is your turn in the waiting room.</p> : null}
          <ProblemAlert error={hold.error} />
        </div>
      </>
    );
  };

  return (
    <section className="space-y-4">
      <header>
        <p>
          <Link to="/" className="text-blue-800 underline">
            All shows
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{s.name}</h1>
        <p className="text-slate-700">
          {s.venue} · {formatDateTime(s.startsAt)} · holds last {s.holdMinutes} minutes · up to {s.maxSeatsPerBooking} seats
        </p>
        {s.status !== 'on_sale' ? <p className="font-semibold text-red-800">This show is not on sale.</p> : null}
      </header>
      {room ? (
        <WaitingRoomPanel showId={showId} room={room} signedIn={session.accessToken() !== undefined} onSignIn={signIn}>
          {chooser}
        </WaitingRoomPanel>
      ) : (
        chooser(undefined)
      )}
    </section>
  );
}

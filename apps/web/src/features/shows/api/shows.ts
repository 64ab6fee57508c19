import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { api } from '@/lib/api-client';
import { idempotencyKey } from '@/lib/format';
import { type LiveEvent, type LiveStatus, useLiveEvents } from '@/lib/live-events';
import { unwrap } from '@/lib/problem';
import type { components } from '@/lib/api/openapi';
import { type SeatStatus, seatStore } from './seat-store';

export const useShows = () => useQuery({ queryKey: ['shows'], queryFn: () => unwrap(api.GET('/api/shows', { params: { query: { limit: '50' } } })) });

export const useShow = (showId: string) =>
  useQuery({ queryKey: ['shows', showId], queryFn: () => unwrap(api.GET('/api/shows/{showId}', { params: { path: { showId } } })) });

/**
 * A section's seats, as the server answered. `poll`: refetch every 10 s while the page is open,
 * for visitors without the live stream. The live statuses since the answer are in its store
 * (`seatStore(data.seats)`, see useLiveSeats). Each answer is a new object, with no structural
 * sharing: a refetch makes a new store from what the server says, even when that is what the
 * last answer said and the live events since had changed (a reconnect that missed a release).
 */
export const useSeats = (showId: string, section: string | undefined, poll: boolean) =>
  useQuery({
    queryKey: ['shows', showId, 'seats', section],
    enabled: section !== undefined,
    queryFn: () => unwrap(api.GET('/api/shows/{showId}/seats', { params: { path: { showId }, query: { section } } })),
    refetchInterval: poll ? 10_000 : false,
    structuralSharing: false,
  });

type SeatsPage = components['schemas']['SeatMapResponse'];
type BookingView = components['schemas']['BookingView'];

const SEAT_EVENTS: Record<string, SeatStatus> = { 'seat.held.v1': 'held', 'seat.sold.v1': 'sold', 'seat.released.v1': 'available' };
const SEAT_EVENT_TYPES = Object.keys(SEAT_EVENTS);

/**
 * The live events of a frame, applied to every loaded section of the show: each cached answer's
 * store sets the statuses of its own seats and tells its map which changed. The answers in the
 * cache are not copied or written: the work is the changed seats', not the sections'.
 */
export const applySeatStatuses = (queryClient: QueryClient, showId: string, statuses: ReadonlyMap<string, SeatStatus>): void => {
  for (const [, page] of queryClient.getQueriesData<SeatsPage>({ queryKey: ['shows', showId, 'seats'] })) if (page) seatStore(page.seats).apply(statuses);
};

/**
 * Keeps the show's cached seat maps current from the live stream (a fan sees every show's seat
 * availability as `{ showId, seatId }`, the type saying held, sold or released). The events of
 * one animation frame are applied together, in that frame, to the stores of the loaded sections
 * (`applySeatStatuses`): a flash sale's hundreds of events a second cost one update per frame,
 * and an update costs the changed seats, whatever the section's size: the map draws their cells
 * in the same frame and re-renders only rows in view that hold one of them. When the stream
 * (re)opens the seats are refetched once, for what happened before it was open.
 */
export const useLiveSeats = (showId: string): LiveStatus => {
  const queryClient = useQueryClient();
  const pending = useRef(new Map<string, SeatStatus>());
  const frame = useRef<number | undefined>(undefined);
  useEffect(
    () => () => {
      if (frame.current !== undefined) cancelAnimationFrame(frame.current);
    },
    [],
  );
  const flush = useCallback(() => {
    frame.current = undefined;
    const statuses = pending.current;
    pending.current = new Map();
    applySeatStatuses(queryClient, showId, statuses);
  }, [queryClient, showId]);
  return useLiveEvents({
    types: SEAT_EVENT_TYPES,
    showId,
    onOpen: () => void queryClient.invalidateQueries({ queryKey: ['shows', showId, 'seats'] }),
    onEvent: ({ type, data }: LiveEvent) => {
      const status = SEAT_EVENTS[type];
      const { seatId } = data as { seatId?: string };
      if (!status || !seatId) return;
      // Later events of the same seat win: they arrive in log order.
      pending.current.set(seatId, status);
      frame.current ??= requestAnimationFrame(flush);
    },
  });
};

/**
 * POST /api/bookings: the hold. One key per attempt, so a retried click holds once. Always asked
 * with `Prefer: respond-async`: the server writes the request down and answers 202 at once, so the
 * fan is on the booking's own page (its id in the URL, a reload lands there again) while the hold
 * settles, and sees it there live, held or refused. A server that does not apply the preference
 * answers 201 with the hold: both answers lead to the same page. `position` (X-Position) lets the
 * booking page read its own write. The pending answer is put in the cache, so the page shows it
 * at once, before any read. Behind a waiting room the admitted place's token goes with it
 * (`X-Admission-Token`): checked with the request, spent when the booking is paid.
 */
export const usePlaceHold = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ showId, seats, admissionToken }: { showId: string; seats: string[]; admissionToken?: string }) => {
      const admission = admissionToken ? { 'X-Admission-Token': admissionToken } : {};
      const call = api.POST('/api/bookings', { body: { showId, seats }, headers: { 'idempotency-key': idempotencyKey(), prefer: 'respond-async', ...admission } });
      const booking = await unwrap(call);
      const { response } = await call;
      if (booking.status === 'pending')
        queryClient.setQueryData<BookingView>(['bookings', booking.bookingId], { bookingId: booking.bookingId, showId, status: 'pending', seats, expiresAt: null, amount: 0, currency: '', tickets: [] });
      return { bookingId: booking.bookingId, position: response.headers.get('x-position') ?? undefined };
    },
  });
};

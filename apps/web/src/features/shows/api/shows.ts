import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { idempotencyKey } from '@/lib/format';
import { type LiveEvent, type LiveStatus, useLiveEvents } from '@/lib/live-events';
import { unwrap } from '@/lib/problem';
import type { components } from '@/lib/api/openapi';

export const useShows = () => useQuery({ queryKey: ['shows'], queryFn: () => unwrap(api.GET('/api/shows', { params: { query: { limit: '50' } } })) });

export const useShow = (showId: string) =>
  useQuery({ queryKey: ['shows', showId], queryFn: () => unwrap(api.GET('/api/shows/{showId}', { params: { path: { showId } } })) });

/** `poll`: refetch every 10 s while the page is open, for visitors without the live stream. */
export const useSeats = (showId: string, section: string | undefined, poll: boolean) =>
  useQuery({
    queryKey: ['shows', showId, 'seats', section],
    enabled: section !== undefined,
    queryFn: () => unwrap(api.GET('/api/shows/{showId}/seats', { params: { path: { showId }, query: { section } } })),
    refetchInterval: poll ? 10_000 : false,
  });

type SeatsPage = components['schemas']['SeatMapResponse'];
type SeatStatus = SeatsPage['seats'][number]['status'];

const SEAT_EVENTS: Record<string, SeatStatus> = { 'seat.held.v1': 'held', 'seat.sold.v1': 'sold', 'seat.released.v1': 'available' };
const SEAT_EVENT_TYPES = Object.keys(SEAT_EVENTS);

/**
 * Keeps the show's cached seat maps current from the live stream (a fan sees every show's seat
 * availability as `{ showId, seatId }`, the type saying held, sold or released): each event
 * changes the one seat in whichever loaded section has it, with no refetch. When the stream
 * (re)opens the seats are refetched once, for what happened before it was open.
 */
export const useLiveSeats = (showId: string): LiveStatus => {
  const queryClient = useQueryClient();
  return useLiveEvents({
    types: SEAT_EVENT_TYPES,
    showId,
    onOpen: () => void queryClient.invalidateQueries({ queryKey: ['shows', showId, 'seats'] }),
    onEvent: ({ type, data }: LiveEvent) => {
      const status = SEAT_EVENTS[type];
      const { seatId } = data as { seatId?: string };
      if (!status || !seatId) return;
      queryClient.setQueriesData<SeatsPage>({ queryKey: ['shows', showId, 'seats'] }, (page) => {
        const index = page?.seats.findIndex((seat) => seat.seatId === seatId) ?? -1;
        if (!page || index < 0 || page.seats[index].status === status) return page;
        const seats = page.seats.slice();
        seats[index] = { ...seats[index], status };
        return { ...page, seats };
      });
    },
  });
};

/**
 * POST /api/bookings: the hold. One key per attempt, so a retried click holds once. Behind a
 * waiting room the admitted place's token goes with it (`X-Admission-Token`).
 */
export const usePlaceHold = () =>
  useMutation({
    mutationFn: ({ showId, seats, admissionToken }: { showId: string; seats: string[]; admissionToken?: string }) =>
      unwrap(
        api.POST('/api/bookings', {
          body: { showId, seats },
          headers: { 'idempotency-key': idempotencyKey(), ...(admissionToken ? { 'X-Admission-Token': admissionToken } : {}) },
        }),
      ),
  });

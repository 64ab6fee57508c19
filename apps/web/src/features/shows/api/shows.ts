import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { idempotencyKey } from '@/lib/format';
import { unwrap } from '@/lib/problem';

export const useShows = () => useQuery({ queryKey: ['shows'], queryFn: () => unwrap(api.GET('/api/shows', { params: { query: { limit: '50' } } })) });

export const useShow = (showId: string) =>
  useQuery({ queryKey: ['shows', showId], queryFn: () => unwrap(api.GET('/api/shows/{showId}', { params: { path: { showId } } })) });

export const useSeats = (showId: string, section: string | undefined) =>
  useQuery({
    queryKey: ['shows', showId, 'seats', section],
    enabled: section !== undefined,
    queryFn: () => unwrap(api.GET('/api/shows/{showId}/seats', { params: { path: { showId }, query: { section } } })),
    // Seats change under the fan's eyes; until the SSE stream is on main, poll while the page is open.
    refetchInterval: 10_000,
  });

/** POST /api/bookings: the hold. One key per attempt, so a retried click holds once. */
export const usePlaceHold = () =>
  useMutation({
    mutationFn: ({ showId, seats }: { showId: string; seats: string[] }) =>
      unwrap(api.POST('/api/bookings', { body: { showId, seats }, headers: { 'idempotency-key': idempotencyKey() } })),
  });

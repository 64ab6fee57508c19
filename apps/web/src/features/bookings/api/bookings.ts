import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { idempotencyKey } from '@/lib/format';
import { unwrap } from '@/lib/problem';

/**
 * The booking as the server has it: the page's only state, so a reload at any step shows the same
 * step. `minPosition` (the hold's log position) makes the first read wait for the read model.
 */
export const useBooking = (bookingId: string, minPosition?: string) =>
  useQuery({
    queryKey: ['bookings', bookingId],
    queryFn: () =>
      unwrap(api.GET('/api/bookings/{bookingId}', { params: { path: { bookingId }, header: minPosition ? { 'X-Min-Position': minPosition } : undefined } })),
    refetchInterval: (query) => (query.state.data?.status === 'pending' ? 1000 : false),
  });

export interface Card {
  number: string;
  expMonth: number;
  expYear: number;
  cvc: string;
}

export const usePay = (bookingId: string) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (card: Card) =>
      unwrap(api.POST('/api/bookings/{bookingId}/payment', { params: { path: { bookingId } }, body: { card }, headers: { 'idempotency-key': idempotencyKey() } })),
    onSuccess: (paid) =>
      queries.fetchQuery({
        queryKey: ['bookings', bookingId],
        queryFn: () => unwrap(api.GET('/api/bookings/{bookingId}', { params: { path: { bookingId }, header: { 'X-Min-Position': paid.position } } })),
      }),
  });
};

export const useCancelBooking = (bookingId: string) => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/bookings/{bookingId}/cancel', { params: { path: { bookingId } }, headers: { 'idempotency-key': idempotencyKey() } })),
    onSuccess: (cancelled) =>
      queries.fetchQuery({
        queryKey: ['bookings', bookingId],
        queryFn: () => unwrap(api.GET('/api/bookings/{bookingId}', { params: { path: { bookingId }, header: { 'X-Min-Position': cancelled.position } } })),
      }),
  });
};

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { idempotencyKey } from '@/lib/format';
import { ignoreReplaced } from '@/lib/live-refetch';
import { unwrap } from '@/lib/problem';

export const useMyTickets = (minPosition?: string) =>
  useQuery({
    queryKey: ['me', 'tickets'],
    queryFn: () => unwrap(api.GET('/api/me/tickets', { params: { header: minPosition ? { 'X-Min-Position': minPosition } : undefined } })),
  });

export const useMyBookings = () => useQuery({ queryKey: ['me', 'bookings'], queryFn: () => unwrap(api.GET('/api/me/bookings')) });

export const useTransfer = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketId, toEmail }: { ticketId: string; toEmail: string }) =>
      unwrap(api.POST('/api/tickets/{ticketId}/transfer', { params: { path: { ticketId } }, body: { toEmail }, headers: { 'idempotency-key': idempotencyKey() } })),
    onSuccess: (moved) =>
      queries
        .fetchQuery({
          queryKey: ['me', 'tickets'],
          queryFn: () => unwrap(api.GET('/api/me/tickets', { params: { header: { 'X-Min-Position': moved.position } } })),
        })
        .catch(ignoreReplaced),
  });
};

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { idempotencyKey } from '@/lib/format';
import { unwrap } from '@/lib/problem';

/** POST /api/shows/{showId}/waitlist. Joining again answers the entry the fan has; the fan's list is read again after. */
export const useJoinWaitlist = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ showId, categoryId, seats }: { showId: string; categoryId: string; seats: number }) =>
      unwrap(api.POST('/api/shows/{showId}/waitlist', { params: { path: { showId } }, body: { categoryId, seats }, headers: { 'idempotency-key': idempotencyKey() } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['me', 'waitlist'] }),
  });
};

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/problem';

export const useMyWaitlist = () =>
  useQuery({
    queryKey: ['me', 'waitlist'],
    queryFn: () => unwrap(api.GET('/api/me/waitlist')),
    // An offer arrives when seats come back: look again while the page is open.
    refetchInterval: 10_000,
  });

/** DELETE /api/shows/{showId}/waitlist/{entryId}, then the list as of the leave. */
export const useLeaveWaitlist = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ showId, entryId }: { showId: string; entryId: string }) => unwrap(api.DELETE('/api/shows/{showId}/waitlist/{entryId}', { params: { path: { showId, entryId } } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['me', 'waitlist'] }),
  });
};

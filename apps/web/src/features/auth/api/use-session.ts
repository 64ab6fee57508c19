import { useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/problem';
import { session, type SessionState } from '@/lib/session';

export const useSession = (): SessionState => useSyncExternalStore(session.subscribe, session.get);

/** Who is signed in (GET /api/auth/me), cached per access token's session. */
export const useMe = () => {
  const state = useSession();
  return useQuery({
    queryKey: ['me'],
    enabled: state.status === 'signed-in',
    queryFn: () => unwrap(api.GET('/api/auth/me')),
    staleTime: 60_000,
  });
};

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/problem';
import { session } from '@/lib/session';

/** Login asking for the refresh cookie: the body brings the access token only. */
export const useSignIn = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async (input: { email: string; password: string }) => {
      const tokens = await unwrap(api.POST('/api/auth/login', { body: input, headers: { 'x-refresh-cookie': '1' } }));
      session.signedIn(tokens.accessToken);
      queries.clear();
    },
  });
};

export const useSignUp = () =>
  useMutation({
    mutationFn: (input: { email: string; password: string; displayName: string }) => unwrap(api.POST('/api/auth/register', { body: input })),
  });

export const useSignOut = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      await session.signOut();
      queries.clear();
    },
  });
};

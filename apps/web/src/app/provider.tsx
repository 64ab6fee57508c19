import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '@/lib/problem';
import { session } from '@/lib/session';

/** Server state lives in the query cache; a 4xx is an answer, not a reason to retry. */
const makeQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
        refetchOnWindowFocus: true,
      },
    },
  });

export function AppProvider({ children }: { children: ReactNode }) {
  const [queries] = useState(makeQueryClient);
  useEffect(() => {
    // A reload has no access token: ask the refresh cookie for one (the session survives the reload).
    void session.refresh();
    // When the session really ends (a refused refresh), drop what the cache holds for that user.
    return session.subscribe(() => {
      if (session.get().status === 'anonymous') queries.removeQueries({ queryKey: ['me'] });
    });
  }, [queries]);
  return <QueryClientProvider client={queries}>{children}</QueryClientProvider>;
}

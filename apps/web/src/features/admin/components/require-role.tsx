import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { useMe } from '@/features/auth';
import { api } from '@/lib/api-client';
import { unwrap } from '@/lib/problem';
import type { Role } from '../api/admin';

/**
 * An admin page for the roles it names. Anyone else does not get a blank page nor a page of
 * controls that would all fail: the gate asks the API for what the page shows first (an admin or
 * staff read) and shows its refusal, the 403 problem's title and detail. Should the API answer
 * after all (roles just changed), the page is shown; the server decides, the page only follows.
 */
export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const me = useMe();
  const allowed = me.data?.roles.some((role) => roles.includes(role));
  const probe = useQuery({
    queryKey: ['admin', 'probe', roles.join(',')],
    enabled: me.isSuccess && !allowed,
    // Staff may read the live feed; every other admin page reads an admin-only route.
    queryFn: async (): Promise<true> => {
      if (roles.includes('staff')) await unwrap(api.GET('/api/notifications/events', { params: { query: { limit: '1' } } }));
      else await unwrap(api.GET('/api/admin/users', { params: { query: { limit: '1' } } }));
      return true;
    },
  });
  if (me.isPending) return <Loading what="Checking your roles" />;
  if (me.isError) return <ProblemAlert error={me.error} />;
  if (allowed || probe.isSuccess) return <>{children}</>;
  if (probe.isError) return <ProblemAlert error={probe.error} />;
  return <Loading what="Checking your roles" />;
}

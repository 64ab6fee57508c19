import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '@/components/spinner';
import { useSession } from '../api/use-session';

/** A page for signed-in users: waits for the cookie restore, else sends to sign-in and back. */
export function RequireSession({ children }: { children: ReactNode }) {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return <Loading what="Restoring your session" />;
  if (state.status === 'anonymous') {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}${state.ended ? '&ended=1' : ''}`} replace />;
  }
  return <>{children}</>;
}

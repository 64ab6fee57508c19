import { Suspense } from 'react';
import { NavLink, Outlet } from 'react-router';
import { Loading } from '@/components/spinner';
import { useMe } from '@/features/auth';

const linkClass = ({ isActive }: { isActive: boolean }) => `rounded px-3 py-1 ${isActive ? 'bg-slate-900 text-white' : 'bg-white text-blue-800 underline'}`;

/** The admin area: its own navigation above each page (staff see only the live feed). */
export function AdminLayout() {
  const me = useMe();
  const admin = me.data?.roles.includes('admin') ?? false;
  return (
    <div className="space-y-4">
      <nav aria-label="Administration" className="flex flex-wrap gap-2 border-b border-slate-300 pb-3">
        {admin ? (
          <>
            <NavLink to="/admin" end className={linkClass}>
              Shows
            </NavLink>
            <NavLink to="/admin/shows/new" className={linkClass}>
              New show
            </NavLink>
            <NavLink to="/admin/users" className={linkClass}>
              Users
            </NavLink>
          </>
        ) : null}
        <NavLink to="/admin/events" className={linkClass}>
          Live feed
        </NavLink>
        {admin ? (
          <NavLink to="/admin/outbox" className={linkClass}>
            Outbox
          </NavLink>
        ) : null}
      </nav>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </div>
  );
}

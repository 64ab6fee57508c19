import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useMe, useSession, useSignOut } from '@/features/auth';

const navClass = ({ isActive }: { isActive: boolean }) => `rounded px-2 py-1 ${isActive ? 'bg-white/20 font-semibold' : ''}`;

export function Layout() {
  const state = useSession();
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const staff = me.data?.roles.some((role) => role === 'staff' || role === 'admin');
  const admin = me.data?.roles.includes('admin');
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only">
        Skip to content
      </a>
      <header className="bg-slate-900 text-white">
        <nav aria-label="Main" className="mx-auto flex max-w-6xl flex-wrap items-center gap-2 p-3">
          <Link to="/" className="mr-4 text-xl font-bold">
            Tessera
          </Link>
          <NavLink to="/" end className={navClass}>
            Shows
          </NavLink>
          {state.status === 'signed-in' ? (
            <>
              <NavLink to="/tickets" className={navClass}>
                My tickets
              </NavLink>
              <NavLink to="/incidents" className={navClass}>
                Report a problem
              </NavLink>
              <NavLink to="/waitlist" className={navClass}>
                My waiting list
              </NavLink>
              {staff ? (
                <>
                  <NavLink to="/checkin" className={navClass}>
                    Check-in
                  </NavLink>
                  <NavLink to="/ops/incidents" className={navClass}>
                    Incidents
                  </NavLink>
                  <NavLink to="/ops/devices" className={navClass}>
                    Devices
                  </NavLink>
                </>
              ) : null}
              {staff ? (
                <NavLink to={admin ? '/admin' : '/admin/events'} className={navClass}>
                  {admin ? 'Admin' : 'Live feed'}
                </NavLink>
              ) : null}
              <span className="ml-auto text-sm text-slate-300">{me.data?.displayName}</span>
              <button
                type="button"
                className="rounded border border-white/40 px-2 py-1"
                onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/') })}
              >
                Sign out
              </button>
            </>
          ) : state.status === 'anonymous' ? (
            <span className="ml-auto flex gap-2">
              <NavLink to="/signin" className={navClass}>
                Sign in
              </NavLink>
              <NavLink to="/signup" className={navClass}>
                Sign up
              </NavLink>
            </span>
          ) : null}
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl p-4">
        <Outlet />
      </main>
    </div>
  );
}

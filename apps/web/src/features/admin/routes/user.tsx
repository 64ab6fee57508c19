import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { formatDateTime } from '@/lib/format';
import { useAdminUser, useChangeRoles, type Role } from '../api/admin';
import { primaryClass } from '../components/fields';
import { ROLES } from './users';

const ROLE_HINTS: Record<Role, string> = { user: 'books tickets', staff: 'checks tickets in, sees the live feed and incidents', admin: 'everything on these pages' };

/** One user: their counts, and their roles (PUT /api/admin/users/{id}/roles). */
export function UserPage() {
  const { userId = '' } = useParams();
  const user = useAdminUser(userId);
  const change = useChangeRoles();
  // The roles being edited; undefined until the admin changes one (then the server's are shown).
  const [edited, setEdited] = useState<ReadonlySet<Role>>();

  if (user.isPending) return <Loading what="Loading the user" />;
  if (user.isError) return <ProblemAlert error={user.error} />;
  const u = user.data;
  const roles = edited ?? new Set(u.roles);
  const toggle = (role: Role) => {
    const next = new Set(roles);
    if (next.has(role)) next.delete(role);
    else next.add(role);
    setEdited(next);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    change.mutate({ userId, roles: ROLES.filter((r) => roles.has(r)) }, { onSuccess: () => setEdited(undefined) });
  };

  return (
    <section className="max-w-xl space-y-4">
      <p>
        <Link to="/admin/users" className="text-blue-800 underline">
          All users
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{u.displayName}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-medium">E-mail</dt>
        <dd className="break-all">{u.email}</dd>
        <dt className="font-medium">Registered</dt>
        <dd>{formatDateTime(u.createdAt)}</dd>
        <dt className="font-medium">Bookings</dt>
        <dd data-testid="bookings-count">{u.bookingsCount}</dd>
        <dt className="font-medium">Tickets</dt>
        <dd data-testid="tickets-count">{u.ticketsCount}</dd>
        <dt className="font-medium">Roles now</dt>
        <dd data-testid="roles">{u.roles.join(', ')}</dd>
      </dl>
      <form onSubmit={save} className="space-y-3">
        <fieldset className="space-y-1 rounded-lg border border-slate-300 bg-white p-3">
          <legend className="px-1 font-semibold">Roles</legend>
          {ROLES.map((role) => (
            <label key={role} className="flex items-center gap-2">
              <input type="checkbox" className="h-5 w-5" checked={roles.has(role)} onChange={() => toggle(role)} />
              <span>
                <span className="font-medium">{role}</span> <span className="text-sm text-slate-700">({ROLE_HINTS[role]})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <ProblemAlert error={change.error} />
        {change.isSuccess && !edited ? (
          <p role="status" className="text-green-800">
            Roles saved.
          </p>
        ) : null}
        <button type="submit" className={primaryClass} disabled={change.isPending || !edited}>
          {change.isPending ? 'Saving…' : 'Save roles'}
        </button>
      </form>
    </section>
  );
}

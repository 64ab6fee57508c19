import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { formatDateTime } from '@/lib/format';
import { useUserSearch, type Role } from '../api/admin';
import { buttonClass, inputClass } from '../components/fields';

export const ROLES: readonly Role[] = ['user', 'staff', 'admin'];

/** Users and roles: search by name or e-mail and role (GET /api/admin/users); the search is in the URL. */
export function UsersPage() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const roleParam = params.get('role');
  const role = ROLES.find((r) => r === roleParam);
  const [text, setText] = useState(q);
  const users = useUserSearch({ q: q || undefined, role });

  const search = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (text.trim()) next.set('q', text.trim());
    if (role) next.set('role', role);
    setParams(next);
  };
  const setRole = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set('role', value);
    else next.delete('role');
    setParams(next);
  };

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Users and roles</h1>
      <form role="search" onSubmit={search} className="flex flex-wrap items-end gap-2">
        <label className="block text-sm">
          <span className="font-medium">Name or e-mail</span>
          <input type="search" className={inputClass} value={text} maxLength={100} onChange={(e) => setText(e.target.value)} />
        </label>
        <label className="block text-sm">
          <span className="font-medium">Role</span>
          <select className={inputClass} value={role ?? ''} onChange={(e) => setRole(e.target.value)}>
            <option value="">Any</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClass}>
          Search
        </button>
      </form>
      {users.isPending ? <Loading what="Searching" /> : null}
      {users.isError ? <ProblemAlert error={users.error} /> : null}
      {users.data ? (
        users.data.items.length === 0 ? (
          <p>No user matches.</p>
        ) : (
          <ul aria-label="Users found" className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
            {users.data.items.map((user) => (
              <li key={user.userId} className="flex flex-wrap items-baseline gap-x-3 p-3">
                <Link to={`/admin/users/${user.userId}`} className="font-semibold text-blue-800 underline">
                  {user.displayName}
                </Link>
                <span className="break-all text-slate-700">{user.email}</span>
                <span className="text-sm">{user.roles.join(', ')}</span>
                <span className="text-sm text-slate-700">since {formatDateTime(user.createdAt)}</span>
              </li>
            ))}
          </ul>
        )
      ) : null}
      {users.data?.nextCursor ? <p className="text-sm text-slate-700">Showing the newest 50: narrow the search to find others.</p> : null}
    </section>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { safeNext } from '@/lib/safe-next';
import { useSignIn } from '../api/sign-in';
import { useSession } from '../api/use-session';

export function SignInPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signIn = useSignIn();
  const state = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = safeNext(params.get('next'));
  const ended = params.get('ended') === '1' || (state.status === 'anonymous' && state.ended);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-bold">Sign in</h1>
      {ended ? (
        <p role="status" className="mb-3 rounded-lg bg-amber-100 p-3 text-amber-900">
          Your session has ended. Sign in again to continue.
        </p>
      ) : null}
      <form onSubmit={submit} className="space-y-3">
        <label className="block">
          <span className="block text-sm font-medium">E-mail</span>
          <input type="email" required autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} className="w-full rounded border border-slate-400 p-2" />
        </label>
        <label className="block">
          <span className="block text-sm font-medium">Password</span>
          <input type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} className="w-full rounded border border-slate-400 p-2" />
        </label>
        <ProblemAlert error={signIn.error} />
        <button type="submit" disabled={signIn.isPending} className="w-full rounded bg-blue-700 p-2 font-semibold text-white disabled:opacity-60">
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className="mt-4 text-sm">
        New here?{' '}
        <Link to={`/signup?next=${encodeURIComponent(next)}`} className="text-blue-800 underline">
          Create an account
        </Link>
      </p>
    </section>
  );
}

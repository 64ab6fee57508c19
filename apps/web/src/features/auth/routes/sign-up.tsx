import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { safeNext } from '@/lib/safe-next';
import { useSignIn, useSignUp } from '../api/sign-in';

export function SignUpPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signUp = useSignUp();
  const signIn = useSignIn();
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });
  const next = safeNext(params.get('next'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signUp.mutate(form, {
      onSuccess: () => signIn.mutate({ email: form.email, password: form.password }, { onSuccess: () => navigate(next, { replace: true }) }),
    });
  };

  const field = (name: keyof typeof form, label: string, type: string, autoComplete: string, extra: Record<string, unknown> = {}) => (
    <label className="block">
      <span className="block text-sm font-medium">{label}</span>
      <input
        type={type}
        required
        autoComplete={autoComplete}
        value={form[name]}
        onChange={(e) => setForm({ ...form, [name]: e.target.value })}
        className="w-full rounded border border-slate-400 p-2"
        {...extra}
      />
    </label>
  );

  return (
    <section className="mx-auto max-w-sm">
      <h1 className="mb-4 text-2xl font-bold">Create an account</h1>
      <form onSubmit={submit} className="space-y-3">
        {field('displayName', 'Name', 'text', 'name')}
        {field('email', 'E-mail', 'email', 'email')}
        {field('password', 'Password (at least 12 characters)', 'password', 'new-password', { minLength: 12 })}
        <ProblemAlert error={signUp.error ?? signIn.error} />
        <button type="submit" disabled={signUp.isPending || signIn.isPending} className="w-full rounded bg-blue-700 p-2 font-semibold text-white disabled:opacity-60">
          {signUp.isPending ? 'Creating…' : 'Create account'}
        </button>
      </form>
      <p className="mt-4 text-sm">
        Already registered?{' '}
        <Link to={`/signin?next=${encodeURIComponent(next)}`} className="text-blue-800 underline">
          Sign in
        </Link>
      </p>
    </section>
  );
}

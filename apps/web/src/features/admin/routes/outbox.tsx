import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { formatDateTime } from '@/lib/format';
import { useOutbox, type OutboxItem } from '../api/admin';
import { buttonClass, inputClass } from '../components/fields';

const STATUS_CLASS: Record<OutboxItem['status'], string> = {
  sent: 'bg-green-100 text-green-900',
  retrying: 'bg-amber-100 text-amber-900',
  failed: 'bg-red-100 text-red-900',
};

/** Every e-mail the notifier sent or is trying to send (GET /api/admin/outbox), newest first, polled. */
export function OutboxPage() {
  const [text, setText] = useState('');
  const [to, setTo] = useState<string>();
  const outbox = useOutbox(to);
  const filter = (event: FormEvent) => {
    event.preventDefault();
    setTo(text.trim() || undefined);
  };
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">Outbox</h1>
      <form role="search" onSubmit={filter} className="flex flex-wrap items-end gap-2">
        <label className="block text-sm">
          <span className="font-medium">Recipient</span>
          <input type="email" className={inputClass} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <button type="submit" className={buttonClass}>
          Filter
        </button>
      </form>
      {outbox.isPending ? <Loading what="Loading the outbox" /> : null}
      {outbox.isError ? <ProblemAlert error={outbox.error} /> : null}
      {outbox.data?.items.length === 0 ? <p>No e-mail{to ? ` to ${to}` : ''} yet.</p> : null}
      {outbox.data && outbox.data.items.length > 0 ? (
        <ul aria-label="E-mails, newest first" className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
          {outbox.data.items.map((mail) => (
            <li key={mail.id} className="grid gap-x-3 p-3 text-sm md:grid-cols-[1fr_1fr_auto]" data-kind={mail.kind}>
              <span className="font-semibold">{mail.subject}</span>
              <span className="break-all">
                to {mail.to} · {mail.kind}
              </span>
              <span>
                <span className={`rounded-full px-2 py-0.5 font-medium ${STATUS_CLASS[mail.status]}`}>{mail.status}</span>{' '}
                {mail.sentAt ? formatDateTime(mail.sentAt) : `${mail.attempts} attempt${mail.attempts === 1 ? '' : 's'}`}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

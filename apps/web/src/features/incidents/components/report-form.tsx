import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { ProblemAlert } from '@/components/problem-alert';
import { ApiError } from '@/lib/problem';
import { useReportIncident, useShowChoices, type ReportIncident } from '../api/incidents';

const CATEGORIES: { value: ReportIncident['category']; label: string }[] = [
  { value: 'seat', label: 'My seat' },
  { value: 'facility', label: 'Facilities (toilets, lifts, doors)' },
  { value: 'safety', label: 'Safety' },
  { value: 'cleaning', label: 'Cleaning' },
  { value: 'other', label: 'Something else' },
];

const URGENCIES: { value: ReportIncident['urgency']; label: string }[] = [
  { value: 'low', label: 'Low: when someone has time' },
  { value: 'medium', label: 'Medium: soon' },
  { value: 'high', label: 'High: it hurts now' },
];

const optionsOf = (choices: readonly { value: string; label: string }[]) =>
  choices.map((choice) => (
    <option key={choice.value} value={choice.value}>
      {choice.label}
    </option>
  ));

const EMPTY = { title: '', description: '', category: 'seat' as ReportIncident['category'], urgency: 'medium' as ReportIncident['urgency'], showId: '', seatId: '', area: '' };
type Form = typeof EMPTY;

/** The request body: empty optional fields are left out (the API refuses an empty `area`). */
export const reportOf = (form: Form): ReportIncident => {
  const location = Object.fromEntries(
    (['showId', 'seatId', 'area'] as const).map((key) => [key, form[key].trim()]).filter(([, value]) => value !== ''),
  ) as ReportIncident['location'];
  return {
    title: form.title.trim(),
    category: form.category,
    urgency: form.urgency,
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    ...(location && Object.keys(location).length > 0 ? { location } : {}),
  };
};

/** The API's message for one field (`errors: [{ field, message }]`), e.g. `location.seatId`. */
const messageFor = (error: unknown, field: string): string | undefined =>
  error instanceof ApiError ? error.problem.errors?.find((e) => e.field === field)?.message : undefined;

function Field({ label, error, children }: { label: string; error?: string; children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({ id, ...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}) })}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {label} {error}
        </p>
      ) : null}
    </div>
  );
}

const input = 'w-full rounded border border-slate-400 bg-white p-2';

/** A fan's report: what, where (a show, a seat, an area: all optional), what kind and how urgent. */
export function ReportForm() {
  const report = useReportIncident();
  const shows = useShowChoices();
  const [form, setForm] = useState<Form>(EMPTY);
  const [sent, setSent] = useState<string>();
  const set = (key: keyof Form) => (event: { target: { value: string } }) => setForm({ ...form, [key]: event.target.value });
  const error = report.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSent(undefined);
    report.mutate(reportOf(form), {
      onSuccess: (done) => {
        setSent(`Reported: “${form.title.trim()}” (priority ${done.priority}). Staff have been told.`);
        setForm(EMPTY);
      },
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="report-heading" noValidate>
      <h2 id="report-heading" className="text-xl font-bold">
        Report an incident
      </h2>
      <Field label="What is wrong" error={messageFor(error, 'title')}>
        {(props) => <input {...props} type="text" value={form.title} onChange={set('title')} maxLength={200} className={input} />}
      </Field>
      <Field label="Details (optional)" error={messageFor(error, 'description')}>
        {(props) => <textarea {...props} value={form.description} onChange={set('description')} maxLength={5000} rows={3} className={input} />}
      </Field>
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="Kind" error={messageFor(error, 'category')}>
          {(props) => (
            <select {...props} value={form.category} onChange={set('category')} className={input}>
              {optionsOf(CATEGORIES)}
            </select>
          )}
        </Field>
        <Field label="Urgency" error={messageFor(error, 'urgency')}>
          {(props) => (
            <select {...props} value={form.urgency} onChange={set('urgency')} className={input}>
              {optionsOf(URGENCIES)}
            </select>
          )}
        </Field>
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-3">
        <legend className="mb-1 text-sm font-semibold">Where (optional)</legend>
        <Field label="Show" error={messageFor(error, 'location.showId')}>
          {(props) => (
            <select {...props} value={form.showId} onChange={set('showId')} className={input}>
              <option value="">Not at a show</option>
              {shows.data?.items
                .filter((show) => show.status === 'on_sale')
                .map((show) => (
                  <option key={show.showId} value={show.showId}>
                    {show.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label="Seat" error={messageFor(error, 'location.seatId')}>
          {(props) => <input {...props} type="text" value={form.seatId} onChange={set('seatId')} placeholder="A-1-7" className={input} />}
        </Field>
        <Field label="Area" error={messageFor(error, 'location.area')}>
          {(props) => <input {...props} type="text" value={form.area} onChange={set('area')} placeholder="Stalls, gate 3…" maxLength={200} className={input} />}
        </Field>
      </fieldset>
      <ProblemAlert error={error} />
      {sent ? (
        <p role="status" className="rounded bg-green-100 p-2 text-green-900">
          {sent}
        </p>
      ) : null}
      <button type="submit" disabled={report.isPending} className="rounded bg-blue-700 px-4 py-2 font-semibold text-white disabled:opacity-60">
        {report.isPending ? 'Sending…' : 'Send report'}
      </button>
    </form>
  );
}

import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { useCreateShow } from '../api/admin';
import { CategoryEditor } from '../components/category-editor';
import { buttonClass, Field, primaryClass, problemOn } from '../components/fields';
import { SeatPreview } from '../components/seat-preview';
import { SectionEditor } from '../components/section-editor';
import { addRows, draftProblems, draftSeats, emptyDraft, toCreateRequest, type DraftSection, type ShowDraft } from '../components/show-draft';

/**
 * The show builder: the show's details, its categories and prices, its sections and rows, and
 * beside them the seat map as fans will see it, redrawn as the admin types. Creating makes a
 * draft (API.md, Shows); the show's own page then publishes or cancels it.
 */
export function ShowBuilderPage() {
  const [draft, setDraft] = useState<ShowDraft>(() => emptyDraft());
  const [tried, setTried] = useState(false);
  const create = useCreateShow();
  const navigate = useNavigate();
  const problems = useMemo(() => draftProblems(draft), [draft]);
  // Problems show once the admin has tried to create, not while the first field is being typed.
  const shown = tried ? problems : [];
  const set = (change: Partial<ShowDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setSection = (index: number, section: DraftSection) => set({ sections: draft.sections.map((s, i) => (i === index ? section : s)) });
  const addSection = () => {
    const taken = new Set(draft.sections.map((s) => s.id));
    let code = 65; // A, B, C…
    while (taken.has(String.fromCharCode(code)) && code < 90) code += 1;
    const id = taken.has(String.fromCharCode(code)) ? `S${draft.sections.length + 1}` : String.fromCharCode(code);
    set({ sections: [...draft.sections, { id, name: `Section ${id}`, categoryId: draft.categories[0]?.id ?? '', rows: addRows([], 5, 10) }] });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problems.length > 0) return;
    create.mutate(toCreateRequest(draft), { onSuccess: (created) => navigate(`/admin/shows/${created.showId}`) });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <h1 className="text-2xl font-bold">New show</h1>
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <fieldset className="grid gap-2 rounded-lg border border-slate-300 bg-white p-3 sm:grid-cols-2">
            <legend className="px-1 text-lg font-semibold">The show</legend>
            <Field label="Name" value={draft.name} onChange={(e) => set({ name: e.target.value })} error={problemOn(shown, 'name')} />
            <Field label="Venue" value={draft.venue} onChange={(e) => set({ venue: e.target.value })} error={problemOn(shown, 'venue')} />
            <Field label="Starts at" type="datetime-local" value={draft.startsAt} onChange={(e) => set({ startsAt: e.target.value })} error={problemOn(shown, 'startsAt')} />
            <Field
              label="Currency"
              value={draft.currency}
              maxLength={3}
              onChange={(e) => set({ currency: e.target.value.toUpperCase() })}
              error={problemOn(shown, 'currency')}
            />
            <Field
              label="Hold minutes"
              type="number"
              min={1}
              max={60}
              value={Number.isNaN(draft.holdMinutes) ? '' : draft.holdMinutes}
              onChange={(e) => set({ holdMinutes: e.target.valueAsNumber })}
              error={problemOn(shown, 'holdMinutes')}
            />
            <Field
              label="Seats per booking"
              type="number"
              min={1}
              max={20}
              value={Number.isNaN(draft.maxSeatsPerBooking) ? '' : draft.maxSeatsPerBooking}
              onChange={(e) => set({ maxSeatsPerBooking: e.target.valueAsNumber })}
              error={problemOn(shown, 'maxSeatsPerBooking')}
            />
          </fieldset>
          <CategoryEditor categories={draft.categories} currency={draft.currency} problems={shown} onChange={(categories) => set({ categories })} />
          <div className="space-y-3">
            <h2 className="text-lg font-semibold">Sections and rows</h2>
            {draft.sections.map((section, i) => (
              <SectionEditor
                key={i}
                section={section}
                index={i}
                categories={draft.categories}
                problems={shown}
                onChange={(next) => setSection(i, next)}
                onRemove={draft.sections.length > 1 ? () => set({ sections: draft.sections.filter((_, j) => j !== i) }) : undefined}
              />
            ))}
            <button type="button" className={buttonClass} onClick={addSection}>
              Add a section
            </button>
          </div>
        </div>
        <section aria-labelledby="preview-heading" className="space-y-2 lg:sticky lg:top-2 lg:self-start">
          <h2 id="preview-heading" className="text-lg font-semibold">
            Preview · {draftSeats(draft).toLocaleString()} seats
          </h2>
          <SeatPreview sections={draft.sections} categories={draft.categories} currency={draft.currency} />
        </section>
      </div>
      {shown.length > 0 ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">The show cannot be created yet</p>
          <ul className="list-disc pl-5">
            {shown.map((p) => (
              <li key={`${p.field}:${p.message}`}>
                {p.field} {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ProblemAlert error={create.error} />
      <button type="submit" className={primaryClass} disabled={create.isPending}>
        {create.isPending ? 'Creating…' : 'Create the draft'}
      </button>
    </form>
  );
}

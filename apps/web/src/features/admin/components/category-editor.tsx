import { CATEGORY_COLOURS } from '@/features/shows/components/seat-map';
import { buttonClass, Field, problemOn } from './fields';
import type { DraftCategory, DraftProblem } from './show-draft';

/** The price categories: id, name and price (major units) of each, add and remove. */
export function CategoryEditor({
  categories,
  currency,
  problems,
  onChange,
}: {
  categories: readonly DraftCategory[];
  currency: string;
  problems: readonly DraftProblem[];
  onChange: (categories: DraftCategory[]) => void;
}) {
  const update = (index: number, change: Partial<DraftCategory>) => onChange(categories.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const add = () => {
    const taken = new Set(categories.map((c) => c.id));
    let n = categories.length + 1;
    while (taken.has(`cat${n}`)) n += 1;
    onChange([...categories, { id: `cat${n}`, name: '', price: '' }]);
  };
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-300 bg-white p-3">
      <legend className="px-1 text-lg font-semibold">Categories and prices</legend>
      {categories.map((category, i) => (
        <div key={i} role="group" aria-label={`Category ${i + 1}`} className="grid items-end gap-2 sm:grid-cols-[auto_1fr_2fr_1fr_auto]">
          <span aria-hidden="true" className="mb-2 inline-block h-4 w-4 rounded-full" style={{ background: CATEGORY_COLOURS[i % CATEGORY_COLOURS.length] }} />
          <Field label="Id" value={category.id} onChange={(e) => update(i, { id: e.target.value })} error={problemOn(problems, `categories[${i}].id`)} />
          <Field label="Name" value={category.name} onChange={(e) => update(i, { name: e.target.value })} error={problemOn(problems, `categories[${i}].name`)} />
          <Field
            label={`Price (${currency})`}
            inputMode="decimal"
            value={category.price}
            onChange={(e) => update(i, { price: e.target.value })}
            error={problemOn(problems, `categories[${i}].price`)}
          />
          <button
            type="button"
            className={buttonClass}
            aria-label={`Remove category ${i + 1}`}
            disabled={categories.length === 1}
            onClick={() => onChange(categories.filter((_, j) => j !== i))}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" className={buttonClass} onClick={add}>
        Add a category
      </button>
    </fieldset>
  );
}

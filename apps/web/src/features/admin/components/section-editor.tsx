import { useId, useState } from 'react';
import { buttonClass, Field, inputClass, problemOn } from './fields';
import { addRows, MAX_SEATS_PER_ROW, sectionSeats, type DraftCategory, type DraftProblem, type DraftRow, type DraftSection } from './show-draft';

/**
 * One section of the builder: its id, name and category, then its rows (label and seat count
 * each, removable), and "add N rows of M seats" labelled on from the last row. Every field's
 * problem is shown beside it and announced with it.
 */
export function SectionEditor({
  section,
  index,
  categories,
  problems,
  onChange,
  onRemove,
}: {
  section: DraftSection;
  index: number;
  categories: readonly DraftCategory[];
  problems: readonly DraftProblem[];
  onChange: (section: DraftSection) => void;
  onRemove?: () => void;
}) {
  const [count, setCount] = useState(1);
  const [seats, setSeats] = useState(10);
  const categoryId = useId();
  const at = `sections[${index}]`;
  const setRows = (rows: DraftRow[]) => onChange({ ...section, rows });
  const updateRow = (r: number, change: Partial<DraftRow>) => setRows(section.rows.map((row, i) => (i === r ? { ...row, ...change } : row)));
  const categoryError = problemOn(problems, `${at}.categoryId`);
  const rowsError = problemOn(problems, `${at}.rows`);
  const canAdd = Number.isInteger(count) && count >= 1 && count <= 100 && Number.isInteger(seats) && seats >= 1 && seats <= MAX_SEATS_PER_ROW;

  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-300 bg-white p-3">
      <legend className="px-1 font-semibold">
        Section {index + 1}: {section.name || section.id || 'unnamed'} · {sectionSeats(section).toLocaleString()} seats
      </legend>
      <div className="grid gap-2 sm:grid-cols-3">
        <Field label="Section id" value={section.id} onChange={(e) => onChange({ ...section, id: e.target.value })} error={problemOn(problems, `${at}.id`)} />
        <Field label="Section name" value={section.name} onChange={(e) => onChange({ ...section, name: e.target.value })} error={problemOn(problems, `${at}.name`)} />
        <label className="block text-sm">
          <span className="font-medium">Category</span>
          <select
            className={inputClass}
            value={section.categoryId}
            onChange={(e) => onChange({ ...section, categoryId: e.target.value })}
            aria-invalid={categoryError ? true : undefined}
            aria-describedby={categoryError ? categoryId : undefined}
          >
            {categories.some((c) => c.id === section.categoryId) ? null : <option value={section.categoryId}>Choose a category</option>}
            {categories.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name || c.id}
              </option>
            ))}
          </select>
          {categoryError ? (
            <span id={categoryId} className="text-red-800">
              {categoryError}
            </span>
          ) : null}
        </label>
      </div>

      <table className="w-full text-sm">
        <caption className="text-left font-medium">Rows of section {index + 1}</caption>
        <thead>
          <tr className="text-left">
            <th scope="col">Row label</th>
            <th scope="col">Seats</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {section.rows.map((row, r) => (
            <tr key={r}>
              <td className="pr-2">
                <Field
                  label={`Label of row ${r + 1}`}
                  className="[&>label]:sr-only"
                  value={row.label}
                  onChange={(e) => updateRow(r, { label: e.target.value })}
                  error={problemOn(problems, `${at}.rows[${r}].label`)}
                />
              </td>
              <td className="pr-2">
                <Field
                  label={`Seats in row ${r + 1}`}
                  className="[&>label]:sr-only"
                  type="number"
                  min={1}
                  max={MAX_SEATS_PER_ROW}
                  value={Number.isNaN(row.seats) ? '' : row.seats}
                  onChange={(e) => updateRow(r, { seats: e.target.valueAsNumber })}
                  error={problemOn(problems, `${at}.rows[${r}].seats`)}
                />
              </td>
              <td>
                <button type="button" className={buttonClass} aria-label={`Remove row ${row.label || r + 1}`} onClick={() => setRows(section.rows.filter((_, i) => i !== r))}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rowsError ? <p className="text-sm text-red-800">Rows {rowsError}</p> : null}

      <div role="group" aria-label={`Add rows to section ${index + 1}`} className="flex flex-wrap items-end gap-2">
        <Field label="Rows to add" type="number" min={1} max={100} className="w-28" value={Number.isNaN(count) ? '' : count} onChange={(e) => setCount(e.target.valueAsNumber)} />
        <Field
          label="Seats per row"
          type="number"
          min={1}
          max={MAX_SEATS_PER_ROW}
          className="w-28"
          value={Number.isNaN(seats) ? '' : seats}
          onChange={(e) => setSeats(e.target.valueAsNumber)}
        />
        <button type="button" className={buttonClass} disabled={!canAdd} onClick={() => setRows(addRows(section.rows, count, seats))}>
          Add rows
        </button>
        {onRemove ? (
          <button type="button" className={`${buttonClass} ml-auto`} onClick={onRemove}>
            Remove section {index + 1}
          </button>
        ) : null}
      </div>
    </fieldset>
  );
}

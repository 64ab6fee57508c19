import { useId, type InputHTMLAttributes } from 'react';
import type { DraftProblem } from './show-draft';

export const inputClass = 'w-full rounded border border-slate-400 bg-white px-2 py-1';
export const buttonClass = 'rounded border border-slate-400 bg-white px-3 py-1 hover:bg-slate-100 disabled:opacity-50';
export const primaryClass = 'rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 disabled:opacity-50';

/** The message of the first problem on `field`, if any. */
export const problemOn = (problems: readonly DraftProblem[], field: string): string | undefined => problems.find((p) => p.field === field)?.message;

/** A labelled input whose problem (if any) is announced with it (aria-invalid, aria-describedby). */
export function Field({ label, error, className = '', ...input }: { label: string; error?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={`text-sm ${className}`}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input {...input} id={id} className={inputClass} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} />
      {error ? (
        <p id={`${id}-error`} className="text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

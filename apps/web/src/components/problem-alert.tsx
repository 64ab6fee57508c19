import { ApiError } from '@/lib/problem';

/** An error as the API phrased it: the problem's title and detail, and each field's message. */
export function ProblemAlert({ error }: { error: unknown }) {
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const title = problem?.title ?? 'Something went wrong';
  const detail = problem?.detail ?? (error instanceof Error ? error.message : String(error));
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900">
      <p className="font-semibold">{title}</p>
      <p>{detail}</p>
      {problem?.errors?.length ? (
        <ul className="mt-1 list-disc pl-5">
          {problem.errors.map((e) => (
            <li key={`${e.field}:${e.message}`}>
              {e.field} {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

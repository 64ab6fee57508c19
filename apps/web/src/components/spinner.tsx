export function Loading({ what = 'Loading' }: { what?: string }) {
  return (
    <p role="status" className="p-4 text-slate-600">
      {what}…
    </p>
  );
}

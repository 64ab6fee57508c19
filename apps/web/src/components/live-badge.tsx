import type { LiveStatus } from '@/lib/live-events';

/** Says whether the page follows the live stream: "Live", "Reconnecting…", or nothing when off. */
export function LiveBadge({ status }: { status: LiveStatus }) {
  if (status === 'off') return null;
  return (
    <span role="status" className={`ml-2 inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-sm font-medium ${status === 'live' ? 'bg-green-100 text-green-900' : 'bg-amber-100 text-amber-900'}`}>
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${status === 'live' ? 'bg-green-700' : 'bg-amber-700'}`} />
      {status === 'live' ? 'Live' : 'Reconnecting…'}
    </span>
  );
}

import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { LiveBadge } from '@/components/live-badge';
import { ProblemAlert } from '@/components/problem-alert';
import { Loading } from '@/components/spinner';
import { type LiveEvent, useLiveEvents } from '@/lib/live-events';
import { RECENT_EVENTS_KEY, useRecentEvents, type FeedEvent } from '../api/admin';
import { LIVE_EVENT_TYPES } from '@/lib/event-types';

type Recent = { items: FeedEvent[] };
const KEEP = 200;
const GROUPS = ['all', 'show', 'seat', 'booking', 'ticket', 'incident', 'device', 'waitlist', 'waiting_room'] as const;
const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The event's headline facts, from whichever of them its payload has. */
const summary = (data: Record<string, unknown>): string =>
  ['showId', 'bookingId', 'ticketId', 'seatId', 'incidentId', 'deviceId', 'status', 'severity']
    .filter((key) => typeof data[key] === 'string' || typeof data[key] === 'number')
    .map((key) => `${key} ${String(data[key])}`)
    .join(' · ');

/**
 * The live event feed (staff and admin): the last events the notifier kept (GET
 * /api/notifications/events), then every new one from the stream as it happens, newest first,
 * with no reload. Events are merged into the same cached list by id, so a replay after a
 * reconnect does not show one twice.
 */
export function LiveFeedPage() {
  const recent = useRecentEvents();
  const queries = useQueryClient();
  const [group, setGroup] = useState<(typeof GROUPS)[number]>('all');
  const live = useLiveEvents({
    types: LIVE_EVENT_TYPES,
    onOpen: () => void queries.invalidateQueries({ queryKey: RECENT_EVENTS_KEY }),
    onEvent: (event: LiveEvent) =>
      queries.setQueryData<Recent>(RECENT_EVENTS_KEY, (list) => {
        if (!list || list.items.some((item) => item.id === event.id)) return list;
        const item = { ...event, data: (event.data ?? {}) as Record<string, unknown> };
        return { items: [item, ...list.items].slice(0, KEEP) };
      }),
  });

  const items = recent.data?.items.filter((item) => group === 'all' || item.type.startsWith(`${group}.`)) ?? [];
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">
        Live event feed
        <LiveBadge status={live} />
      </h1>
      <label className="block text-sm">
        <span className="font-medium">Event kind</span>{' '}
        <select className="rounded border border-slate-400 bg-white px-2 py-1" value={group} onChange={(e) => setGroup(e.target.value as (typeof GROUPS)[number])}>
          {GROUPS.map((g) => (
            <option key={g} value={g}>
              {g === 'all' ? 'every event' : `${g.replace('_', ' ')} events`}
            </option>
          ))}
        </select>
      </label>
      {recent.isPending ? <Loading what="Loading recent events" /> : null}
      {recent.isError ? <ProblemAlert error={recent.error} /> : null}
      {recent.data && items.length === 0 ? <p>No event yet.</p> : null}
      <ol aria-label="Events, newest first" className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white">
        {items.map((item) => (
          <li key={item.id} className="grid gap-x-3 p-2 text-sm sm:grid-cols-[6rem_14rem_1fr]" data-type={item.type}>
            <time dateTime={item.occurredAt} className="text-slate-700">
              {time.format(new Date(item.occurredAt))}
            </time>
            <span className="font-mono font-semibold">{item.type}</span>
            <span className="break-all text-slate-700">{summary(item.data)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

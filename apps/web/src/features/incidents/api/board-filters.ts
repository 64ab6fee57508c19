import type { operations } from '@/lib/api/openapi';

/**
 * The staff board's filters, kept in the URL (?status=&severity=&priority=&category=&source=&assignee=),
 * so a reload or a shared link shows the same board. Every filter is one the list route applies
 * (GET /api/incidents), so paging stays right; `assignee` is `me` or `none` (unassigned).
 */

type ListQuery = NonNullable<operations['IncidentListHttpController_list']['parameters']['query']>;

export const FILTER_OPTIONS = {
  status: ['new', 'acknowledged', 'in_progress', 'pending', 'resolved', 'closed'],
  severity: ['critical', 'high', 'medium', 'low'],
  priority: ['P1', 'P2', 'P3', 'P4'],
  category: ['seat', 'facility', 'safety', 'cleaning', 'other'],
  source: ['report', 'device'],
  assignee: ['me', 'none'],
} as const satisfies Record<string, readonly string[]>;

export type FilterName = keyof typeof FILTER_OPTIONS;
export type BoardFilters = { [K in FilterName]?: (typeof FILTER_OPTIONS)[K][number] };

export const FILTER_NAMES = Object.keys(FILTER_OPTIONS) as FilterName[];

const isOption = <K extends FilterName>(name: K, value: string | null): value is (typeof FILTER_OPTIONS)[K][number] =>
  value !== null && (FILTER_OPTIONS[name] as readonly string[]).includes(value);

/** What the URL asks for; a value the list route would refuse is dropped rather than sent. */
export const filtersFromParams = (params: URLSearchParams): BoardFilters => {
  const filters: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (isOption(name, value)) filters[name] = value;
  }
  return filters as BoardFilters;
};

/** The URL after one filter changed (an empty value removes it); other parameters are kept. */
export const withFilter = (params: URLSearchParams, name: FilterName, value: string): URLSearchParams => {
  const next = new URLSearchParams(params);
  if (value) next.set(name, value);
  else next.delete(name);
  return next;
};

/** The list route's query: `assignee=me` becomes the signed-in user's id. */
export const listQueryOf = (filters: BoardFilters, myUserId: string | undefined): ListQuery => {
  const { assignee, ...rest } = filters;
  const query: ListQuery = { ...rest };
  if (assignee === 'none') query.assigneeId = 'none';
  else if (assignee === 'me' && myUserId) query.assigneeId = myUserId;
  return query;
};

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/lib/api/openapi';
import { idempotencyKey } from '@/lib/format';
import type { LiveStatus } from '@/lib/live-events';
import { useLiveRefetch } from '@/lib/live-refetch';
import { INCIDENT_EVENT_TYPES } from '@/lib/event-types';
import { unwrap } from '@/lib/problem';
import { type BoardFilters, listQueryOf } from './board-filters';

export type ReportIncident = components['schemas']['ReportIncidentRequest'];
export type UpdateIncident = components['schemas']['UpdateIncidentRequest'];


const MY_INCIDENTS = ['me', 'incidents'] as const;
const BOARD = ['incidents', 'board'] as const;

export const useMyIncidents = () => useQuery({ queryKey: MY_INCIDENTS, queryFn: () => unwrap(api.GET('/api/me/incidents')) });

/** The shows a fan can say the incident is at (optional). */
export const useShowChoices = () =>
  useQuery({ queryKey: ['incidents', 'show-choices'], queryFn: () => unwrap(api.GET('/api/shows', { params: { query: { limit: '50' } } })), staleTime: 60_000 });

export const useReportIncident = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: ReportIncident) => unwrap(api.POST('/api/incidents', { body, headers: { 'idempotency-key': idempotencyKey() } })),
    // The client reads its own write: the refetch waits for the report's position.
    onSuccess: () => queries.invalidateQueries({ queryKey: MY_INCIDENTS }),
  });
};

/** The staff board: one page of 20 at a time, newest first, with the URL's filters applied by the server. */
export const useIncidentBoard = (filters: BoardFilters, myUserId: string | undefined) => {
  const query = listQueryOf(filters, myUserId);
  return useInfiniteQuery({
    queryKey: [...BOARD, query],
    enabled: filters.assignee !== 'me' || myUserId !== undefined,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/incidents', { params: { query: { ...query, cursor: pageParam } } })),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
};

export const useUpdateIncident = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ incidentId, change }: { incidentId: string; change: UpdateIncident }) =>
      unwrap(api.PATCH('/api/incidents/{incidentId}', { params: { path: { incidentId } }, body: change })),
    onSuccess: () => queries.invalidateQueries({ queryKey: BOARD }),
  });
};

/** The fan's incidents follow the stream (a fan receives the events of their own reports). */
export const useLiveMyIncidents = (): LiveStatus => useLiveRefetch(INCIDENT_EVENT_TYPES, MY_INCIDENTS);
/** The board follows every incident event: new ones appear, status changes move them. */
export const useLiveBoard = (): LiveStatus => useLiveRefetch(INCIDENT_EVENT_TYPES, BOARD);

/**
 * The signed-in user's id, for "assigned to me": the same cached GET /api/auth/me the header
 * reads (one request for both), selected down to the id.
 */
export const useMyUserId = (): string | undefined =>
  useQuery({ queryKey: ['me'], queryFn: () => unwrap(api.GET('/api/auth/me')), staleTime: 60_000, select: (me) => me.userId }).data;

/**
 * Who an incident can be assigned to besides oneself: the staff accounts, which only an admin can
 * list (GET /api/admin/users?role=staff, API.md); undefined for staff, who assign to themselves.
 */
export const useAssignableStaff = (isAdmin: boolean) =>
  useQuery({
    queryKey: ['admin', 'users', { role: 'staff' }, 'assignable'],
    enabled: isAdmin,
    staleTime: 60_000,
    queryFn: () => unwrap(api.GET('/api/admin/users', { params: { query: { role: 'staff', limit: '100' } } })),
    select: (page) => page.items.map(({ userId, displayName, email }) => ({ userId, displayName, email })),
  }).data;

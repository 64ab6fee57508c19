import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/lib/api/openapi';
import { idempotencyKey } from '@/lib/format';
import { type LiveEvent, type LiveStatus, useLiveEvents } from '@/lib/live-events';
import { readAgain } from '@/lib/live-refetch';
import { unwrap } from '@/lib/problem';

export type Role = components['schemas']['AdminUserSummary']['roles'][number];
export type CreateShowRequest = components['schemas']['CreateShowRequest'];
export type ShowSales = components['schemas']['ShowSalesResponse'];
export type FeedEvent = components['schemas']['LiveEvent'];
export type OutboxItem = components['schemas']['OutboxItem'];

/**
 * The admin pages' server state. Every write sends an Idempotency-Key, and the API client makes
 * every later read wait for the write's log position (X-Min-Position), so invalidating the
 * queries a write changed is enough to show its effect.
 */

export const useCreateShow = () =>
  useMutation({
    mutationFn: (body: CreateShowRequest) => unwrap(api.POST('/api/shows', { body, headers: { 'idempotency-key': idempotencyKey() } })),
  });

export const usePublishShow = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (showId: string) =>
      unwrap(api.POST('/api/shows/{showId}/publish', { params: { path: { showId } }, headers: { 'idempotency-key': idempotencyKey() } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['shows'] }),
  });
};

export const useCancelShow = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ showId, reason }: { showId: string; reason: string }) =>
      unwrap(api.POST('/api/shows/{showId}/cancel', { params: { path: { showId } }, body: { reason }, headers: { 'idempotency-key': idempotencyKey() } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['shows'] }),
  });
};

const salesKey = (showId: string) => ['admin', 'sales', showId];
const fetchSales = (showId: string, minPosition?: string) =>
  unwrap(api.GET('/api/analytics/shows/{showId}/sales', { params: { path: { showId }, header: minPosition ? { 'X-Min-Position': minPosition } : undefined } }));

/** The sales of one show; `poll`: refetched every 10 s, for when the live stream is not open. */
export const useSales = (showId: string, poll: boolean) =>
  useQuery({ queryKey: salesKey(showId), queryFn: () => fetchSales(showId), refetchInterval: poll ? 10_000 : false });

/** The booking events that change a show's sales figures. */
const SALES_EVENT_TYPES = ['booking.placed.v1', 'booking.confirmed.v1', 'booking.expired.v1', 'booking.cancelled.v1', 'booking.refunded.v1', 'booking.payment-declined.v1'];

/**
 * Keeps the dashboard current from the live stream: each booking event of the show refetches the
 * figures as of that event's log position (X-Min-Position), so the answer already counts it.
 */
export const useLiveSales = (showId: string): LiveStatus => {
  const queries = useQueryClient();
  return useLiveEvents({
    types: SALES_EVENT_TYPES,
    showId,
    onOpen: () => void queries.invalidateQueries({ queryKey: salesKey(showId) }),
    onEvent: (event: LiveEvent) => {
      const { position } = event as LiveEvent & { position?: unknown };
      void readAgain(queries, salesKey(showId), () => fetchSales(showId, typeof position === 'number' ? String(position) : undefined));
    },
  });
};

export interface UserFilters {
  q?: string;
  role?: Role;
}

export const useUserSearch = (filters: UserFilters) =>
  useQuery({
    queryKey: ['admin', 'users', filters],
    queryFn: () => unwrap(api.GET('/api/admin/users', { params: { query: { ...filters, limit: '50' } } })),
  });

export const useAdminUser = (userId: string) =>
  useQuery({
    queryKey: ['admin', 'users', 'one', userId],
    queryFn: () => unwrap(api.GET('/api/admin/users/{userId}', { params: { path: { userId } } })),
  });

export const useChangeRoles = () => {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, roles }: { userId: string; roles: Role[] }) =>
      unwrap(api.PUT('/api/admin/users/{userId}/roles', { params: { path: { userId } }, body: { roles } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
};

export const RECENT_EVENTS_KEY = ['admin', 'events'] as const;

export const useRecentEvents = () =>
  useQuery({
    queryKey: RECENT_EVENTS_KEY,
    queryFn: () => unwrap(api.GET('/api/notifications/events', { params: { query: { limit: '50' } } })),
  });

/** The outbox, polled every 5 s: the notifier sends on its own schedule, after the event. */
export const useOutbox = (to: string | undefined) =>
  useQuery({
    queryKey: ['admin', 'outbox', to],
    queryFn: () => unwrap(api.GET('/api/admin/outbox', { params: { query: { to, limit: '100' } } })),
    refetchInterval: 5_000,
  });

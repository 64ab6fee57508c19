import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import type { components } from '@/lib/api/openapi';
import type { LiveStatus } from '@/lib/live-events';
import { DEVICE_EVENT_TYPES, INCIDENT_EVENT_TYPES } from '@/lib/event-types';
import { useLiveRefetch } from '@/lib/live-refetch';
import { unwrap } from '@/lib/problem';

export type Device = components['schemas']['Device'];
export type Stats = components['schemas']['StatsResponse'];

const OPS = ['ops'] as const;

export const useStats = () => useQuery({ queryKey: [...OPS, 'stats'], queryFn: () => unwrap(api.GET('/api/stats')) });

/**
 * Readings are not events (only a status change is), and the server writes the latest ones a
 * moment after the reading (DEVICE_STATE_FLUSH_MS, 1 s by default), so the stream cannot carry
 * them: a device's status moves live, its last temperature, battery and "seen" within 10 s.
 */
export const useDevices = () => useQuery({ queryKey: [...OPS, 'devices'], queryFn: () => unwrap(api.GET('/api/devices')), refetchInterval: 10_000 });

export const useRecentIncidents = () =>
  useQuery({ queryKey: [...OPS, 'recent-incidents'], queryFn: () => unwrap(api.GET('/api/incidents/recent', { params: { query: { limit: '10' } } })) });

/** What moves the dashboard: a device's status, a rule raising or clearing, and every incident event (the counters). */
const OPERATION_EVENT_TYPES = [...DEVICE_EVENT_TYPES, ...INCIDENT_EVENT_TYPES];

/**
 * The live counters: each event refetches the dashboard's three reads (one document or a short
 * list each on the server), so the severity counters, the devices by state and the recent
 * incidents move with no reload.
 */
export const useLiveOperations = (): LiveStatus => useLiveRefetch(OPERATION_EVENT_TYPES, OPS);

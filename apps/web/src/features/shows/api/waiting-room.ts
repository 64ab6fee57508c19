import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '@/lib/api-client';
import { idempotencyKey } from '@/lib/format';
import { type LiveStatus, useLiveEvents } from '@/lib/live-events';
import { unwrap } from '@/lib/problem';

/**
 * A show's waiting room (API.md, On-sale): the fan's place, read from the server, kept fresh by
 * the live stream (every admission of the show moves every place: `waiting_room.admitted.v1`) or,
 * without the stream, by polling. The place's id is kept for the tab in sessionStorage, so a
 * reload finds the same place (joining again would answer it too: one place per account); the
 * admission token lives only in the query cache, in memory.
 */

const placeKey = (showId: string) => `tessera.queue.${showId}`;

export const useQueueId = (showId: string): [string | undefined, (queueId: string) => void] => {
  const [joined, setJoined] = useState<{ showId: string; queueId: string }>();
  const queueId = joined?.showId === showId ? joined.queueId : (sessionStorage.getItem(placeKey(showId)) ?? undefined);
  return [
    queueId,
    (next: string) => {
      sessionStorage.setItem(placeKey(showId), next);
      setJoined({ showId, queueId: next });
    },
  ];
};

export const useJoinQueue = (showId: string) =>
  useMutation({
    mutationFn: () => unwrap(api.POST('/api/shows/{showId}/queue', { params: { path: { showId } }, headers: { 'idempotency-key': idempotencyKey() } })),
  });

/** `poll`: read the place every 5 s while the live stream is not there to say when it moved. */
export const useQueuePlace = (showId: string, queueId: string | undefined, poll: boolean) =>
  useQuery({
    queryKey: ['shows', showId, 'queue', queueId],
    enabled: queueId !== undefined,
    queryFn: () => unwrap(api.GET('/api/shows/{showId}/queue/{queueId}', { params: { path: { showId, queueId: queueId as string } } })),
    refetchInterval: (query) => (poll && query.state.data?.admitted !== true ? 5_000 : false),
  });

/** Reads the place again on each admission of the show, and when the stream (re)opens. */
export const useLiveQueue = (showId: string, enabled: boolean): LiveStatus => {
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['shows', showId, 'queue'] });
  return useLiveEvents({ types: ['waiting_room.admitted.v1'], showId, enabled, onOpen: refresh, onEvent: refresh });
};

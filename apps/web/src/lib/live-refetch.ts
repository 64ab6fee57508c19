import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { readAtLeast } from './api-client';
import { type LiveStatus, useLiveEvents } from './live-events';

/**
 * Keeps the cached reads under `queryKey` current from the live stream by refetching them on each
 * event of `types`, reading at least at the event's position: the projector and the stream are
 * separate consumers of the log, so a plain refetch could come back a moment behind the event.
 * A refetch in flight is replaced by the newest, so a burst of events costs one answer each read.
 * The stream (re)opening refetches too, for what happened while it was closed.
 *
 * For lists whose membership an event can change (a filtered board: a status change moves an
 * incident in or out), where only the server's answer knows; a page that can apply an event to
 * its cache directly does that instead (the seat map, features/shows).
 */
export const useLiveRefetch = (types: readonly string[], queryKey: QueryKey): LiveStatus => {
  const queries = useQueryClient();
  return useLiveEvents({
    types,
    onOpen: () => void queries.invalidateQueries({ queryKey }),
    onEvent: (event) => {
      readAtLeast(event.position);
      void queries.invalidateQueries({ queryKey });
    },
  });
};

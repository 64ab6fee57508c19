import { isCancelledError, type QueryClient, type QueryKey, useQueryClient } from '@tanstack/react-query';
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

/**
 * A read that a newer read of the same query replaced (`cancelQueries`, or a refetch started with
 * `cancelRefetch`) rejects with TanStack's CancelledError. The newer read answers for it, so for
 * whoever awaited the older one (a mutation's `onSuccess`, a live event's read) that is not an
 * error; anything else still is.
 */
export const ignoreReplaced = (error: unknown): undefined => {
  if (isCancelledError(error)) return undefined;
  throw error;
};

/**
 * Reads `queryKey` again with `queryFn` (a read at least at a live event's position), replacing a
 * read under way: that one may have started before the event, and a plain `fetchQuery` would
 * join it instead of asking again. For a live event's handler, which nobody awaits: a failed read
 * shows in the query's own state, so the returned promise never rejects. Two calls in one task
 * share a read (the second's cancel runs before the first's read has started); EventSource
 * dispatches each message in a task of its own.
 */
export const readAgain = <T>(queries: QueryClient, queryKey: QueryKey, queryFn: () => Promise<T>): Promise<T | undefined> =>
  queries
    .cancelQueries({ queryKey, exact: true })
    .then(() => queries.fetchQuery({ queryKey, queryFn, staleTime: 0 }))
    .catch(() => undefined);

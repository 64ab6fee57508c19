import { useEffect, useEffectEvent, useState, useSyncExternalStore } from 'react';
import { api } from './api-client';
import { session } from './session';

/** One message of the live stream (API.md, Notifications): `data:` of an SSE message. */
export interface LiveEvent {
  /** The global log position, as the message's `id:`. */
  id: string;
  type: string;
  stream: string;
  occurredAt: string;
  data: unknown;
}

export interface LiveEventsOptions {
  /**
   * The exact event types to receive, e.g. `['seat.held.v1', 'seat.released.v1']`. They are the
   * stream's `types` filter and the EventSource's listeners (each message is named by its type).
   */
  types: readonly string[];
  showId?: string;
  /** False keeps the stream closed (e.g. until the page knows what it shows). */
  enabled?: boolean;
  onEvent: (event: LiveEvent) => void;
  /**
   * Called each time the stream opens. The first open may come after the page's first fetch, and
   * a reconnect that could not resume may have missed events: refetch what the events keep fresh.
   */
  onOpen?: () => void;
}

export type LiveStatus = 'off' | 'connecting' | 'live';

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 15_000];

/**
 * The signed-in session's live stream (GET /api/notifications/stream). A browser's EventSource
 * cannot send headers, so each connection first asks for a one-minute, single-use stream token
 * (POST /api/notifications/stream-tokens, through the API client, so a 401 refreshes silently).
 * Because the token is spent, the EventSource's own reconnect cannot work: on any error the
 * stream is closed and reopened with a fresh token and `lastEventId`, so the server replays what
 * was missed (resume by log position), with a growing pause between attempts.
 *
 * Anonymous visitors have no stream (the token route needs a session): status stays `off` and
 * the page relies on its queries.
 */
export function useLiveEvents({ types, showId, enabled = true, onEvent, onOpen }: LiveEventsOptions): LiveStatus {
  const signedIn = useSyncExternalStore(session.subscribe, () => session.get().status === 'signed-in');
  const [status, setStatus] = useState<Exclude<LiveStatus, 'off'>>('connecting');
  // The latest callbacks, without reopening the stream when a render passes new closures.
  const deliver = useEffectEvent((event: LiveEvent) => onEvent(event));
  const opened = useEffectEvent(() => onOpen?.());
  const typeList = types.join(',');
  const on = enabled && signedIn && typeList !== '';

  useEffect(() => {
    if (!on) return;
    let source: EventSource | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let lastEventId: string | undefined;
    let failures = 0;
    let closed = false;

    const receive = (message: MessageEvent<string>) => {
      if (message.lastEventId) lastEventId = message.lastEventId;
      let event: LiveEvent;
      try {
        event = JSON.parse(message.data) as LiveEvent;
      } catch {
        return; // not a message of this contract: ignore it rather than break the page
      }
      deliver(event);
    };

    const retry = () => {
      source?.close();
      source = undefined;
      if (closed) return;
      setStatus('connecting');
      timer = setTimeout(() => void open(), RETRY_MS[Math.min(failures, RETRY_MS.length - 1)]);
      failures += 1;
    };

    const open = async () => {
      const { data } = await api.POST('/api/notifications/stream-tokens', {}).catch(() => ({ data: undefined }));
      if (closed) return;
      if (!data) return retry();
      const query = new URLSearchParams({ token: data.token, types: typeList });
      if (showId) query.set('showId', showId);
      if (lastEventId) query.set('lastEventId', lastEventId);
      const next = new EventSource(`/api/notifications/stream?${query.toString()}`);
      source = next;
      for (const type of typeList.split(',')) next.addEventListener(type, receive as EventListener);
      next.onopen = () => {
        failures = 0;
        setStatus('live');
        opened();
      };
      next.onerror = retry;
    };

    void open();
    return () => {
      closed = true;
      clearTimeout(timer);
      source?.close();
      setStatus('connecting');
    };
  }, [on, typeList, showId]);

  return on ? status : 'off';
}

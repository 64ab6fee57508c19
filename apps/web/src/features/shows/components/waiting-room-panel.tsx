import { LiveBadge } from '@/components/live-badge';
import { ProblemAlert } from '@/components/problem-alert';
import { formatDateTime } from '@/lib/format';
import type { components } from '@/lib/api/openapi';
import { useJoinQueue, useLiveQueue, useQueueId, useQueuePlace } from '../api/waiting-room';

type Room = components['schemas']['ShowWaitingRoom'];
type Place = components['schemas']['QueuePlaceResponse'];

const waitText = (seconds: number): string => {
  if (seconds < 60) return 'less than a minute';
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `about ${minutes} minute${minutes === 1 ? '' : 's'}` : `about ${Math.round(minutes / 60)} h ${minutes % 60} min`;
};

/**
 * The waiting room of an on-sale: join, then the place and the estimated wait, moving live; once
 * admitted, the fan may hold seats until the token expires (`onAdmitted` hands it to the hold).
 */
export function WaitingRoomPanel({ showId, room, signedIn, onSignIn, children }: { showId: string; room: Room; signedIn: boolean; onSignIn: () => void; children: (place: Place | undefined) => React.ReactNode }) {
  const [queueId, setQueueId] = useQueueId(showId);
  const join = useJoinQueue(showId);
  const live = useLiveQueue(showId, signedIn && queueId !== undefined);
  const place = useQueuePlace(showId, signedIn ? queueId : undefined, live !== 'live');
  const admitted = place.data?.admitted === true;

  return (
    <>
      <section aria-labelledby="waiting-room-title" className="rounded-lg border-2 border-blue-700 bg-blue-50 p-4">
        <h2 id="waiting-room-title" className="text-lg font-semibold">
          Waiting room
          {queueId && !admitted ? <LiveBadge status={live} /> : null}
        </h2>
        {!queueId || !signedIn ? (
          <>
            <p>
              This on-sale uses a waiting room: take a place in the queue, and when it is your turn you can choose seats. Everyone who joins before {formatDateTime(room.opensAt)} gets a
              random place among the early arrivals; later arrivals join the end.
            </p>
            <button
              type="button"
              disabled={join.isPending}
              onClick={() => {
                if (!signedIn) return onSignIn();
                join.mutate(undefined, { onSuccess: (joined) => setQueueId(joined.queueId) });
              }}
              className="mt-2 rounded bg-blue-700 px-4 py-2 font-semibold text-white disabled:opacity-50"
            >
              {join.isPending ? 'Joining…' : 'Join the queue'}
            </button>
            <ProblemAlert error={join.error} />
          </>
        ) : place.isPending ? (
          <p>Finding your place…</p>
        ) : place.isError ? (
          <ProblemAlert error={place.error} />
        ) : admitted ? (
          <p className="font-semibold text-green-900" role="status">
            It is your turn: choose your seats below{place.data.admissionExpiresAt ? ` before ${formatDateTime(place.data.admissionExpiresAt)}` : ''}.
          </p>
        ) : (
          <div aria-live="polite">
            <p className="text-3xl font-bold" data-testid="queue-position">
              {place.data.position}
              <span className="ml-2 text-base font-normal">{place.data.position === 1 ? 'you are next' : 'in the queue'}</span>
            </p>
            <p>Estimated wait: {waitText(place.data.estimatedWaitSeconds)}. Keep this page open: it moves on by itself.</p>
          </div>
        )}
      </section>
      {children(admitted ? place.data : undefined)}
    </>
  );
}

import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { formatEvent } from '@tessera/platform/http/event-stream';
import { liveEventOf } from '@tessera/read-models';
import { fanAudienceOf, type Owners } from './fan-view';

/**
 * One event made ready for every client: its SSE message is formatted and encoded once for staff
 * and once per fan view (fan-view.ts), so sending it to a thousand clients is a lookup and a
 * socket write each.
 */
export interface FeedEntry {
  position: number;
  type: string;
  showId: string | undefined;
  /** The full message (staff and admin). */
  staffFrame: Buffer;
  /** The message every fan gets (seat availability), if any. */
  everyFanFrame?: Buffer;
  /** The message each owning fan gets, by user id. */
  ownerFrames?: ReadonlyMap<string, Buffer>;
}

const frameOf = (event: RecordedEvent, data: unknown): Buffer =>
  Buffer.from(formatEvent({ id: String(event.position), event: event.type, data: JSON.stringify({ ...liveEventOf(event), data }) }));

export const feedEntryOf = async (event: RecordedEvent, owners: Owners): Promise<FeedEntry> => {
  const showId = (event.data as { showId?: unknown }).showId;
  const entry: FeedEntry = {
    position: event.position,
    type: event.type,
    showId: typeof showId === 'string' ? showId : undefined,
    staffFrame: frameOf(event, event.data),
  };
  const audience = await fanAudienceOf(event, owners);
  if (audience.kind === 'every-fan') entry.everyFanFrame = frameOf(event, audience.data);
  else if (audience.kind === 'owners') entry.ownerFrames = new Map(audience.views.map(([userId, data]) => [userId, frameOf(event, data)]));
  return entry;
};

/**
 * The entries handed to the clients at once (one flush of the live feed). Most clients take
 * all of it as one buffer built once: staff without filters every message, fans without filters
 * and without an event of their own in it every seat message.
 */
export class FeedBatch {
  readonly first: number;
  readonly last: number;
  /** Users who own an event of this batch: their messages differ from the other fans'. */
  readonly owners = new Set<string>();
  private staff: Buffer | undefined;
  private everyFan: { frames: Buffer; count: number } | undefined;

  constructor(readonly entries: readonly FeedEntry[]) {
    this.first = entries[0].position;
    this.last = entries[entries.length - 1].position;
    for (const entry of entries) if (entry.ownerFrames) for (const userId of entry.ownerFrames.keys()) this.owners.add(userId);
  }

  get staffFrames(): Buffer {
    return (this.staff ??= Buffer.concat(this.entries.map((entry) => entry.staffFrame)));
  }

  get everyFanFrames(): { frames: Buffer; count: number } {
    if (!this.everyFan) {
      const frames = this.entries.flatMap((entry) => (entry.everyFanFrame ? [entry.everyFanFrame] : []));
      this.everyFan = { frames: Buffer.concat(frames), count: frames.length };
    }
    return this.everyFan;
  }
}

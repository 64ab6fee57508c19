import type { WaitingRoomEvent } from '@tessera/contracts';
import { compareEarly, earlyOrderKey, nextAdmissionAt, WaitingRoom, type WaitingRoomState } from '@tessera/domain';
import type { EventStore, RecordedEvent } from '@tessera/platform/event-store/event-store.port';

/**
 * One show's waiting room in memory: the decider's state folded from `queue-{showId}` and an
 * index that answers a place's position without a scan. The early places sit in an array sorted
 * by their shuffle key (binary search for the rank, a splice to insert: a memmove, not a scan of
 * places); later places know their arrival number; admissions are kept in order with their
 * times, for the token's expiry. Brought up to date by reading only what is new in the stream,
 * one refresh at a time, so every instance serves what the log says.
 */

interface IndexedPlace {
  userId: string;
  early: boolean;
  key: number;
  /** Arrival number among the later places (0-based); -1 for an early place. */
  lateIndex: number;
}

export interface PlaceStanding {
  userId: string;
  /** 1 for the next to be admitted; 0 once admitted. */
  position: number;
  estimatedWaitSeconds: number;
  admitted: boolean;
  /** When its admission was appended (ISO 8601 UTC). */
  admittedAt?: string;
}

export class RoomView {
  state: WaitingRoomState = WaitingRoom.initialState;
  revision: number | 'no_stream' = 'no_stream';
  /** The global position of the stream's last event read (0 before any). */
  lastPosition = 0;
  private readonly early: { key: number; queueId: string }[] = [];
  private readonly places = new Map<string, IndexedPlace>();
  private late = 0;
  private readonly admissions: { through: number; at: string }[] = [];
  private refreshing?: Promise<void>;

  constructor(
    private readonly store: EventStore,
    readonly stream: string,
  ) {}

  /** Reads what the stream has beyond this view; concurrent callers share one read. */
  refresh(): Promise<void> {
    this.refreshing ??= this.readNew().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async readNew(): Promise<void> {
    const from = this.revision === 'no_stream' ? 0 : this.revision + 1;
    for (const event of await this.store.readStream(this.stream, { fromRevision: from })) this.apply(event);
  }

  private apply(recorded: RecordedEvent): void {
    if (this.revision !== 'no_stream' && recorded.revision <= this.revision) return;
    const event = { type: recorded.type, data: recorded.data } as WaitingRoomEvent;
    this.state = WaitingRoom.evolve(this.state, event);
    this.revision = recorded.revision;
    this.lastPosition = recorded.position;
    this.index(event, recorded.metadata.occurredAt);
  }

  /**
   * Takes the events this instance has just appended at the view's revision (joins, admissions),
   * already folded into `state` by the caller (which decided them from this view's state), so
   * they are not folded a second time: a second fold from the same state would branch the shared
   * list of places and copy it. `occurredAt` is each event's metadata, as a refresh would read it.
   * Nothing happens if a refresh has read them meanwhile.
   */
  adopt(
    state: WaitingRoomState,
    events: readonly { event: WaitingRoomEvent; occurredAt: string }[],
    expectedRevision: number | 'no_stream',
    appended: { nextRevision: number; position: number },
  ): void {
    if (this.revision !== expectedRevision) return void this.refresh();
    this.state = state;
    this.revision = appended.nextRevision;
    this.lastPosition = appended.position;
    for (const { event, occurredAt } of events) this.index(event, occurredAt);
  }

  private index(event: WaitingRoomEvent, occurredAt: string): void {
    if (event.type === 'waiting_room.joined.v1') {
      const { queueId, userId, early } = event.data;
      const key = early ? earlyOrderKey(this.state.config?.seed ?? '', queueId) : 0;
      this.places.set(queueId, { userId, early, key, lateIndex: early ? -1 : this.late++ });
      if (early) this.early.splice(this.rankOf({ key, queueId }), 0, { key, queueId });
    } else if (event.type === 'waiting_room.admitted.v1') {
      this.admissions.push({ through: event.data.through, at: occurredAt });
    }
  }

  /** How many early places sort before this one. */
  private rankOf(place: { key: number; queueId: string }): number {
    let low = 0;
    let high = this.early.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compareEarly(this.early[mid], place) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** The place's 0-based index in the whole order. */
  private orderOf(queueId: string, place: IndexedPlace): number {
    return place.early ? this.rankOf({ key: place.key, queueId }) : this.early.length + place.lateIndex;
  }

  /** Where a place stands as of `now`, or undefined for a queue id the room never gave. */
  standing(queueId: string, now: Date): PlaceStanding | undefined {
    const place = this.places.get(queueId);
    if (!place) return undefined;
    const order = this.orderOf(queueId, place);
    const { through, config } = this.state;
    if (order < through) return { userId: place.userId, position: 0, estimatedWaitSeconds: 0, admitted: true, admittedAt: this.admissionOf(order) };
    const position = order - through + 1;
    const next = nextAdmissionAt(this.state);
    const untilNext = next === null ? 0 : Math.max(0, Date.parse(next) - now.getTime());
    const interval = config ? 60_000 / config.admitPerMinute : 0;
    return { userId: place.userId, position, estimatedWaitSeconds: Math.ceil((untilNext + (position - 1) * interval) / 1000), admitted: false };
  }

  /** The time of the admission that took the place at `order` (binary search over the admissions). */
  private admissionOf(order: number): string {
    let low = 0;
    let high = this.admissions.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.admissions[mid].through > order) high = mid;
      else low = mid + 1;
    }
    return this.admissions[low].at;
  }

  /** The queue id of the account's place, if it has one. */
  placeOf(userId: string): string | undefined {
    return WaitingRoom.placeOf(this.state, userId)?.queueId;
  }
}

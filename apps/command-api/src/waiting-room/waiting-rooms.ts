import { Injectable, Logger } from '@nestjs/common';
import { queueStream, type WaitingRoomEvent } from '@tessera/contracts';
import { DomainError, nextAdmissionAt, WaitingRoom } from '@tessera/domain';
import { deterministicEventId, metadataFor, type CommandContext } from '@tessera/platform/commands/event-sourcing';
import { EventStore, WrongExpectedRevisionError, type EventToAppend } from '@tessera/platform/event-store/event-store.port';
import { Metrics } from '@tessera/platform/observability/metrics';
import { Clock } from '@tessera/platform/time/clock';
import type { Counter } from 'prom-client';
import { RoomView, type PlaceStanding } from './room-view';

/**
 * The waiting rooms this instance serves, in memory (RoomView per show), and the two writes to
 * `queue-{showId}` that come in volume:
 * - joins, batched per show: the joins that arrive while one append is in flight are decided
 *   together against the view and appended in one append at the revision the view was read at.
 *   A flash sale's thousands of joins a second become a few appends, and another instance's
 *   append in between only makes the batch read again and decide again (one place per account
 *   holds across instances, since each decision sees every place the log has);
 * - admissions (the AdmissionSchedule's ticks): the same expected-revision append, so two
 *   instances ticking at once admit once.
 */

const JOIN_BATCH = 1000;
const JOIN_ATTEMPTS = 10;
/** Shows kept in memory; the least recently used goes first (it is read again from the log if needed). */
const ROOMS_KEPT = 1000;

export interface JoinedPlace extends PlaceStanding {
  queueId: string;
  /** The global position of the append that wrote the place (or of the room's last event, for a repeat). */
  logPosition: number;
}

interface PendingJoin {
  userId: string;
  queueId: string;
  context: CommandContext;
  resolve: (place: JoinedPlace) => void;
  reject: (error: unknown) => void;
}

@Injectable()
export class WaitingRooms {
  private readonly logger = new Logger('WaitingRooms');
  private readonly rooms = new Map<string, RoomView>();
  private readonly pending = new Map<string, PendingJoin[]>();
  private readonly flushing = new Set<string>();
  private readonly admissions: Counter<string>;

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    metrics: Metrics,
  ) {
    this.admissions = metrics.counter('tessera_waiting_room_admissions_total', 'Waiting-room places admitted (each admission appended by this instance)');
    metrics.gauge('tessera_waiting_room_queue_length', 'Places waiting in the open waiting rooms this instance serves, not yet admitted', [], (gauge) => {
      let waiting = 0;
      for (const room of this.rooms.values()) if (WaitingRoom.isOpenRoom(room.state)) waiting += WaitingRoom.waitingPlaces(room.state);
      gauge.set(waiting);
    });
  }

  /** The show's room as the log has it now. */
  async view(showId: string): Promise<RoomView> {
    let room = this.rooms.get(showId);
    if (room) {
      this.rooms.delete(showId); // to the end: most recently used
    } else {
      room = new RoomView(this.store, queueStream(showId));
      if (this.rooms.size >= ROOMS_KEPT) this.rooms.delete(this.rooms.keys().next().value as string);
    }
    this.rooms.set(showId, room);
    await room.refresh();
    return room;
  }

  /** Takes (or finds) the account's place; `queueId` is used only for a new place. */
  join(showId: string, userId: string, queueId: string, context: CommandContext): Promise<JoinedPlace> {
    return new Promise((resolve, reject) => {
      const queue = this.pending.get(showId) ?? [];
      queue.push({ userId, queueId, context, resolve, reject });
      this.pending.set(showId, queue);
      if (!this.flushing.has(showId)) void this.flush(showId);
    });
  }

  private async flush(showId: string): Promise<void> {
    this.flushing.add(showId);
    try {
      for (let queue = this.pending.get(showId); queue?.length; queue = this.pending.get(showId)) {
        const batch = queue.splice(0, JOIN_BATCH);
        await this.joinBatch(showId, batch).catch((error: unknown) => batch.forEach((join) => join.reject(error)));
      }
    } finally {
      this.flushing.delete(showId);
      this.pending.delete(showId);
    }
  }

  private async joinBatch(showId: string, batch: PendingJoin[]): Promise<void> {
    const stream = queueStream(showId);
    for (let attempt = 1; ; attempt++) {
      const room = await this.view(showId);
      let state = room.state;
      const appends: EventToAppend[] = [];
      const decided: WaitingRoomEvent[] = [];
      const refused = new Map<PendingJoin, unknown>();
      for (const join of batch) {
        try {
          const events = WaitingRoom.decide({ type: 'JoinQueue', data: { showId, queueId: join.queueId, userId: join.userId }, metadata: { now: join.context.now.toISOString() } }, state);
          for (const event of events) {
            state = WaitingRoom.evolve(state, event);
            decided.push(event);
            appends.push(this.toAppend(stream, event, join.context));
          }
        } catch (error) {
          refused.set(join, error);
        }
      }
      let logPosition = 0;
      if (appends.length > 0) {
        const expectedRevision = room.revision;
        try {
          const appended = await this.store.append(stream, appends, { expectedRevision });
          logPosition = appended.position;
          room.adopt(state, decided, expectedRevision, appended);
        } catch (error) {
          if (error instanceof WrongExpectedRevisionError && attempt < JOIN_ATTEMPTS) continue; // another instance wrote: decide again
          if (error instanceof WrongExpectedRevisionError) throw new DomainError('CONCURRENCY_CONFLICT', 'the waiting room is changing too fast; try again', {});
          throw error;
        }
      }
      if (logPosition === 0) logPosition = room.lastPosition; // only repeats: the room as they found it
      const now = this.clock.now();
      for (const join of batch) {
        const error = refused.get(join);
        if (error !== undefined) {
          join.reject(error);
          continue;
        }
        const queueId = room.placeOf(join.userId) as string;
        const standing = room.standing(queueId, join.context.now > now ? join.context.now : now) as PlaceStanding;
        join.resolve({ ...standing, queueId, logPosition });
      }
      return;
    }
  }

  private toAppend(stream: string, event: WaitingRoomEvent, context: CommandContext): EventToAppend {
    return { id: deterministicEventId(context.causationId, stream, 0), type: event.type, data: event.data, metadata: metadataFor(context, event.type) };
  }

  /**
   * One admission tick: the places the rate allows by `now`, appended at the revision read (a
   * conflict means another instance ticked: read again, decide again). Answers when the next
   * place is due, or null when nobody waits (a join brings the room back).
   */
  async admit(showId: string, now: Date): Promise<string | null> {
    const stream = queueStream(showId);
    for (let attempt = 1; ; attempt++) {
      const room = await this.view(showId);
      const events = WaitingRoom.decide({ type: 'AdmitPlaces', data: { showId }, metadata: { now: now.toISOString() } }, room.state);
      if (events.length === 0) return nextAdmissionAt(room.state);
      const [admitted] = events as Extract<WaitingRoomEvent, { type: 'waiting_room.admitted.v1' }>[];
      const context: CommandContext = { actorId: 'system:waiting-room', correlationId: `admit-${showId}`, causationId: `admit-${showId}-${admitted.data.through}`, now };
      try {
        await this.store.append(stream, [this.toAppend(stream, admitted, context)], { expectedRevision: room.revision });
        this.admissions.inc(admitted.data.count);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError) || attempt >= 3) throw error;
        this.logger.debug({ showId }, 'another instance admitted meanwhile; reading again');
        continue;
      }
      await room.refresh();
      return nextAdmissionAt(room.state);
    }
  }
}

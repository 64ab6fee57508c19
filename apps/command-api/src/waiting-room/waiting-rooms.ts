import { Injectable, Logger } from '@nestjs/common';
import { queueStream, type WaitingRoomEvent } from '@tessera/contracts';
import { DomainError, nextAdmissionAt, WaitingRoom, type WaitingRoomState } from '@tessera/domain';
import { deterministicEventId, metadataFor, type CommandContext } from '@tessera/platform/commands/event-sourcing';
import { EventStore, WrongExpectedRevisionError, type AppendResult, type EventToAppend } from '@tessera/platform/event-store/event-store.port';
import { Metrics } from '@tessera/platform/observability/metrics';
import { Clock } from '@tessera/platform/time/clock';
import type { Counter } from 'prom-client';
import { RoomView, type PlaceStanding } from './room-view';

/**
 * The waiting rooms this instance serves, in memory (RoomView per show), and the two writes to
 * `queue-{showId}` that come in volume, joins and admissions (the AdmissionSchedule's ticks).
 * Both go through one lane per show, which decides them in batches against the room and appends
 * each batch at the revision it was decided at:
 * - the commands that arrive in one turn of the event loop, or while the batches in flight are
 *   as many as allowed, are decided together, one append;
 * - where the store pipelines appends (the embedded log, `EventStore.pipelinesAppends`), the next
 *   batch is decided and appended while the previous one is still being written and synced: it is
 *   decided against the state the previous batch leads to, at the revision that batch will make,
 *   naming its last event (`expectedEventId`), so the group commit writes them together and the
 *   event loop does not idle through an fdatasync. Elsewhere one batch is in flight at a time;
 * - batches are answered in the order they were decided, each once its append is durable;
 * - a conflict (another instance wrote) fails the batch and, since they count on it, every batch
 *   sent after it: their commands are decided again, in their order of arrival, against the room
 *   read again once nothing is in flight. One place per account holds across instances, since
 *   each decision sees every place the log has; a failed write refuses its commands (and the
 *   store refuses those queued behind it with the same error).
 * Admissions in the same lane are decided against the places the batches ahead of them hold, so
 * a stream of joins does not make every admission conflict; two instances ticking at once still
 * admit once (the expected revision).
 */

const JOIN_BATCH = 1000;
const JOIN_ATTEMPTS = 10;
const ADMIT_ATTEMPTS = 3;
/**
 * Batches of one room in flight at once, where the store pipelines appends; beyond, commands wait
 * for the oldest. Two: one being written and synced, the next one queued behind it, so the log
 * never waits for a decision, while the commands that arrive meanwhile gather into one batch. With
 * a batch per turn of the event loop (64 in flight) every round carried many small frames and
 * took longer: 1,284-1,336 joins/s against 1,675-1,844 with 2 (bench/RESULTS.md, o16-joins).
 */
const BATCHES_IN_FLIGHT = 2;
/** Shows kept in memory; the least recently used goes first (it is read again from the log if needed). */
const ROOMS_KEPT = 1000;

export interface JoinedPlace extends PlaceStanding {
  queueId: string;
  /** The global position of the append that wrote the place (or of the room's last event, for a repeat). */
  logPosition: number;
}

type RoomCommand =
  | { kind: 'join'; userId: string; queueId: string; context: CommandContext; attempts: number; resolve: (place: JoinedPlace) => void; reject: (error: unknown) => void }
  | { kind: 'admit'; now: Date; attempts: number; resolve: (next: string | null) => void; reject: (error: unknown) => void };

/** A room as a batch is decided against: the view's, or the one the batch ahead of it leads to. */
interface Tip {
  room: RoomView;
  state: WaitingRoomState;
  revision: number | 'no_stream';
  /** The last event of the batch that leads here, while it is in flight. */
  lastEventId?: string;
}

interface Batch {
  commands: RoomCommand[];
  refused: Map<RoomCommand, unknown>;
  decided: { event: WaitingRoomEvent; occurredAt: string }[];
  expectedRevision: number | 'no_stream';
  after: Tip;
  admitted: number;
  /** Never rejects: the append's result (undefined when there was nothing to append) or its error. */
  outcome: Promise<{ result: AppendResult | undefined } | { error: unknown }>;
}

interface Lane {
  queue: RoomCommand[];
  inFlight: Batch[];
  /** Set by a failed batch until every batch sent after it is answered; `retry` holds their commands. */
  draining: boolean;
  retry: RoomCommand[];
  scheduled: boolean;
  sending: boolean;
  settling: boolean;
}

@Injectable()
export class WaitingRooms {
  private readonly logger = new Logger('WaitingRooms');
  private readonly rooms = new Map<string, RoomView>();
  private readonly lanes = new Map<string, Lane>();
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
    return new Promise((resolve, reject) => this.enqueue(showId, { kind: 'join', userId, queueId, context, attempts: 0, resolve, reject }));
  }

  /**
   * One admission tick: the places the rate allows by `now`, appended in the room's lane (a
   * conflict means another instance ticked: read again, decide again). Answers when the next
   * place is due, or null when nobody waits (a join brings the room back).
   */
  admit(showId: string, now: Date): Promise<string | null> {
    return new Promise((resolve, reject) => this.enqueue(showId, { kind: 'admit', now, attempts: 0, resolve, reject }));
  }

  private get depth(): number {
    return this.store.pipelinesAppends ? BATCHES_IN_FLIGHT : 1;
  }

  private enqueue(showId: string, command: RoomCommand): void {
    let lane = this.lanes.get(showId);
    if (!lane) this.lanes.set(showId, (lane = { queue: [], inFlight: [], draining: false, retry: [], scheduled: false, sending: false, settling: false }));
    lane.queue.push(command);
    if (lane.scheduled) return;
    lane.scheduled = true;
    const scheduled = lane;
    // After this turn's I/O: the commands that arrive together are decided together.
    setImmediate(() => {
      scheduled.scheduled = false;
      void this.send(showId, scheduled);
    });
  }

  /** Decides and appends batches while commands wait and the pipeline has room. */
  private async send(showId: string, lane: Lane): Promise<void> {
    if (lane.sending) return;
    lane.sending = true;
    try {
      while (lane.queue.length > 0 && !lane.draining && lane.inFlight.length < this.depth) {
        let base = lane.inFlight.at(-1)?.after;
        if (!base) {
          const room = await this.view(showId);
          base = { room, state: room.state, revision: room.revision };
        }
        lane.inFlight.push(this.decideBatch(showId, base, lane.queue.splice(0, JOIN_BATCH)));
        void this.settle(showId, lane);
      }
    } catch (error) {
      // The room could not be read: nothing waiting can be decided.
      for (const command of lane.queue.splice(0)) command.reject(error);
    } finally {
      lane.sending = false;
      this.release(showId, lane);
    }
  }

  private decideBatch(showId: string, base: Tip, commands: RoomCommand[]): Batch {
    const stream = queueStream(showId);
    let state = base.state;
    const appends: EventToAppend[] = [];
    const decided: Batch['decided'] = [];
    const refused = new Map<RoomCommand, unknown>();
    let admitted = 0;
    for (const command of commands) {
      try {
        const events =
          command.kind === 'join'
            ? WaitingRoom.decide({ type: 'JoinQueue', data: { showId, queueId: command.queueId, userId: command.userId }, metadata: { now: command.context.now.toISOString() } }, state)
            : WaitingRoom.decide({ type: 'AdmitPlaces', data: { showId }, metadata: { now: command.now.toISOString() } }, state);
        for (const event of events) {
          state = WaitingRoom.evolve(state, event);
          const context = command.kind === 'join' ? command.context : this.admissionContext(showId, event, command.now);
          const append = this.toAppend(stream, event, context);
          appends.push(append);
          decided.push({ event, occurredAt: append.metadata.occurredAt });
          if (event.type === 'waiting_room.admitted.v1') admitted += event.data.count;
        }
      } catch (error) {
        refused.set(command, error);
      }
    }
    const expectedRevision = base.revision;
    if (appends.length === 0) return { commands, refused, decided, expectedRevision, after: base, admitted, outcome: Promise.resolve({ result: undefined }) };
    // Counting on the batch ahead while it is in flight: refused with it if it fails, wherever the stream is by then.
    const options = base.lastEventId === undefined ? { expectedRevision } : { expectedRevision, expectedEventId: base.lastEventId };
    const outcome = this.store.append(stream, appends, options).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    const revision = (expectedRevision === 'no_stream' ? -1 : expectedRevision) + appends.length;
    return { commands, refused, decided, expectedRevision, after: { room: base.room, state, revision, lastEventId: appends[appends.length - 1].id }, admitted, outcome };
  }

  /** Answers the batches in the order they were sent. */
  private async settle(showId: string, lane: Lane): Promise<void> {
    if (lane.settling) return;
    lane.settling = true;
    try {
      while (lane.inFlight.length > 0) {
        const batch = lane.inFlight[0];
        const outcome = await batch.outcome;
        lane.inFlight.shift();
        if ('error' in outcome) this.failed(lane, batch, outcome.error);
        else if (lane.draining) lane.retry.push(...batch.commands); // decided on a batch that failed: decide again against the log
        else this.answer(batch, outcome.result);
        if (lane.draining && lane.inFlight.length === 0) {
          lane.draining = false;
          lane.queue.unshift(...lane.retry.splice(0));
        }
        void this.send(showId, lane);
      }
    } finally {
      lane.settling = false;
      this.release(showId, lane);
    }
  }

  private failed(lane: Lane, batch: Batch, error: unknown): void {
    const first = !lane.draining;
    lane.draining = true;
    if (!(error instanceof WrongExpectedRevisionError)) {
      for (const command of batch.commands) command.reject(error);
      return;
    }
    if (first) this.logger.debug({ stream: error.stream }, 'another writer appended meanwhile; deciding the batch again');
    for (const command of batch.commands) {
      // Only the batch that met the conflict counts it; those after it failed because it did.
      if (first && ++command.attempts >= (command.kind === 'join' ? JOIN_ATTEMPTS : ADMIT_ATTEMPTS)) {
        command.reject(command.kind === 'join' ? new DomainError('CONCURRENCY_CONFLICT', 'the waiting room is changing too fast; try again', {}) : error);
      } else {
        lane.retry.push(command);
      }
    }
  }

  private answer(batch: Batch, result: AppendResult | undefined): void {
    const { room, state } = batch.after;
    if (result) room.adopt(state, batch.decided, batch.expectedRevision, result);
    if (batch.admitted > 0) this.admissions.inc(batch.admitted);
    const logPosition = result?.position ?? room.lastPosition; // only repeats: the room as they found it
    const now = this.clock.now();
    for (const command of batch.commands) {
      const error = batch.refused.get(command);
      if (error !== undefined) command.reject(error);
      else if (command.kind === 'admit') command.resolve(nextAdmissionAt(room.state));
      else {
        const queueId = WaitingRoom.placeOf(state, command.userId)?.queueId as string;
        const standing = room.standing(queueId, command.context.now > now ? command.context.now : now);
        if (standing) command.resolve({ ...standing, queueId, logPosition });
        else command.reject(new Error(`the room's view of ${room.stream} lacks place ${queueId} after its append`));
      }
    }
  }

  /** Forgets an idle lane. */
  private release(showId: string, lane: Lane): void {
    const idle = lane.queue.length === 0 && lane.inFlight.length === 0 && lane.retry.length === 0 && !lane.scheduled && !lane.sending && !lane.settling;
    if (idle && this.lanes.get(showId) === lane) this.lanes.delete(showId);
  }

  private admissionContext(showId: string, event: WaitingRoomEvent, now: Date): CommandContext {
    const through = event.type === 'waiting_room.admitted.v1' ? event.data.through : 0;
    return { actorId: 'system:waiting-room', correlationId: `admit-${showId}`, causationId: `admit-${showId}-${through}`, now };
  }

  private toAppend(stream: string, event: WaitingRoomEvent, context: CommandContext): EventToAppend {
    return { id: deterministicEventId(context.causationId, stream, 0), type: event.type, data: event.data, metadata: metadataFor(context, event.type) };
  }
}

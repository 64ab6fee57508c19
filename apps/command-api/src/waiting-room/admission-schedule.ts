import { Injectable, Logger } from '@nestjs/common';
import { WAITING_ROOM_EVENT_TYPES, type WaitingRoomEvent } from '@tessera/contracts';
import type { TesseraConfig } from '@tessera/platform/config/config';
import type { RecordedEvent } from '@tessera/platform/event-store/event-store.port';
import { InjectConfig } from '@tessera/platform/platform.module';
import { Subscriptions } from '@tessera/platform/subscriptions/subscriptions';
import { Clock } from '@tessera/platform/time/clock';
import { LogSchedule, type ScheduledEntry } from '../schedules/log-schedule';
import { WaitingRooms } from './waiting-rooms';

export const ADMISSION_CHECKPOINT = 'command-api.waiting-room-admissions';

interface RoomEntry extends ScheduledEntry {
  dueAt: number;
}

/**
 * Admission at each room's rate: one entry per show whose room has places waiting, due when the
 * next place may be admitted (the opening, then every `60 / admitPerMinute` seconds). The work
 * (WaitingRooms.admit) decides from the stream and appends at the revision read, so instances
 * ticking together admit once; it names the next due time, or none when the room is empty, and
 * a join brings the room back. The entry keeps the position of the room's first event still
 * waiting, so after a restart the subscription finds the room again in the log.
 */
@Injectable()
export class AdmissionSchedule extends LogSchedule<RoomEntry, WaitingRoomEvent> {
  constructor(
    subscriptions: Subscriptions,
    private readonly rooms: WaitingRooms,
    clock: Clock,
    @InjectConfig() config: TesseraConfig,
  ) {
    super(
      new Logger('AdmissionSchedule'),
      { checkpoint: ADMISSION_CHECKPOINT, filter: { eventTypes: WAITING_ROOM_EVENT_TYPES }, sweepIntervalMs: config.WAITING_ROOM_TICK_MS },
      subscriptions,
      clock,
    );
  }

  protected track(event: WaitingRoomEvent, recorded: RecordedEvent): void {
    const { showId } = event.data;
    if (event.type === 'waiting_room.configured.v1') {
      // Due at the opening; a disabled room still gets one pass, which finds nothing to do.
      this.add(showId, { position: this.pending().get(showId)?.position ?? recorded.position, dueAt: Date.parse(event.data.opensAt) });
    } else {
      // A place taken (or admitted): a room not waiting here is looked at now, and one waiting keeps
      // its time. Replacing the entry also keeps it if a tick that read the room before this
      // place finds nobody waiting (the schedule drops only an entry left unchanged by its work).
      const waiting = this.pending().get(showId);
      this.add(showId, { position: waiting?.position ?? recorded.position, dueAt: waiting?.dueAt ?? Date.parse(recorded.recordedAt) });
    }
  }

  protected dueAt(entry: RoomEntry): number {
    return entry.dueAt;
  }

  protected async work(showId: string, now: Date): Promise<void> {
    const next = await this.rooms.admit(showId, now);
    const entry = this.pending().get(showId);
    if (next !== null && entry) this.add(showId, { position: entry.position, dueAt: Date.parse(next) });
  }
}

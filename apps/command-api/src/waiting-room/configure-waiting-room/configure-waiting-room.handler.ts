import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { queueStream, type WaitingRoomResponse } from '@tessera/contracts';
import { decideConfigureWaitingRoom, waitingRoomDecider, type RoomConfig } from '@tessera/domain';
import { handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { readShow } from '../../bookings/box-office-streams';
import { ConfigureWaitingRoomCommand } from './configure-waiting-room.command';

const answerOf = (showId: string, config: RoomConfig, position: number): WaitingRoomResponse => ({
  showId,
  enabled: config.enabled,
  opensAt: config.opensAt,
  admitPerMinute: config.admitPerMinute,
  tokenMinutes: config.tokenMinutes,
  position: String(position),
});

/**
 * PUT /api/shows/{showId}/waiting-room: reads the show and `queue-{showId}`, lets the
 * WaitingRoom decider decide, appends at the revision read. The same settings again answer what
 * the room has, with nothing written.
 */
@CommandHandler(ConfigureWaitingRoomCommand)
export class ConfigureWaitingRoomHandler implements ICommandHandler<ConfigureWaitingRoomCommand, WaitingRoomResponse> {
  constructor(private readonly store: EventStore) {}

  execute({ showId, settings, seed, context }: ConfigureWaitingRoomCommand): Promise<WaitingRoomResponse> {
    const stream = queueStream(showId);
    return handleCommand(this.store, {
      context,
      read: async (streams) => {
        const [show, room] = await Promise.all([readShow(streams, showId), streams.read(stream, waitingRoomDecider)]);
        return { show: show.state, room };
      },
      decide: ({ show, room }) => {
        const data = { showId, ...settings, seed, byAdminId: context.actorId };
        const events = decideConfigureWaitingRoom({ show, room: room.state, command: { type: 'ConfigureWaitingRoom', data } });
        if (events.length === 0) {
          const last = room.events[room.events.length - 1];
          return { answer: answerOf(showId, room.state.config as RoomConfig, last.position) };
        }
        const [configured] = events as Extract<(typeof events)[number], { type: 'waiting_room.configured.v1' }>[];
        return { append: { [stream]: events }, answer: ({ position }) => answerOf(showId, configured.data, position) };
      },
    });
  }
}

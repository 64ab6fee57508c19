import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ticketStream, type CheckInResponse, type TicketEvent } from '@tessera/contracts';
import { DomainError, Ticket } from '@tessera/domain';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { CheckInCommand } from './check-in.command';

/**
 * Check-in happens exactly once per ticket, however many gates scan the code at the same moment:
 * every scan decides on the ticket stream and appends at the revision it read, so only one append
 * can land. The others fail on the revision, re-read, and the decider then answers
 * ALREADY_CHECKED_IN. The code is verified first, so a forged one never reaches the log.
 */
@CommandHandler(CheckInCommand)
export class CheckInHandler implements ICommandHandler<CheckInCommand> {
  constructor(
    private readonly events: EventStore,
    private readonly codes: TicketCodes,
  ) {}

  async execute({ code, staffId, context }: CheckInCommand): Promise<CheckInResponse> {
    const claims = this.codes.verify(code);
    if (!claims) throw new DomainError('INVALID_TICKET', 'the code does not belong to a valid ticket');
    const { ticketId, version } = claims;
    const stream = ticketStream(ticketId);
    return handleCommand(this.events, {
      context,
      read: (streams) => streams.read(stream, Ticket.ticketDecider),
      decide: (ticket): Decision<CheckInResponse> => {
        const decided = Ticket.decide(
          { type: 'CheckIn', data: { ticketId, version, staffId }, metadata: { now: context.now.toISOString() } },
          ticket.state,
        );
        const [checkedIn] = decided as Extract<TicketEvent, { type: 'ticket.checked-in.v1' }>[];
        const { showId, seatId, checkedInAt } = checkedIn.data;
        return { append: { [stream]: decided }, answer: ({ position }) => ({ ticketId, showId, seatId, checkedInAt, position: String(position) }) };
      },
    });
  }
}

import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { emailStream, ticketStream, type TicketEvent, type TransferTicketResponse } from '@tessera/contracts';
import { DomainError, emailReservationDecider, Ticket } from '@tessera/domain';
import { loadStream } from '@tessera/platform/commands/event-sourcing';
import { Decision, handleCommand } from '@tessera/platform/commands/handle-command';
import { EventStore } from '@tessera/platform/event-store/event-store.port';
import { hashEmail } from '@tessera/platform/security/email-hash';
import { TicketCodes } from '@tessera/platform/security/ticket-codes';
import { TransferTicketCommand } from './transfer-ticket.command';

/**
 * Read the ticket and the recipient's e-mail reservation, decide, append at the ticket's
 * revision. The new version is what the new code is signed over, so the old code is refused at
 * the gate from the moment this append lands.
 */
@CommandHandler(TransferTicketCommand)
export class TransferTicketHandler implements ICommandHandler<TransferTicketCommand> {
  constructor(
    private readonly events: EventStore,
    private readonly codes: TicketCodes,
  ) {}

  async execute({ ticketId, userId, toEmail, context }: TransferTicketCommand): Promise<TransferTicketResponse> {
    const recipient = await loadStream(
      this.events,
      emailStream(hashEmail(toEmail)),
      emailReservationDecider.evolve,
      emailReservationDecider.initialState,
    );
    const stream = ticketStream(ticketId);
    return handleCommand(this.events, {
      context,
      // The recipient's reservation was read once, above: the ticket is what the append guards.
      read: (streams) => streams.read(stream, Ticket.ticketDecider),
      decide: (ticket): Decision<TransferTicketResponse> => {
        if (recipient.state.status !== 'reserved') {
          // Someone else's ticket must answer as a missing one whatever e-mail was given, or the
          // 404 for an unknown address would reveal that the ticket exists.
          if (!Ticket.isIssued(ticket.state) || ticket.state.ownerId !== userId) {
            throw new DomainError('TICKET_NOT_FOUND', `ticket ${ticketId} does not exist`, { ticketId });
          }
          throw new DomainError('USER_NOT_FOUND', 'no account is registered under that e-mail');
        }
        const decided = Ticket.decide(
          { type: 'TransferTicket', data: { ticketId, byOwnerId: userId, toOwnerId: recipient.state.userId } },
          ticket.state,
        );
        const [transferred] = decided as Extract<TicketEvent, { type: 'ticket.transferred.v1' }>[];
        return {
          append: { [stream]: decided },
          answer: ({ position }) => ({
            ticketId,
            ownerId: transferred.data.toOwnerId,
            code: this.codes.sign({ ticketId, version: transferred.data.version }),
            position: String(position),
          }),
        };
      },
    });
  }
}

import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CheckInController } from './check-in/check-in.http.controller';
import { CheckInHandler } from './check-in/check-in.handler';
import { TransferTicketController } from './transfer-ticket/transfer-ticket.http.controller';
import { TransferTicketHandler } from './transfer-ticket/transfer-ticket.handler';

/** Tickets after the sale: handing one to another account, and the scan at the gate. */
@Module({
  imports: [CqrsModule],
  controllers: [TransferTicketController, CheckInController],
  providers: [TransferTicketHandler, CheckInHandler],
})
export class TicketsModule {}

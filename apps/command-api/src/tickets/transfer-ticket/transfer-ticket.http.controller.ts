import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { TransferTicketRequest, type TransferTicketResponse } from '@tessera/contracts';
import { TransferTicketResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, AuthenticatedUser, commandContextOf, CurrentUser } from '@tessera/platform/auth/auth';
import { Clock } from '@tessera/platform/time/clock';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply } from 'fastify';
import { ticketIdFromPath } from '../ticket-id';
import { TransferTicketCommand } from './transfer-ticket.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

@Controller('api/tickets')
export class TransferTicketController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  /** Owner only: another user's ticket answers 404 like a missing one. */
  @ApiOkResponse({ type: TransferTicketResponseSchema })
  @ApiProblems('TICKET_NOT_FOUND', 'INVALID_TICKET_STATE', 'USER_NOT_FOUND')
  @Idempotent()
  @Post(':ticketId/transfer')
  @HttpCode(200)
  async transfer(
    @Param('ticketId') ticketId: string,
    @Body() body: TransferTicketRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<TransferTicketResponse> {
    const result = await this.commands.execute(
      new TransferTicketCommand(ticketIdFromPath(ticketId), user.userId, body.toEmail, commandContextOf(req, this.clock)),
    );
    res.header('X-Position', result.position);
    return result;
  }
}

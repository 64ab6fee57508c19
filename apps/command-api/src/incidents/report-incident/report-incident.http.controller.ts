import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse } from '@nestjs/swagger';
import { ReportIncidentRequest, type ReportIncidentResponse } from '@tessera/contracts';
import { ReportIncidentResponseSchema } from '@tessera/contracts/openapi';
import { AuthenticatedRequest, AuthenticatedUser, commandContextOf, CurrentUser } from '@tessera/platform/auth/auth';
import { deterministicEventId } from '@tessera/platform/commands/event-sourcing';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { Clock, IdGenerator } from '@tessera/platform/time/clock';
import type { FastifyReply } from 'fastify';
import { ReportIncidentCommand } from './report-incident.command';
import { Idempotent } from '@tessera/platform/http/idempotency.interceptor';

/** Any signed-in user reports an incident; it starts `new`, at the priority of its urgency. */
@Controller('api/incidents')
export class ReportIncidentHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  @ApiCreatedResponse({ type: ReportIncidentResponseSchema })
  @ApiProblems('INCIDENT_EXISTS')
  @Idempotent()
  @Post()
  @HttpCode(201)
  async report(
    @Body() body: ReportIncidentRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<ReportIncidentResponse> {
    const context = commandContextOf(req, this.clock);
    // With an Idempotency-Key the id follows from it, so a retry after a crash finds its incident.
    const incidentId = req.commandId ? deterministicEventId(req.commandId, 'incident', 0) : this.ids.newId();
    const result = await this.commands.execute(new ReportIncidentCommand(incidentId, user.userId, body, context));
    res.header('X-Position', result.position);
    return result;
  }
}

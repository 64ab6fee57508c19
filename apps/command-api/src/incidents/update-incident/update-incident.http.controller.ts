import { Body, Controller, HttpCode, Param, Patch, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { UPDATE_INCIDENT_FIELDS, UpdateIncidentRequest, type UpdateIncidentResponse } from '@tessera/contracts';
import { UpdateIncidentResponseSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { AuthenticatedRequest, AuthenticatedUser, commandContextOf, CurrentUser, Roles } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { Clock } from '@tessera/platform/time/clock';
import type { FastifyReply } from 'fastify';
import { incidentIdFromPath } from '../incident-id';
import { UpdateIncidentCommand } from './update-incident.command';

@Controller('api/incidents')
export class UpdateIncidentHttpController {
  constructor(
    private readonly commands: CommandBus,
    private readonly clock: Clock,
  ) {}

  /** Staff and admin; at least one field. An illegal status move answers 409 and changes nothing. */
  @ApiOkResponse({ type: UpdateIncidentResponseSchema })
  @ApiProblems('INCIDENT_NOT_FOUND', 'INVALID_TRANSITION')
  @Patch(':incidentId')
  @Roles('staff', 'admin')
  @HttpCode(200)
  async update(
    @Param('incidentId') incidentId: string,
    @Body() body: UpdateIncidentRequest,
    @CurrentUser() user: AuthenticatedUser,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<UpdateIncidentResponse> {
    // `assigneeId: null` is a change (the assignment is taken away); an absent field is not.
    if (!UPDATE_INCIDENT_FIELDS.some((field) => body[field] !== undefined)) {
      throw new DomainError('VALIDATION_FAILED', 'name at least one field to change', {
        errors: [{ field: 'body', message: `must have at least one of ${UPDATE_INCIDENT_FIELDS.join(', ')}` }],
      });
    }
    const result = await this.commands.execute(
      new UpdateIncidentCommand(incidentIdFromPath(incidentId), user.userId, body, commandContextOf(req, this.clock)),
    );
    res.header('X-Position', result.position);
    return result;
  }
}

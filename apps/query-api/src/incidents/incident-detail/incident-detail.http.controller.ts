import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse } from '@nestjs/swagger';
import { ENTITY_ID_PATTERN, type IncidentView } from '@tessera/contracts';
import { IncidentViewSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { CurrentUser, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { IncidentDetailQuery } from './incident-detail.query';

@UseInterceptors(MinPositionInterceptor)
@Controller('api/incidents')
export class IncidentDetailHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: IncidentViewSchema })
  @ApiProblems('INCIDENT_NOT_FOUND')
  @Get(':incidentId')
  incident(@Param('incidentId') incidentId: string, @CurrentUser() user: AuthenticatedUser): Promise<IncidentView> {
    // An id that could name no incident answers the same 404, without a read.
    if (!ENTITY_ID_PATTERN.test(incidentId)) throw new DomainError('INCIDENT_NOT_FOUND', 'no such incident', {});
    return this.queries.execute(new IncidentDetailQuery(incidentId, user.userId, user.roles));
  }
}

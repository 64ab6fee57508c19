import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { IncidentView } from '@tessera/contracts';
import { DomainError } from '@tessera/domain';
import { ReadStore } from '@tessera/platform/read-store/read-store.port';
import { incidentsIn, incidentViewOf } from '../incident-view';
import { IncidentDetailQuery } from './incident-detail.query';

/** Staff see every incident; a reporter their own; anyone else gets the 404 of a missing one. */
@QueryHandler(IncidentDetailQuery)
export class IncidentDetailHandler implements IQueryHandler<IncidentDetailQuery, IncidentView> {
  constructor(private readonly reads: ReadStore) {}

  async execute({ incidentId, userId, roles }: IncidentDetailQuery): Promise<IncidentView> {
    const doc = await incidentsIn(this.reads).findOne({ _id: incidentId });
    const staff = roles.includes('staff') || roles.includes('admin');
    if (!doc || (!staff && doc.reporterId !== userId)) {
      throw new DomainError('INCIDENT_NOT_FOUND', `incident ${incidentId} does not exist`, { incidentId });
    }
    return incidentViewOf(doc);
  }
}

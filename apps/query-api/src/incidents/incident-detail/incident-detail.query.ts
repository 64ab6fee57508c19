import { Query } from '@nestjs/cqrs';
import type { Role } from '@tessera/contracts';
import type { IncidentView } from '@tessera/contracts';

/** One incident with its history, for its reporter or for staff. */
export class IncidentDetailQuery extends Query<IncidentView> {
  constructor(
    readonly incidentId: string,
    readonly userId: string,
    readonly roles: readonly Role[],
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { IncidentListResponse } from '@tessera/contracts';
import type { IncidentFilters } from './incident-list-parameters';

/** One page of incidents matching the filters, newest first, after the cursor's incident when there is one. */
export class IncidentListQuery extends Query<IncidentListResponse> {
  constructor(
    readonly filters: IncidentFilters,
    readonly limit: number,
    readonly before: number | undefined,
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { ShowListResponse } from '@tessera/contracts';
import type { ShowCursor } from './catalogue-cursor';

/** One page of the listed shows, in start order, after the cursor's show when there is one. */
export class ShowCatalogueQuery extends Query<ShowListResponse> {
  constructor(
    readonly limit: number,
    readonly after: ShowCursor | undefined,
  ) {
    super();
  }
}

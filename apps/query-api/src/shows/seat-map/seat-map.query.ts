import { Query } from '@nestjs/cqrs';
import type { AuthenticatedUser } from '@tessera/platform/auth/auth';
import type { RenderedSeatMap } from './seat-map-renderer';

/**
 * A show's seats, or one section's when `section` is given. The answer is a `SeatMapResponse`
 * already encoded as JSON with its ETag: a 60,000-seat map is served from cached buffers, never
 * built as objects and serialised per request.
 */
export class SeatMapQuery extends Query<RenderedSeatMap> {
  constructor(
    readonly showId: string,
    readonly section: string | undefined,
    readonly viewer: AuthenticatedUser | undefined,
  ) {
    super();
  }
}

import { Injectable } from '@nestjs/common';
import { MinPositionInterceptorOf, recentEventsDescriptor } from '@tessera/read-models';

/** X-Min-Position on GET /api/notifications/events: it reads the recent_events read model. */
@Injectable()
export class RecentEventsMinPosition extends MinPositionInterceptorOf {
  protected readonly readModels = [recentEventsDescriptor];
}

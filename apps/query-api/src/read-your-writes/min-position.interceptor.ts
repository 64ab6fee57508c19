import { Injectable } from '@nestjs/common';
import { MinPositionInterceptorOf, PROJECTION_DESCRIPTORS } from '@tessera/read-models';

/** X-Min-Position on the query API's reads: they read every read model of the projector. */
@Injectable()
export class MinPositionInterceptor extends MinPositionInterceptorOf {
  protected readonly readModels = PROJECTION_DESCRIPTORS;
}

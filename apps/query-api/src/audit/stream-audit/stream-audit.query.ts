import { Query } from '@nestjs/cqrs';
import type { EventMetadata } from '@tessera/contracts';

/** Body of GET /api/audit/streams/{streamName} (API.md, Audit and analytics). */
export interface StreamAuditResponse {
  stream: string;
  /** The aggregate the state was folded with, when the prefix names one. */
  aggregate: string | null;
  /** The revision the state is as of (the last one when `at` is not given). */
  at: number;
  events: {
    revision: number;
    position: string;
    type: string;
    data: unknown;
    metadata: Omit<EventMetadata, 'schemaVersion'> & { schemaVersion?: number };
    recordedAt: string;
  }[];
  state: unknown;
}

/** A stream's whole history, and its state as of revision `at` (the last revision when absent). */
export class StreamAuditQuery extends Query<StreamAuditResponse> {
  constructor(
    readonly stream: string,
    readonly at: number | undefined,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { SlaKind } from '@tessera/contracts';

/** Record that an incident missed a deadline, if it did. `breached` is false when there was nothing to record. */
export class RecordSlaBreachCommand extends Command<{ breached: boolean; position?: string }> {
  constructor(
    readonly incidentId: string,
    readonly kind: SlaKind,
    readonly now: Date,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { ReportIncidentRequest, ReportIncidentResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

/** A signed-in user reports something wrong at the venue. */
export class ReportIncidentCommand extends Command<ReportIncidentResponse> {
  constructor(
    readonly incidentId: string,
    readonly reporterId: string,
    readonly request: ReportIncidentRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

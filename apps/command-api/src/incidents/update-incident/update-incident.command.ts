import { Command } from '@nestjs/cqrs';
import type { UpdateIncidentRequest, UpdateIncidentResponse } from '@tessera/contracts';
import type { CommandContext } from '@tessera/platform/commands/event-sourcing';

/** Staff move an incident on: status, assignee, impact, severity, a note (any of them at once). */
export class UpdateIncidentCommand extends Command<UpdateIncidentResponse> {
  constructor(
    readonly incidentId: string,
    readonly staffId: string,
    readonly changes: UpdateIncidentRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

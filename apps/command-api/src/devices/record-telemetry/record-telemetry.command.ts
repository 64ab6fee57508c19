import { Command } from '@nestjs/cqrs';
import type { TelemetryAccepted } from '@tessera/contracts';

/** A device sent readings over HTTP with its key. The body is not checked yet. */
export class RecordTelemetryCommand extends Command<TelemetryAccepted> {
  constructor(
    readonly deviceId: string,
    readonly deviceKey: string | undefined,
    readonly body: unknown,
    readonly correlationId: string,
  ) {
    super();
  }
}

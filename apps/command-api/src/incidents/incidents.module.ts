import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CONFIG } from '@tessera/platform/platform.module';
import { DeviceIncidentReaction } from './device-incidents/device-incident.reaction';
import { ReportIncidentHandler } from './report-incident/report-incident.handler';
import { ReportIncidentHttpController } from './report-incident/report-incident.http.controller';
import { RecordSlaBreachHandler } from './sla-breaches/record-sla-breach.handler';
import { SlaBreachSchedule } from './sla-breaches/sla-breach-schedule';
import { SLA_POLICY, slaPolicyOf } from './sla-policy';
import { UpdateIncidentHandler } from './update-incident/update-incident.handler';
import { UpdateIncidentHttpController } from './update-incident/update-incident.http.controller';

/**
 * Incidents on the command side: reports, staff updates, the SLA breach schedule, and the
 * reaction that turns device rule raises and clears into incidents. The SLA policy is read from
 * the configuration once, here.
 */
@Module({
  imports: [CqrsModule],
  controllers: [ReportIncidentHttpController, UpdateIncidentHttpController],
  providers: [
    { provide: SLA_POLICY, useFactory: slaPolicyOf, inject: [CONFIG] },
    ReportIncidentHandler,
    UpdateIncidentHandler,
    RecordSlaBreachHandler,
    SlaBreachSchedule,
    DeviceIncidentReaction,
  ],
  exports: [SlaBreachSchedule, DeviceIncidentReaction],
})
export class IncidentsModule {}

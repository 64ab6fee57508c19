import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_IMPACTS,
  INCIDENT_PRIORITIES,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  INCIDENT_URGENCIES,
  type IncidentCategory,
  type IncidentDeadlines,
  type IncidentImpact,
  type IncidentLocation,
  type IncidentPriority,
  type IncidentSeverity,
  type IncidentSource,
  type IncidentStatus,
  type IncidentUrgency,
  type SlaKind,
} from './incident.events';
import type {
  IncidentBreach,
  IncidentHistoryEntry,
  IncidentItemsResponse,
  IncidentListResponse,
  IncidentSummary,
  IncidentView,
  ReportIncidentResponse,
  UpdateIncidentResponse,
} from './incident.response';
import type { StatsResponse } from './stats.response';

/**
 * The response bodies of the incident endpoints (incident.response.ts) as OpenAPI schemas
 * (GET /openapi.json). Each class implements its interface, so the compiler refuses a schema that
 * lacks a field; test/openapi checks real responses against them.
 */

const POSITION = { description: 'Global log position of the change, a decimal string (also in `X-Position`).', pattern: '^\\d+$', example: '42' };
const DATE_TIME = { format: 'date-time', description: 'ISO 8601 UTC.' };
const SLA_KINDS: SlaKind[] = ['acknowledge', 'resolve'];
const SOURCES: IncidentSource[] = ['report', 'device'];

@ApiSchema({ name: 'ReportIncidentResponse' })
export class ReportIncidentResponseSchema implements ReportIncidentResponse {
  @ApiProperty()
  incidentId!: string;

  @ApiProperty({ enum: ['new'] })
  status!: 'new';

  @ApiProperty({ enum: INCIDENT_PRIORITIES })
  priority!: IncidentPriority;

  @ApiProperty(POSITION)
  position!: string;
}

@ApiSchema({ name: 'UpdateIncidentResponse' })
export class UpdateIncidentResponseSchema implements UpdateIncidentResponse {
  @ApiProperty()
  incidentId!: string;

  @ApiProperty({ enum: INCIDENT_STATUSES })
  status!: IncidentStatus;

  @ApiProperty({ enum: INCIDENT_PRIORITIES })
  priority!: IncidentPriority;

  @ApiProperty({ ...POSITION, description: 'The position of the change, or of the incident as it stood when the PATCH changed nothing.' })
  position!: string;
}

@ApiSchema({ name: 'IncidentLocation' })
export class IncidentLocationSchema implements IncidentLocation {
  @ApiPropertyOptional()
  showId?: string;

  @ApiPropertyOptional()
  seatId?: string;

  @ApiPropertyOptional()
  area?: string;
}

@ApiSchema({ name: 'IncidentDeadlines' })
export class IncidentDeadlinesSchema implements IncidentDeadlines {
  @ApiProperty(DATE_TIME)
  acknowledgeBy!: string;

  @ApiProperty(DATE_TIME)
  resolveBy!: string;
}

@ApiSchema({ name: 'IncidentBreach' })
export class IncidentBreachSchema implements IncidentBreach {
  @ApiProperty({ enum: SLA_KINDS })
  kind!: SlaKind;

  @ApiProperty({ ...DATE_TIME, description: 'The deadline that was missed.' })
  deadline!: string;

  @ApiProperty({ ...DATE_TIME, description: 'When the breach schedule noticed.' })
  detectedAt!: string;
}

@ApiSchema({ name: 'IncidentHistoryEntry' })
export class IncidentHistoryEntrySchema implements IncidentHistoryEntry {
  @ApiProperty(DATE_TIME)
  at!: string;

  @ApiProperty({ description: 'A user id, or `device:{deviceId}`, or `system:sla`.' })
  actorId!: string;

  @ApiProperty({ example: 'status new → acknowledged' })
  change!: string;

  @ApiProperty({ type: 'string', nullable: true })
  note!: string | null;
}

@ApiSchema({ name: 'IncidentSummary' })
export class IncidentSummarySchema implements IncidentSummary {
  @ApiProperty()
  incidentId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ type: IncidentLocationSchema })
  location!: IncidentLocationSchema;

  @ApiProperty({ enum: INCIDENT_CATEGORIES })
  category!: IncidentCategory;

  @ApiProperty({ enum: INCIDENT_URGENCIES })
  urgency!: IncidentUrgency;

  @ApiProperty({ enum: INCIDENT_IMPACTS })
  impact!: IncidentImpact;

  @ApiProperty({ enum: INCIDENT_PRIORITIES })
  priority!: IncidentPriority;

  @ApiProperty({ enum: INCIDENT_SEVERITIES })
  severity!: IncidentSeverity;

  @ApiProperty({ enum: INCIDENT_STATUSES })
  status!: IncidentStatus;

  @ApiProperty({ enum: SOURCES })
  source!: IncidentSource;

  @ApiPropertyOptional({ description: 'Device incidents only.' })
  venueId?: string;

  @ApiPropertyOptional({ description: 'Device incidents only.' })
  deviceId?: string;

  @ApiPropertyOptional({ description: 'Device incidents only.' })
  ruleId?: string;

  @ApiProperty({ description: 'The reporting user, or `device:{deviceId}`.' })
  reporterId!: string;

  @ApiProperty({ type: 'string', nullable: true })
  assigneeId!: string | null;

  @ApiProperty(DATE_TIME)
  createdAt!: string;

  @ApiProperty({ ...DATE_TIME, type: 'string', nullable: true })
  acknowledgedAt!: string | null;

  @ApiProperty({ ...DATE_TIME, type: 'string', nullable: true })
  resolvedAt!: string | null;

  @ApiProperty({ type: IncidentDeadlinesSchema })
  deadlines!: IncidentDeadlinesSchema;

  @ApiProperty({ type: IncidentBreachSchema, isArray: true })
  breached!: IncidentBreachSchema[];
}

@ApiSchema({ name: 'IncidentView' })
export class IncidentViewSchema extends IncidentSummarySchema implements IncidentView {
  @ApiProperty({ type: IncidentHistoryEntrySchema, isArray: true, description: 'Oldest first.' })
  history!: IncidentHistoryEntrySchema[];
}

@ApiSchema({ name: 'IncidentListResponse' })
export class IncidentListResponseSchema implements IncidentListResponse {
  @ApiProperty({ type: IncidentSummarySchema, isArray: true, description: 'Newest first.' })
  items!: IncidentSummarySchema[];

  @ApiProperty({ type: 'string', nullable: true, description: 'Pass as `cursor` for the next page; null on the last one.' })
  nextCursor!: string | null;
}

@ApiSchema({ name: 'IncidentItemsResponse' })
export class IncidentItemsResponseSchema implements IncidentItemsResponse {
  @ApiProperty({ type: IncidentSummarySchema, isArray: true, description: 'Newest first.' })
  items!: IncidentSummarySchema[];
}

// ---- live counters ---------------------------------------------------------------------------

const COUNT = { type: 'integer', minimum: 0 } as const;

@ApiSchema({ name: 'IncidentSeverityCounts' })
export class IncidentSeverityCountsSchema implements Record<IncidentSeverity, number> {
  @ApiProperty(COUNT) critical!: number;
  @ApiProperty(COUNT) high!: number;
  @ApiProperty(COUNT) medium!: number;
  @ApiProperty(COUNT) low!: number;
}

@ApiSchema({ name: 'IncidentStatusCounts' })
export class IncidentStatusCountsSchema implements Record<IncidentStatus, number> {
  @ApiProperty(COUNT) new!: number;
  @ApiProperty(COUNT) acknowledged!: number;
  @ApiProperty(COUNT) in_progress!: number;
  @ApiProperty(COUNT) pending!: number;
  @ApiProperty(COUNT) resolved!: number;
  @ApiProperty(COUNT) closed!: number;
}

@ApiSchema({ name: 'IncidentCounters' })
export class IncidentCountersSchema {
  @ApiProperty({ ...COUNT, description: 'Incidents in an open status (new, acknowledged, in_progress, pending).' })
  open!: number;

  @ApiProperty({ type: IncidentSeverityCountsSchema, description: 'Open incidents by severity.' })
  bySeverity!: IncidentSeverityCountsSchema;

  @ApiProperty({ type: IncidentStatusCountsSchema, description: 'Every incident by its current status.' })
  byStatus!: IncidentStatusCountsSchema;

  @ApiProperty({ ...COUNT, description: 'SLA breaches recorded.' })
  breached!: number;
}

@ApiSchema({ name: 'DeviceCounters' })
export class DeviceCountersSchema {
  @ApiProperty(COUNT) total!: number;
  @ApiProperty(COUNT) online!: number;
  @ApiProperty(COUNT) degraded!: number;
  @ApiProperty(COUNT) offline!: number;
  @ApiProperty(COUNT) silent!: number;
}

@ApiSchema({ name: 'SalesCounters' })
export class SalesCountersSchema {
  @ApiProperty(COUNT)
  showsOnSale!: number;

  @ApiProperty({ ...COUNT, description: 'Seats sold and not refunded.' })
  seatsSold!: number;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Revenue kept (sales less refunds), minor units by ISO 4217 currency.' })
  revenueByCurrency!: Record<string, number>;
}

@ApiSchema({ name: 'StatsResponse' })
export class StatsResponseSchema implements StatsResponse {
  @ApiProperty({ type: IncidentCountersSchema })
  incidents!: IncidentCountersSchema;

  @ApiProperty({ type: DeviceCountersSchema })
  devices!: DeviceCountersSchema;

  @ApiProperty({ type: SalesCountersSchema })
  sales!: SalesCountersSchema;

  @ApiProperty({ description: 'The log position the counters reflect.', pattern: '^\\d+$' })
  position!: string;
}

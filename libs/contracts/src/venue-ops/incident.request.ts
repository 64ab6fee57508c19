// @Type reads design-time metadata as it decorates: importing these DTOs must not depend on
// someone else having loaded reflect-metadata first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, IsString, Length, Matches, MaxLength, ValidateNested } from 'class-validator';
import { ENTITY_ID_PATTERN } from '../box-office/booking.request';
import { SEAT_ID_PATTERN } from '../box-office/seat-map';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_IMPACTS,
  INCIDENT_SEVERITIES,
  INCIDENT_STATUSES,
  INCIDENT_URGENCIES,
  type IncidentCategory,
  type IncidentImpact,
  type IncidentSeverity,
  type IncidentStatus,
  type IncidentUrgency,
} from './incident.events';

/** Request bodies of the incident endpoints (API.md, Venue operations). */

export class IncidentLocationRequest {
  @IsOptional()
  @Matches(ENTITY_ID_PATTERN, { message: 'showId is not a valid id' })
  showId?: string;

  @IsOptional()
  @Matches(SEAT_ID_PATTERN, { message: 'seatId must be a seat id such as A-1-7' })
  seatId?: string;

  @IsOptional()
  @IsString()
  @Length(1, 200)
  area?: string;
}

export class ReportIncidentRequest {
  @IsString()
  @Length(1, 200)
  title!: string;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => IncidentLocationRequest)
  location?: IncidentLocationRequest;

  @IsIn(INCIDENT_CATEGORIES)
  category!: IncidentCategory;

  @IsIn(INCIDENT_URGENCIES)
  urgency!: IncidentUrgency;
}

/** At least one field (the controller checks): PATCH /api/incidents/{incidentId}, staff and admin. */
export class UpdateIncidentRequest {
  @IsOptional()
  @IsIn(INCIDENT_STATUSES)
  status?: IncidentStatus;

  /** `null` takes the assignment away. */
  @IsOptional()
  @Matches(ENTITY_ID_PATTERN, { message: 'assigneeId is not a valid id' })
  assigneeId?: string | null;

  @IsOptional()
  @IsIn(INCIDENT_IMPACTS)
  impact?: IncidentImpact;

  @IsOptional()
  @IsIn(INCIDENT_SEVERITIES)
  severity?: IncidentSeverity;

  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

export const UPDATE_INCIDENT_FIELDS = ['status', 'assigneeId', 'impact', 'severity', 'note'] as const;

// @Type reads design-time metadata as it decorates: importing these DTOs must not depend on
// someone else having loaded reflect-metadata first.
import 'reflect-metadata';
import { IsBoolean, IsInt, IsISO8601, Matches, Max, Min } from 'class-validator';
import { ZONED_DATE_TIME } from './show.request';

/** PUT /api/shows/{showId}/waiting-room (admin). */
export class ConfigureWaitingRoomRequest {
  @IsBoolean()
  enabled!: boolean;

  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ZONED_DATE_TIME, { message: 'opensAt must be an ISO 8601 date-time with a zone' })
  opensAt!: string;

  @IsInt()
  @Min(1)
  @Max(100_000)
  admitPerMinute!: number;

  @IsInt()
  @Min(1)
  @Max(60)
  tokenMinutes!: number;
}

/** 200 of PUT /api/shows/{showId}/waiting-room. */
export interface WaitingRoomResponse {
  showId: string;
  enabled: boolean;
  opensAt: string;
  admitPerMinute: number;
  tokenMinutes: number;
  position: string;
}

/** 201 of POST /api/shows/{showId}/queue. */
export interface JoinQueueResponse {
  queueId: string;
  /** 1 for the next place to be admitted; 0 once admitted. */
  position: number;
  estimatedWaitSeconds: number;
}

/** 200 of GET /api/shows/{showId}/queue/{queueId}. */
export interface QueuePlaceResponse {
  position: number;
  estimatedWaitSeconds: number;
  admitted: boolean;
  /** Once admitted: send it as `X-Admission-Token` with POST /api/bookings until `admissionExpiresAt`. */
  admissionToken?: string;
  admissionExpiresAt?: string;
}

/** The header POST /api/bookings reads the admission token from. */
export const ADMISSION_TOKEN_HEADER = 'x-admission-token';

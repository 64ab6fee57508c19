// @Type reads design-time metadata as it decorates: importing these DTOs must not depend on
// someone else having loaded reflect-metadata first.
import 'reflect-metadata';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { SEAT_MAP_ID_PATTERN, ZONED_DATE_TIME } from './show.request';
import { normaliseVoucherCode, VOUCHER_CODE_PATTERN, VOUCHER_KINDS, type VoucherKind } from './voucher.events';

/** POST /api/shows/{showId}/vouchers (admin). The rules that tie fields together (percent ≤ 100, window order) are the Voucher decider's. */
export class CreateVoucherRequest {
  @Transform(({ value }) => (typeof value === 'string' ? normaliseVoucherCode(value) : value))
  @Matches(VOUCHER_CODE_PATTERN, { message: 'code must be 3–32 letters, digits, _ or -' })
  code!: string;

  @IsIn(VOUCHER_KINDS)
  kind!: VoucherKind;

  @IsInt()
  @Min(1)
  @Max(100_000_000)
  value!: number;

  /** At most 10,000: a booking with the voucher reads its whole stream (one event per use). */
  @IsInt()
  @Min(1)
  @Max(10_000)
  maxUses!: number;

  @IsInt()
  @Min(1)
  @Max(100)
  perUser!: number;

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(SEAT_MAP_ID_PATTERN, { each: true, message: 'each category id must be 1–32 letters, digits or underscores' })
  categoryIds?: string[];

  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ZONED_DATE_TIME, { message: 'validFrom must be an ISO 8601 date-time with a zone' })
  validFrom?: string;

  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ZONED_DATE_TIME, { message: 'validUntil must be an ISO 8601 date-time with a zone' })
  validUntil?: string;
}

/** 201 of POST /api/shows/{showId}/vouchers. */
export interface CreateVoucherResponse {
  showId: string;
  code: string;
  position: string;
}

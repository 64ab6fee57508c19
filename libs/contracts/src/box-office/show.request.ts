// @Type reads design-time metadata as it decorates: importing these DTOs must not depend on
// someone else having loaded reflect-metadata first.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsISO4217CurrencyCode,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { SEAT_MAP_LIMITS } from './seat-map';

/**
 * Request bodies of the show endpoints (API.md, Shows). They check shape and bounds; the rules
 * that tie parts together (a section's category exists) are the Show decider's.
 */

/** Category and section ids: no '-', which separates the parts of a seat id. */
export const SEAT_MAP_ID_PATTERN = /^[A-Za-z0-9_]{1,32}$/;
export const ROW_LABEL_PATTERN = /^[A-Za-z0-9]{1,8}$/;
/** A date-time with an explicit zone: a bare date or local time would be read differently by each server. */
export const ZONED_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export class SeatCategoryRequest {
  @Matches(SEAT_MAP_ID_PATTERN, { message: 'id must be 1–32 letters, digits or underscores' })
  id!: string;

  @IsString()
  @Length(1, 100)
  name!: string;

  /** Minor units. */
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  price!: number;
}

export class SeatRowRequest {
  @Matches(ROW_LABEL_PATTERN, { message: 'label must be 1–8 letters or digits' })
  label!: string;

  @IsInt()
  @Min(1)
  @Max(SEAT_MAP_LIMITS.maxSeatsPerRow)
  seats!: number;
}

export class SeatSectionRequest {
  @Matches(SEAT_MAP_ID_PATTERN, { message: 'id must be 1–32 letters, digits or underscores' })
  id!: string;

  @IsString()
  @Length(1, 100)
  name!: string;

  @Matches(SEAT_MAP_ID_PATTERN, { message: 'categoryId must be 1–32 letters, digits or underscores' })
  categoryId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SEAT_MAP_LIMITS.maxRowsPerSection)
  @ArrayUnique((row: SeatRowRequest | undefined) => row?.label, { message: 'row labels must be unique within a section' })
  @ValidateNested({ each: true })
  @Type(() => SeatRowRequest)
  rows!: SeatRowRequest[];
}

/** Seats in all sections, counting only well-formed rows (malformed ones fail on their own). */
const totalSeats = (sections: unknown): number =>
  Array.isArray(sections)
    ? sections.reduce<number>((sum, section: { rows?: unknown }) => {
        const rows = Array.isArray(section?.rows) ? (section.rows as { seats?: unknown }[]) : [];
        return sum + rows.reduce((n, row) => n + (Number.isInteger(row?.seats) ? (row.seats as number) : 0), 0);
      }, 0)
    : 0;

const MaxTotalSeats = (max: number) =>
  ValidateBy({
    name: 'maxTotalSeats',
    constraints: [max],
    validator: {
      validate: (sections: unknown) => totalSeats(sections) <= max,
      defaultMessage: () => `a show has at most ${max} seats`,
    },
  });

export class CreateShowRequest {
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsString()
  @Length(1, 200)
  venue!: string;

  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(ZONED_DATE_TIME, { message: 'startsAt must be an ISO 8601 date-time with a zone, e.g. 2027-05-01T19:30:00Z' })
  startsAt!: string;

  // validator.js's list of assigned codes (it ignores case, hence the pattern): XYZ fails.
  @IsISO4217CurrencyCode({ message: 'currency must be an ISO 4217 code such as EUR' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code in upper case, such as EUR' })
  currency!: string;

  @IsInt()
  @Min(1)
  @Max(60)
  holdMinutes!: number;

  @IsInt()
  @Min(1)
  @Max(20)
  maxSeatsPerBooking!: number;

  /** Seats one account may hold unpaid at once (422 HOLD_LIMIT_REACHED beyond); absent, no limit. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxSeatsHeldPerUser?: number;

  /** Seats one account may buy, paid plus held (422 TICKET_LIMIT_REACHED beyond); absent, no limit. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  maxTicketsPerUser?: number;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SEAT_MAP_LIMITS.maxCategories)
  @ArrayUnique((category: SeatCategoryRequest | undefined) => category?.id, { message: 'category ids must be unique' })
  @ValidateNested({ each: true })
  @Type(() => SeatCategoryRequest)
  categories!: SeatCategoryRequest[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SEAT_MAP_LIMITS.maxSections)
  @ArrayUnique((section: SeatSectionRequest | undefined) => section?.id, { message: 'section ids must be unique' })
  @MaxTotalSeats(SEAT_MAP_LIMITS.maxSeatsPerShow)
  @ValidateNested({ each: true })
  @Type(() => SeatSectionRequest)
  sections!: SeatSectionRequest[];
}

export class CancelShowRequest {
  @IsString()
  @Length(1, 500)
  reason!: string;
}

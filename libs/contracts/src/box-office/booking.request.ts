// @Type reads design-time metadata as it decorates: importing these DTOs must not depend on
// someone else having loaded reflect-metadata first.
import 'reflect-metadata';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { SEAT_ID_PATTERN } from './seat-map';
import { normaliseVoucherCode, VOUCHER_CODE_PATTERN } from './voucher.events';

/** Request bodies of the booking endpoints (API.md, Bookings and tickets). */

/** Show, booking and ticket ids are server-made (UUIDs); anything else is refused before it names a stream. */
export const ENTITY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export class PlaceBookingRequest {
  @Matches(ENTITY_ID_PATTERN, { message: 'showId is not a valid id' })
  showId!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique({ message: 'seats must not repeat' })
  @IsString({ each: true })
  @Matches(SEAT_ID_PATTERN, { each: true, message: 'each seat must be a seat id such as A-1-7' })
  seats!: string[];

  /** A voucher of the show: the amount is discounted (422 VOUCHER_INVALID / VOUCHER_EXHAUSTED). */
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? normaliseVoucherCode(value) : value))
  @Matches(VOUCHER_CODE_PATTERN, { message: 'voucherCode must be 3–32 letters, digits, _ or -' })
  voucherCode?: string;
}

/** Card numbers are often typed with spaces or dashes; only the digits matter. */
const digitsOnly = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/[\s-]/g, '') : value;

export class PaymentCardRequest {
  @Transform(digitsOnly)
  @Matches(/^\d{13,19}$/, { message: 'number must be 13–19 digits' })
  number!: string;

  @IsInt()
  @Min(1)
  @Max(12)
  expMonth!: number;

  @IsInt()
  @Min(2000)
  @Max(2100)
  expYear!: number;

  @Matches(/^\d{3,4}$/, { message: 'cvc must be 3 or 4 digits' })
  cvc!: string;
}

export class PayBookingRequest {
  @IsObject()
  @ValidateNested()
  @Type(() => PaymentCardRequest)
  card!: PaymentCardRequest;
}

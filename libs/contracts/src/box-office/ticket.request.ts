import { IsEmail, IsString, Length, MaxLength } from 'class-validator';

/** Request bodies of the ticket endpoints (API.md, Bookings and tickets). */

export class TransferTicketRequest {
  @IsEmail()
  @MaxLength(254)
  toEmail!: string;
}

export class CheckInRequest {
  /** The content of the ticket's QR code: a signed token, checked by the handler. */
  @IsString()
  @Length(1, 2048)
  code!: string;
}

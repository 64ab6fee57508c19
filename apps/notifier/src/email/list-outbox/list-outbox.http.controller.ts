import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { EMAIL_MAX_LENGTH, normaliseEmail, OUTBOX_DEFAULT_LIMIT, OUTBOX_MAX_LIMIT, type OutboxResponse } from '@tessera/contracts';
import { OutboxResponseSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { Roles } from '@tessera/platform/auth/auth';
import { ListOutboxQuery } from './list-outbox.query';

const invalid = (field: string, message: string): DomainError => new DomainError('VALIDATION_FAILED', `${field} ${message}`, { errors: [{ field, message }] });

const parseLimit = (value: string | undefined): number => {
  if (value === undefined) return OUTBOX_DEFAULT_LIMIT;
  const limit = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(limit >= 1 && limit <= OUTBOX_MAX_LIMIT)) throw invalid('limit', `must be a whole number from 1 to ${OUTBOX_MAX_LIMIT}`);
  return limit;
};

/** Any string up to an address's length is a fair filter: one nobody was written to lists nothing. */
const parseTo = (value: string | undefined): string | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > EMAIL_MAX_LENGTH) throw invalid('to', `must be an e-mail address of at most ${EMAIL_MAX_LENGTH} characters`);
  return normaliseEmail(value);
};

/** Admins only: the outbox holds every recipient's address. */
@Roles('admin')
@Controller('api/admin')
export class ListOutboxHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: OutboxResponseSchema, description: 'Every e-mail the notifier sent or is trying to send, newest first.' })
  @ApiQuery({ name: 'to', required: false, description: 'Only e-mails to this address.', schema: { type: 'string', minLength: 1, maxLength: EMAIL_MAX_LENGTH } })
  @ApiQuery({ name: 'limit', required: false, description: `1–${OUTBOX_MAX_LIMIT}, default ${OUTBOX_DEFAULT_LIMIT}.`, schema: { type: 'string', pattern: '^\\d+$' } })
  @Get('outbox')
  list(@Query('to') to?: string, @Query('limit') limit?: string): Promise<OutboxResponse> {
    return this.queries.execute(new ListOutboxQuery(parseLimit(limit), parseTo(to)));
  }
}

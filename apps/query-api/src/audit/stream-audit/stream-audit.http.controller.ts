import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { StreamAuditResponseSchema } from '@tessera/contracts/openapi';
import { DomainError } from '@tessera/domain';
import { Roles } from '@tessera/platform/auth/auth';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { StreamAuditQuery, type StreamAuditResponse } from './stream-audit.query';

/** `at` is a whole number of at most 9 digits, so it is always a safe integer. */
const parseRevision = (at: string | undefined): number | undefined => {
  if (at === undefined) return undefined;
  if (/^\d{1,9}$/.test(at)) return Number(at);
  throw new DomainError('VALIDATION_FAILED', 'at must be a stream revision (a whole number ≥ 0)', {
    errors: [{ field: 'at', message: 'must be a whole number ≥ 0' }],
  });
};

/** Admins only; no X-Min-Position wait, since the answer comes from the log itself. */
@Roles('admin')
@Controller('api/audit')
export class StreamAuditHttpController {
  constructor(private readonly queries: QueryBus) {}

  @ApiOkResponse({ type: StreamAuditResponseSchema })
  @ApiQuery({ name: 'at', required: false, description: 'A stream revision: the state as of it (default: the last).', schema: { type: 'string', pattern: '^\\d{1,9}$' } })
  @ApiProblems('STREAM_NOT_FOUND')
  @Get('streams/:stream')
  stream(@Param('stream') stream: string, @Query('at') at?: string): Promise<StreamAuditResponse> {
    return this.queries.execute(new StreamAuditQuery(stream, parseRevision(at)));
  }
}

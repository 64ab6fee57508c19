import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiQuery, ApiHeader } from '@nestjs/swagger';
import { DomainError } from '@tessera/domain';
import { Public } from '@tessera/platform/auth/auth';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { ApiProblems } from '@tessera/platform/http/openapi';
import { openEventStream } from '@tessera/platform/http/event-stream';
import { InjectConfig } from '@tessera/platform/platform.module';
import type { FastifyReply } from 'fastify';
import { FeedClient } from '../feed-client';
import { parseFeedFilter } from '../feed-filter';
import { LiveFeed } from '../live-feed';
import { StreamTokens } from '../stream-tokens/stream-tokens';

const POSITION = /^\d{1,15}$/;

/** Last-Event-ID (header, as EventSource sends it on a reconnect) or `?lastEventId=`: a log position. */
const parseLastEventId = (header: string | undefined, query: string | undefined): number | undefined => {
  const given = header ?? query;
  if (given === undefined || given === '') return undefined;
  if (!POSITION.test(given)) {
    throw new DomainError('VALIDATION_FAILED', 'Last-Event-ID must be the id of a message of this stream (a log position)', {
      errors: [{ field: 'lastEventId', message: 'must be a whole number ≥ 0' }],
    });
  }
  return Number(given);
};

/**
 * GET /api/notifications/stream: the live feed as server-sent events. Public as routes go (the
 * EventSource cannot send a bearer token), but nothing is sent without a valid stream token:
 * a bad, spent or expired one answers 401 problem+json before the stream opens. Filters are
 * checked before the token is spent, so a typo does not cost the token.
 */
@Public()
@Controller('api/notifications')
export class LiveStreamHttpController {
  constructor(
    private readonly feed: LiveFeed,
    private readonly tokens: StreamTokens,
    @InjectConfig() private readonly config: TesseraConfig,
  ) {}

  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'text/event-stream. Each message: `id:` the global log position, `event:` the type, `data:` JSON `{ id, position, type, stream, occurredAt, data }`. ' +
      'A `: heartbeat` comment every SSE_HEARTBEAT_MS. Staff and admin receive every event; a fan their own bookings and tickets, and seat availability (showId and seatId only).',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiQuery({ name: 'token', required: true, description: 'From POST /api/notifications/stream-tokens: good once, for a minute.' })
  @ApiQuery({ name: 'types', required: false, description: 'Comma-separated event types or prefixes: `booking.*,seat.held.v1`.' })
  @ApiQuery({ name: 'showId', required: false, description: 'Only events of this show.' })
  @ApiQuery({ name: 'lastEventId', required: false, description: 'Resume after this position (as the Last-Event-ID header).', schema: { type: 'string', pattern: '^\\d{1,15}$' } })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this position: the log is replayed from there, then the stream goes live.' })
  @ApiProblems('UNAUTHENTICATED')
  @Get('stream')
  async stream(
    @Res() reply: FastifyReply,
    @Query('token') token?: string,
    @Query('types') types?: string,
    @Query('showId') showId?: string,
    @Query('lastEventId') lastEventIdQuery?: string,
    @Headers('last-event-id') lastEventIdHeader?: string,
  ): Promise<void> {
    const filter = parseFeedFilter({ types, showId });
    const after = parseLastEventId(lastEventIdHeader, lastEventIdQuery);
    const user = await this.tokens.redeem(token);
    const stream = openEventStream(reply, { heartbeatMs: this.config.SSE_HEARTBEAT_MS });
    const staff = user.roles.includes('staff') || user.roles.includes('admin');
    const client = new FeedClient(stream, { userId: user.userId, staff, epoch: user.epoch ?? 0 }, filter, this.config.SSE_MAX_BUFFER_BYTES, this.feed.cut, after ?? 0);
    await this.feed.attach(client, after);
  }
}

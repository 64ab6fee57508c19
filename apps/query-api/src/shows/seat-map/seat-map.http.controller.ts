import { Controller, Get, Param, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotModifiedResponse, ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { SeatMapResponseSchema } from '@tessera/contracts/openapi';
import { CurrentUser, Public, type AuthenticatedUser } from '@tessera/platform/auth/auth';
import { negotiateCoding } from '@tessera/platform/http/precompressed';
import { ApiProblems } from '@tessera/platform/http/openapi';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { MinPositionInterceptor } from '../../read-your-writes/min-position.interceptor';
import { SeatMapQuery } from './seat-map.query';

@Public()
@UseInterceptors(MinPositionInterceptor)
@Controller('api/shows')
export class SeatMapHttpController {
  constructor(private readonly queries: QueryBus) {}

  /**
   * Writes the cached buffer as is, instead of letting Nest serialise a 60,000-seat object per
   * request, in the client's preferred coding from the cache: the compression plugin leaves
   * a response that already has a Content-Encoding alone, so nothing is compressed twice.
   */
  @ApiOkResponse({ type: SeatMapResponseSchema })
  @ApiNotModifiedResponse({ description: 'With `If-None-Match` equal to the map\'s `ETag`.' })
  @ApiQuery({ name: 'section', required: false, description: 'Only this section\'s seats.' })
  @ApiProblems('SHOW_NOT_FOUND', 'NOT_FOUND')
  @Get(':showId/seats')
  async seats(
    @Param('showId') showId: string,
    @Req() req: FastifyRequest,
    @Res() res: FastifyReply,
    @Query('section') section?: string,
    @CurrentUser() user?: AuthenticatedUser,
  ): Promise<void> {
    const { body, etag } = await this.queries.execute(new SeatMapQuery(showId, section, user));
    // Our own ETag, from the sections' positions: nothing hashes megabytes per request.
    res.header('ETag', etag);
    res.header('Vary', 'Accept-Encoding');
    if (req.headers['if-none-match'] === etag) {
      await res.status(304).send();
      return;
    }
    const coding = body.codingFor(negotiateCoding(req.headers['accept-encoding']));
    const bytes = await body.encoded(coding);
    // With a Content-Encoding set, the compression plugin leaves the bytes as they are.
    if (coding !== 'identity') res.header('Content-Encoding', coding);
    await res.status(200).type('application/json').send(bytes);
  }
}

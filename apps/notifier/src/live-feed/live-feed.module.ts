import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LiveFeed } from './live-feed';
import { RecentEventsHandler } from './recent-events/recent-events.handler';
import { RecentEventsHttpController } from './recent-events/recent-events.http.controller';
import { RecentEventsMinPosition } from './recent-events/recent-events.min-position';
import { LiveStreamHttpController } from './stream/live-stream.http.controller';
import { StreamTokens } from './stream-tokens/stream-tokens';
import { StreamTokensHttpController } from './stream-tokens/stream-tokens.http.controller';

/** The live feeds (API.md "Live feeds"): stream tokens, the SSE stream and the last events. */
@Module({
  imports: [CqrsModule],
  controllers: [StreamTokensHttpController, LiveStreamHttpController, RecentEventsHttpController],
  providers: [LiveFeed, StreamTokens, RecentEventsHandler, RecentEventsMinPosition],
})
export class LiveFeedModule {}

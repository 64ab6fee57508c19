import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CreateShowHandler } from './create-show/create-show.handler';
import { CreateShowHttpController } from './create-show/create-show.http.controller';
import { PublishShowHandler } from './publish-show/publish-show.handler';
import { PublishShowHttpController } from './publish-show/publish-show.http.controller';

/** Shows on the command side: create (draft) and publish (on sale). Each use case is one folder. */
@Module({
  imports: [CqrsModule],
  controllers: [CreateShowHttpController, PublishShowHttpController],
  providers: [CreateShowHandler, PublishShowHandler],
})
export class ShowsModule {}

import { DynamicModule, Module } from '@nestjs/common';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { PlatformModule, PlatformOptions } from '@tessera/platform/platform.module';
import { CommandApiModule } from '../../command-api/src/command-api.module';
import { NotifierModule } from '../../notifier/src/notifier.module';
import { ProjectorModule } from '../../projector/src/projector.module';
import { QueryApiModule } from '../../query-api/src/query-api.module';
import { WebAppModule } from './web-app.module';

/** All four apps in one process on one platform, and the web app at `/`: what `npm start` runs. */
@Module({})
export class StandaloneModule {
  static forRoot(config: TesseraConfig, overrides: Partial<PlatformOptions> = {}): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        PlatformModule.forRoot(config, { app: 'standalone', ...overrides }),
        CommandApiModule,
        QueryApiModule,
        ProjectorModule,
        NotifierModule,
        WebAppModule,
      ],
    };
  }
}

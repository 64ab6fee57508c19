import 'reflect-metadata';
import { runHttpApp } from '@tessera/platform/bootstrap';
import { PlatformModule } from '@tessera/platform/platform.module';
import { ProjectorModule } from './projector.module';

/** Distributed mode: this app alone, on the stores its environment names. */
void runHttpApp('projector', (config) => ({
  module: class ProjectorApp {},
  imports: [PlatformModule.forRoot(config, { app: 'projector' }), ProjectorModule],
}));

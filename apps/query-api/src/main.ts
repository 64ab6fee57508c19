import 'reflect-metadata';
import { runHttpApp } from '@tessera/platform/bootstrap';
import { PlatformModule } from '@tessera/platform/platform.module';
import { QueryApiModule } from './query-api.module';

/** Distributed mode: this app alone, on the stores its environment names. */
void runHttpApp('query-api', (config) => ({
  module: class QueryApiApp {},
  imports: [PlatformModule.forRoot(config, { app: 'query-api' }), QueryApiModule],
}));

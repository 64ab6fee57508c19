import 'reflect-metadata';
import { runHttpApp } from '@tessera/platform/bootstrap';
import { PlatformModule } from '@tessera/platform/platform.module';
import { CommandApiModule } from './command-api.module';

/** Distributed mode: this app alone, on the stores its environment names. */
void runHttpApp('command-api', (config) => ({
  module: class CommandApiApp {},
  imports: [PlatformModule.forRoot(config, { app: 'command-api' }), CommandApiModule],
}));

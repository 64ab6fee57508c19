import 'reflect-metadata';
import { runHttpApp } from '@tessera/platform/bootstrap';
import { PlatformModule } from '@tessera/platform/platform.module';
import { NotifierModule } from './notifier.module';

/** Distributed mode: this app alone, on the stores its environment names. */
void runHttpApp('notifier', (config) => ({
  module: class NotifierApp {},
  imports: [PlatformModule.forRoot(config, { app: 'notifier' }), NotifierModule],
}));

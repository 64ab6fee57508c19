import 'reflect-metadata';
import { runHttpApp } from '@tessera/platform/bootstrap';
import { StandaloneModule } from './standalone.module';

void runHttpApp('standalone', (config) => StandaloneModule.forRoot(config));

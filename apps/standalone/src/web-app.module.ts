import { Injectable, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { DEFAULT_WEB_APP_DIR, serveWebApp } from '@tessera/platform/http/web-app';
import { InjectConfig } from '@tessera/platform/platform.module';

/**
 * The web app at `/` of the standalone server (the gateway serves it in the distributed
 * deployment). Registered at module init: after Nest's routes, before Fastify starts listening.
 */
@Injectable()
export class WebAppServer implements OnModuleInit {
  private readonly logger = new Logger('WebApp');

  constructor(
    private readonly http: HttpAdapterHost,
    @InjectConfig() private readonly config: TesseraConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const dir = this.config.WEB_APP_DIR ?? DEFAULT_WEB_APP_DIR;
    const fastify = this.http.httpAdapter.getInstance<FastifyInstance>();
    if (await serveWebApp(fastify, dir)) this.logger.log(`serving the web app from ${dir}`);
    else this.logger.warn(`no web app in ${dir} (run npm run build): / is not served`);
  }
}

@Module({ providers: [WebAppServer] })
export class WebAppModule {}

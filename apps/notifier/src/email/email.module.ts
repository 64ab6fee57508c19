import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { TesseraConfig } from '@tessera/platform/config/config';
import { CONFIG } from '@tessera/platform/platform.module';
import { join } from 'node:path';
import { EmailChannel } from './email.channel';
import { NotificationFacts } from './facts';
import { emlFileTransport, smtpTransport, type MailTransport } from './mail-transport';
import { Outbox } from './outbox';
import { MAIL_TRANSPORT, OutboxSender } from './outbox-sender';
import { ListOutboxHandler } from './list-outbox/list-outbox.handler';
import { ListOutboxHttpController } from './list-outbox/list-outbox.http.controller';

/** E-mail: SMTP_URL, or `.eml` files in DATA_DIR/outbox; the outbox and GET /api/admin/outbox. */
@Module({
  imports: [CqrsModule],
  controllers: [ListOutboxHttpController],
  providers: [
    {
      provide: MAIL_TRANSPORT,
      inject: [CONFIG],
      useFactory: (config: TesseraConfig): MailTransport => (config.SMTP_URL ? smtpTransport(config.SMTP_URL) : emlFileTransport(join(config.DATA_DIR, 'outbox'))),
    },
    NotificationFacts,
    Outbox,
    OutboxSender,
    EmailChannel,
    ListOutboxHandler,
  ],
  exports: [Outbox, OutboxSender],
})
export class EmailModule {}

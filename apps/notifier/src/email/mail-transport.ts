import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';

/** Where e-mails go: an SMTP server, or `.eml` files in the data folder. */
export interface MailTransport {
  readonly kind: 'smtp' | 'eml';
  /** Resolves once the server accepted the message (or the file is in place); rejects with nodemailer's error otherwise. */
  send(mail: SendMailOptions & { id: string }): Promise<void>;
  close(): Promise<void>;
}

/**
 * SMTP_URL (smtp:// or smtps://, credentials in the URL) through a small connection pool. The
 * timeouts are short so that an unreachable server fails the attempt in seconds, and the
 * outbox's backoff, not a hung socket, decides when to try again.
 */
export const smtpTransport = (url: string): MailTransport => {
  const transporter: Transporter = createTransport({
    url,
    pool: true,
    maxConnections: 4,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof createTransport>[0]);
  return {
    kind: 'smtp',
    send: async ({ id: _id, ...mail }) => {
      await transporter.sendMail(mail);
    },
    close: async () => transporter.close(),
  };
};

/**
 * Without SMTP_URL: each e-mail is an RFC 5322 `.eml` file in `folder` (DATA_DIR/outbox), named
 * by the outbox id, that any mail client opens. Written to a temporary name and renamed, so a
 * reader never sees half a message; a second send of the same id replaces the file.
 */
export const emlFileTransport = (folder: string): MailTransport => {
  const transporter = createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  let ready: Promise<unknown> | undefined;
  return {
    kind: 'eml',
    send: async ({ id, ...mail }) => {
      ready ??= mkdir(folder, { recursive: true });
      await ready;
      const info = (await transporter.sendMail(mail)) as { message: Buffer };
      const file = join(folder, `${fileNameOf(id)}.eml`);
      const temporary = join(folder, `.${fileNameOf(id)}.${randomUUID()}.tmp`);
      try {
        await writeFile(temporary, info.message, { flag: 'wx' });
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    close: async () => transporter.close(),
  };
};

/** Outbox ids are made of ids and kinds; anything else becomes `_`, so a name never leaves the folder. */
export const fileNameOf = (id: string): string => id.replace(/[^A-Za-z0-9_-]/g, '_');

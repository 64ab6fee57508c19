import { request, type ClientRequest, type IncomingMessage } from 'node:http';

/** One message of a text/event-stream as a client parses it. */
export interface SseMessage {
  id?: string;
  event?: string;
  data: string;
}

/**
 * A raw (node:http) reader of a server-sent event stream, for tests: it parses what arrives into
 * messages and comments, and can wait for one. node:http, not fetch: undici opens a fresh
 * connection after an abort, which a graceful stop then waits for.
 */
export class SseReader {
  readonly messages: SseMessage[] = [];
  readonly comments: string[] = [];
  ended = false;
  private buffer = '';
  private readonly waiters = new Set<() => void>();

  private constructor(
    readonly res: IncomingMessage,
    readonly req: ClientRequest,
  ) {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => this.take(chunk));
    const end = () => ((this.ended = true), this.wake());
    res.once('end', end);
    res.once('close', end);
    res.once('error', end);
  }

  /** Opens `url`; resolves with the response (its status and headers) and the reader. */
  static open(url: string, headers: Record<string, string> = {}): Promise<{ status: number; reader: SseReader; body: () => Promise<string> }> {
    return new Promise((resolve, reject) => {
      const req = request(url, { headers: { accept: 'text/event-stream', ...headers } }, (res) => {
        if (res.statusCode !== 200) {
          let text = '';
          res.setEncoding('utf8');
          const body = new Promise<string>((done) => res.on('data', (c: string) => (text += c)).once('end', () => done(text)));
          resolve({ status: res.statusCode ?? 0, reader: new SseReader(res, req), body: () => body });
          return;
        }
        resolve({ status: 200, reader: new SseReader(res, req), body: async () => '' });
      });
      req.on('error', reject);
      req.end();
    });
  }

  /** The `id:` of every message so far, as numbers. */
  get positions(): number[] {
    return this.messages.map((message) => Number(message.id));
  }

  /** Resolves once `done()` holds (checked after every chunk), rejects after `timeoutMs`. */
  async until(what: string, done: () => boolean, timeoutMs = 10_000): Promise<void> {
    if (done()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what} (${this.messages.length} messages, ended: ${this.ended})`));
      }, timeoutMs);
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      this.waiters.add(check);
    });
  }

  close(): void {
    this.res.destroy();
    this.req.destroy();
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) !== -1) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const message: SseMessage = { data: '' };
      const data: string[] = [];
      let isMessage = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments.push(line.slice(1).trim());
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon === -1 ? line : line.slice(0, colon);
        const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'data') {
          data.push(value);
          isMessage = true;
        } else if (field === 'id') message.id = value;
        else if (field === 'event') message.event = value;
      }
      if (isMessage) this.messages.push({ ...message, data: data.join('\n') });
    }
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}

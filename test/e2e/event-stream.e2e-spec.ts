import { Controller, Get, Module, Res } from '@nestjs/common';
import { Public } from '@tessera/platform/auth/auth';
import { openEventStream, type EventStream } from '@tessera/platform/http/event-stream';
import { startTestApp, type TestApp } from '../support/test-app';
import type { FastifyReply } from 'fastify';
import { request, type IncomingMessage } from 'node:http';

/** The SSE plumbing the notifier stands on: a raw, unbuffered, uncompressed reply stream on the Fastify edge. */
const streams: EventStream[] = [];

@Public()
@Controller('test-events')
class TestEventsController {
  @Get()
  open(@Res() res: FastifyReply): void {
    const stream = openEventStream(res, { heartbeatMs: 100 });
    // Above the 1 KB compression threshold: the plugin would compress (and buffer) it if it saw it.
    stream.send({ event: 'hello', id: '1', data: `{"seats":"${'a'.repeat(4000)}"}` });
    streams.push(stream);
  }
}

@Module({ controllers: [TestEventsController] })
class TestEventsModule {}

describe('server-sent events on the edge', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp({ imports: [TestEventsModule] });
  });

  afterAll(async () => {
    for (const stream of streams) stream.close();
    await server.close();
  });

  it('writes each event as it is sent, uncompressed, with the edge headers, until the client goes', async () => {
    // node:http, not fetch: undici opens a fresh connection after an abort, which a graceful stop then waits for.
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      request(new URL('/test-events', server.url), { headers: { 'accept-encoding': 'gzip, br', 'x-request-id': 'sse-1' } }, resolve).on('error', reject).end(),
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['cache-control']).toBe('no-cache, no-transform');
    expect(res.headers['x-request-id']).toBe('sse-1');
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    res.setEncoding('utf8');
    let text = '';
    const readUntil = (needle: string): Promise<void> =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!text.includes(needle)) return;
          res.off('data', onData);
          res.off('end', onEnd);
          resolve();
        };
        const onData = (chunk: string) => ((text += chunk), check());
        const onEnd = () => reject(new Error(`stream ended before ${needle}`));
        res.on('data', onData);
        res.once('end', onEnd);
        check();
      });
    // The first event arrives while the response is still open: nothing held it back.
    await readUntil('"}\n\n');
    expect(text).toContain(`id: 1\nevent: hello\ndata: {"seats":"${'a'.repeat(4000)}"}\n\n`);

    const [stream] = streams;
    stream.send({ event: 'seat', data: 'line one\nline two' });
    await readUntil('line two\n\n');
    expect(text).toContain('event: seat\ndata: line one\ndata: line two\n\n');
    await readUntil(': heartbeat\n\n');

    const closed = new Promise<void>((resolve) => stream.onClose(resolve));
    res.destroy();
    await closed;
    expect(stream.closed).toBe(true);
    expect(stream.send({ data: 'late' })).toBe(false);
  });

  it('ends an open stream when the server stops', async () => {
    const other = await startTestApp({ imports: [TestEventsModule] });
    const res = await new Promise<IncomingMessage>((resolve, reject) => request(new URL('/test-events', other.url), resolve).on('error', reject).end());
    const ended = new Promise<void>((resolve) => res.once('end', resolve).resume());
    const started = Date.now();
    await other.close();
    await ended;
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

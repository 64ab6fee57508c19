import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AnswerParser, runLoad } from '../../bench/support/closed-loop-load';

describe('bench load generator: answer parser', () => {
  it('completes an answer only once its whole body has arrived, across chunk boundaries', () => {
    const parser = new AnswerParser();
    expect(parser.push(Buffer.from('HTTP/1.1 201 Created\r\nContent-Le'))).toEqual([]);
    expect(parser.push(Buffer.from('ngth: 5\r\n\r\nhel'))).toEqual([]);
    expect(parser.push(Buffer.from('lo'))).toEqual([201]);
  });

  it('reads several answers from one chunk, with and without a body', () => {
    const parser = new AnswerParser();
    const bytes = 'HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}HTTP/1.1 204 No Content\r\n\r\nHTTP/1.1 409 Conflict\r\nContent-Length: 3\r\n\r\nabc';
    expect(parser.push(Buffer.from(bytes))).toEqual([200, 204, 409]);
  });

  it('refuses what it cannot measure: chunked bodies and non-HTTP bytes', () => {
    expect(() => new AnswerParser().push(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'))).toThrow(/chunked/);
    expect(() => new AnswerParser().push(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n'))).toThrow(/not an HTTP/);
  });
});

describe('bench load generator: closed loop against a real server', () => {
  let server: Server;
  let port: number;
  const bodies: string[] = [];
  let served = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        served++;
        if (body) bodies.push(body);
        // Every fifth answer is a refusal, so that statuses are counted apart.
        const status = served % 5 === 0 ? 409 : 201;
        res.writeHead(status, { 'content-type': 'application/json', 'content-length': '11' }).end('{"ok":true}');
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('counts only the window, each status apart, and holds consecutive seats', async () => {
    const result = await runLoad({
      host: '127.0.0.1',
      port,
      connections: 4,
      warmUpSeconds: 0.2,
      seconds: 0.5,
      meanPauseMs: 0,
      request: { method: 'POST', path: '/api/bookings', headers: { authorization: 'Bearer t' } },
      seats: { showId: 'show-1', firstSeat: 150, rowsPerSection: 2, seatsPerRow: 50 },
    });

    expect(result.requests).toBeGreaterThan(20);
    expect(result.requests).toBeLessThan(served); // the warm-up is not counted
    expect(Object.values(result.statuses).reduce((a, b) => a + b, 0)).toBe(result.requests);
    expect(result.non2xx).toBe(result.statuses['409'] ?? 0);
    expect(result.non2xx).toBeGreaterThan(0);
    expect(result.socketErrors).toBe(0);
    expect(result.p50).toBeLessThanOrEqual(result.p99);
    expect(result.p99).toBeLessThanOrEqual(result.max);
    expect(result.firstAnswer.max).toBeGreaterThan(0);

    // Every request held the next seat: 150 = section 2 (100 seats a section), row 2, seat 1.
    expect(result.seatsUsed).toBe(served);
    const seats = bodies.map((body) => (JSON.parse(body) as { showId: string; seats: string[] }).seats[0]);
    expect(new Set(seats).size).toBe(seats.length);
    expect(seats).toContain('S2-2-1');
    expect(seats).not.toContain('S2-1-50'); // seat 149, before firstSeat
  });

  it('paces each connection by its think time', async () => {
    const result = await runLoad({
      host: '127.0.0.1',
      port,
      connections: 2,
      warmUpSeconds: 0.1,
      seconds: 0.6,
      meanPauseMs: 50,
      request: { method: 'GET', path: '/health/live' },
    });
    // 2 connections pausing 50 ms on average offer about 40 requests a second: 24 in 0.6 s.
    expect(result.requests).toBeGreaterThan(5);
    expect(result.requests).toBeLessThan(60);
  });

  it('reports an answer it cannot parse instead of counting it', async () => {
    const chunked = createServer((req, res) => {
      req.resume();
      res.write('{"partial":');
      res.end('true}');
    });
    await new Promise<void>((done) => chunked.listen(0, '127.0.0.1', done));
    try {
      const { port: chunkedPort } = chunked.address() as AddressInfo;
      const result = await runLoad({ host: '127.0.0.1', port: chunkedPort, connections: 2, warmUpSeconds: 0, seconds: 0.2, meanPauseMs: 0, request: { method: 'GET', path: '/' } });
      expect(result.protocolError).toMatch(/chunked/);
      expect(result.socketErrors).toBe(2);
      expect(result.requests).toBe(0);
    } finally {
      await new Promise<void>((done) => chunked.close(() => done()));
    }
  });

  it('counts a refused connection as a socket error instead of hanging', async () => {
    const closedPort = await new Promise<number>((done) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => done(free));
      });
    });
    const result = await runLoad({ host: '127.0.0.1', port: closedPort, connections: 3, warmUpSeconds: 0, seconds: 0.2, meanPauseMs: 0, request: { method: 'GET', path: '/' } });
    expect(result.socketErrors).toBe(3);
    expect(result.requests).toBe(0);
  });
});

describe('bench load generator: a list of requests, each with its own token', () => {
  let server: Server;
  let port: number;
  const seen: { method: string; path: string; token: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        seen.push({ method: req.method ?? '', path: req.url ?? '', token: req.headers.authorization ?? '' });
        if (req.url === '/warm') return void res.writeHead(200, { 'content-length': '0' }).end();
        // The answer names the caller, so that each answer can be matched to its request.
        const body = JSON.stringify({ who: (req.headers.authorization ?? '').slice('Bearer '.length), n: 1 });
        res.writeHead(req.url?.endsWith('/bad') ? 403 : 201, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }).end(body);
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it('sends each request of the list once, after the warm-up, and answers each in the list order with its field', async () => {
    const requests = Array.from({ length: 200 }, (_, i) => ({ path: i === 7 ? '/queue/bad' : `/queue/${i}`, token: `fan-${i}` }));
    const result = await runLoad({
      host: '127.0.0.1',
      port,
      connections: 8,
      warmUpSeconds: 0.2,
      seconds: 10,
      meanPauseMs: 0,
      request: { method: 'GET', path: '/warm' },
      list: { method: 'POST', requests, field: 'who' },
    });

    const listed = seen.filter((request) => request.path !== '/warm');
    expect(listed).toHaveLength(200); // each once, none repeated
    expect(listed.every((request) => request.method === 'POST')).toBe(true);
    expect(new Set(listed.map((request) => `${request.path} ${request.token}`)).size).toBe(200);
    expect(seen.length).toBeGreaterThan(200); // the warm-up ran, and is not counted below
    expect(result.requests).toBe(200);
    expect(result.statuses).toEqual({ '201': 199, '403': 1 });
    expect(result.listAnswers?.map((answer) => answer.value)).toEqual(requests.map((_, i) => `fan-${i}`));
    expect(result.listAnswers?.[7].status).toBe(403);
    // The window is the list's: it closed when the last answer came, long before its 10 s limit.
    expect(result.seconds).toBeGreaterThan(0);
    expect(result.seconds).toBeLessThan(5);
    expect(result.perSecond).toBeCloseTo(200 / result.seconds, 5);
  });

  it('stops at the time limit and leaves what was not sent at status 0', async () => {
    const requests = Array.from({ length: 100_000 }, (_, i) => ({ path: `/queue/${i}`, token: `fan-${i}` }));
    const result = await runLoad({ host: '127.0.0.1', port, connections: 2, warmUpSeconds: 0, seconds: 0.3, meanPauseMs: 0, request: { method: 'GET', path: '/warm' }, list: { method: 'GET', requests } });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.requests).toBeLessThan(100_000);
    expect(result.listAnswers?.filter((answer) => answer.status === 0)).toHaveLength(100_000 - result.requests);
    expect(result.seconds).toBeGreaterThanOrEqual(0.29);
  });
});

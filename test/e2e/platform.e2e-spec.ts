import { startTestApp, TestApp } from '../support/test-app';

describe('the standalone server platform', () => {
  let server: TestApp;

  beforeAll(async () => {
    server = await startTestApp();
  });

  afterAll(async () => {
    await server.close();
  });

  it('is ready on GET /health with each dependency reported', async () => {
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { status: string; details: Record<string, { status: string; mode?: string }> };
    expect(body.status).toBe('ok');
    expect(Object.keys(body.details).sort()).toEqual(expect.arrayContaining(['eventStore', 'readStore', 'seatLocks']));
    expect(body.details.eventStore).toMatchObject({ status: 'up', mode: 'embedded' });
  });

  it('answers liveness on GET /health/live', async () => {
    const res = await fetch(`${server.url}/health/live`);
    expect(res.status).toBe(200);
  });

  it('exposes Prometheus metrics, including request durations by route', async () => {
    await fetch(`${server.url}/health/live`);
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/tessera_http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\}/);
    expect(text).toMatch(/tessera_process_resident_memory_bytes/);
  });

  it('answers an unknown route with problem+json 404', async () => {
    const res = await fetch(`${server.url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not Found' });
  });

  it('answers malformed JSON with problem+json 400, never a 500', async () => {
    const res = await fetch(`${server.url}/api/nothing-here`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"broken":',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('answers an oversized body with 413', async () => {
    const res = await fetch(`${server.url}/api/nothing-here`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ blob: 'x'.repeat(200 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('echoes a sane X-Request-Id and replaces an unsafe one', async () => {
    const echoed = await fetch(`${server.url}/health/live`, { headers: { 'x-request-id': 'req-123' } });
    expect(echoed.headers.get('x-request-id')).toBe('req-123');
    const replaced = await fetch(`${server.url}/health/live`, { headers: { 'x-request-id': 'bad id\u00e9<script>' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const res = await fetch(`${server.url}/health/live`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

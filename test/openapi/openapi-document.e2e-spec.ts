import type { DynamicModule, INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { ERROR_STATUS, type ErrorCode } from '@tessera/contracts';
import { accessOf } from '@tessera/platform/auth/auth';
import { loadConfig } from '@tessera/platform/config/config';
import { configureHttpApp } from '@tessera/platform/http/configure-http-app';
import { createHttpAdapter } from '@tessera/platform/http/fastify-edge';
import { openApiPathOf, refusalsOf } from '@tessera/platform/http/openapi';
import { discoverRouteHandlers, discoverRoutes } from '@tessera/platform/http/route-table';
import { PlatformModule } from '@tessera/platform/platform.module';
import { makeTempDir, removeDir } from '@tessera/platform/testing/services';
import { Logger } from 'nestjs-pino';
import { CommandApiModule } from '../../apps/command-api/src/command-api.module';
import { NotifierModule } from '../../apps/notifier/src/notifier.module';
import { ProjectorModule } from '../../apps/projector/src/projector.module';
import { QueryApiModule } from '../../apps/query-api/src/query-api.module';
import { startTestApp, type TestApp } from '../support/test-app';
import { OpenApiConformance } from './openapi-conformance';

/**
 * GET /openapi.json (API.md, Operations): the OpenAPI 3.1 document of every route the app serves,
 * read from the app itself (Nest's controller metadata, as the 405 rule and the security fuzz read
 * it), so a new route that is not in the document fails here by name.
 */

type Json = Record<string, unknown>;
interface OperationDoc {
  security?: Json[];
  'x-roles'?: string[];
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

const documentOf = async (url: string): Promise<Json> => {
  const res = await fetch(`${url}/openapi.json`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return (await res.json()) as Json;
};

const operationOf = (document: Json, method: string, nestPath: string): OperationDoc | undefined =>
  (document.paths as Record<string, Record<string, OperationDoc>>)[openApiPathOf(nestPath)]?.[method.toLowerCase()];

/** The codes a problem response documents, from its `code` enum. */
const codesOf = (response: OperationDoc['responses'][string] | undefined): string[] =>
  ((response?.content?.['application/problem+json']?.schema?.allOf as Json[] | undefined)?.[1]?.properties as { code?: { enum?: string[] } } | undefined)?.code?.enum ?? [];

describe('the OpenAPI document of the standalone server', () => {
  let server: TestApp;
  let document: Json;

  beforeAll(async () => {
    server = await startTestApp();
    document = await documentOf(server.url);
  });

  afterAll(async () => {
    await server.close();
  });

  it('is OpenAPI 3.1 whose every schema compiles as JSON Schema 2020-12 (no 3.0 idiom such as nullable)', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(() => new OpenApiConformance(document).compileAll()).not.toThrow();
  });

  it('lists every route the app serves, and no route it does not', () => {
    const routes = discoverRoutes(server.app);
    expect(routes.length).toBeGreaterThan(20);
    const missing = routes.filter((route) => !operationOf(document, route.method, route.path));
    expect(missing.map((route) => `${route.method} ${route.path}`)).toEqual([]);
    const served = new Set(routes.map((route) => `${route.method} ${openApiPathOf(route.path)}`));
    const stale = Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`).filter((name) => !served.has(name)),
    );
    expect(stale).toEqual([]);
  });

  it('gives every route a success response with its body schema, or says it has none', () => {
    const withoutBody: string[] = [];
    for (const route of discoverRoutes(server.app)) {
      const operation = operationOf(document, route.method, route.path) as OperationDoc;
      const successes = Object.entries(operation.responses).filter(([status]) => /^2\d\d$/.test(status));
      expect({ route: `${route.method} ${route.path}`, successes: successes.length > 0 }).toEqual({ route: `${route.method} ${route.path}`, successes: true });
      for (const [status, response] of successes) {
        if (status === '204') continue;
        const schemas = Object.values(response.content ?? {}).map((media) => media.schema);
        if (schemas.length === 0 || schemas.some((schema) => !schema || Object.keys(schema).length === 0)) withoutBody.push(`${route.method} ${route.path} ${status}`);
      }
    }
    expect(withoutBody).toEqual([]);
  });

  it('states each route’s auth as the guard applies it: public, or bearer with the roles it needs', () => {
    for (const route of discoverRouteHandlers(server.app)) {
      const operation = operationOf(document, route.method, route.path) as OperationDoc;
      const access = accessOf(route.handler, route.controller);
      const name = `${route.method} ${route.path}`;
      expect({ name, security: operation.security, roles: operation['x-roles'] }).toEqual({
        name,
        security: access.public ? [{}, { bearer: [] }] : [{ bearer: [] }],
        roles: access.public ? [] : access.roles,
      });
    }
    expect(operationOf(document, 'POST', '/api/shows')?.['x-roles']).toEqual(['admin']);
    expect(operationOf(document, 'POST', '/api/checkins')?.['x-roles']).toEqual(['staff', 'admin']);
    expect(operationOf(document, 'GET', '/api/shows')?.security).toEqual([{}, { bearer: [] }]);
  });

  it('lists, per status, every error code a route can answer, as problem+json', () => {
    for (const route of discoverRouteHandlers(server.app)) {
      const operation = operationOf(document, route.method, route.path) as OperationDoc;
      for (const [status, codes] of refusalsOf(route)) {
        const response = operation.responses[String(status)];
        if (codesOf(response).length === 0 && response?.content?.['application/json']) continue; // /health's own 503
        expect({ route: `${route.method} ${route.path}`, status, codes: codesOf(response) }).toEqual({ route: `${route.method} ${route.path}`, status, codes });
        for (const code of codes) expect(Object.keys(ERROR_STATUS)).toContain(code as ErrorCode);
      }
    }
    // The edge's refusals are on every route; the domain's on the routes that make them.
    const placeBooking = operationOf(document, 'POST', '/api/bookings') as OperationDoc;
    expect(codesOf(placeBooking.responses['409'])).toEqual(expect.arrayContaining(['SEATS_UNAVAILABLE', 'CONCURRENCY_CONFLICT']));
    expect(codesOf(placeBooking.responses['422'])).toEqual(['HOLD_LIMIT_REACHED', 'IDEMPOTENCY_KEY_REUSED', 'SHOW_NOT_ON_SALE', 'TICKET_LIMIT_REACHED', 'TOO_MANY_SEATS', 'VOUCHER_EXHAUSTED', 'VOUCHER_INVALID']);
    expect(codesOf(placeBooking.responses['401'])).toEqual(['UNAUTHENTICATED']);
    expect(codesOf(placeBooking.responses['403'])).toEqual(['ADMISSION_REQUIRED']);
    expect(codesOf(operationOf(document, 'GET', '/api/shows/:showId')?.responses['503'])).toEqual(['PROJECTION_LAGGING']);
    expect(codesOf(operationOf(document, 'POST', '/api/shows')?.responses['400'])).toEqual(['SHOW_IN_PAST', 'VALIDATION_FAILED']);
    expect(codesOf(operationOf(document, 'POST', '/api/shows/:showId/publish')?.responses['409'])).toEqual(
      expect.arrayContaining(['INVALID_SHOW_STATE', 'SHOW_IN_PAST']),
    );
    expect(codesOf(operationOf(document, 'POST', '/api/auth/login')?.responses['429'])).toEqual(['RATE_LIMITED']);
    for (const route of discoverRoutes(server.app)) {
      const operation = operationOf(document, route.method, route.path) as OperationDoc;
      expect({ route: `${route.method} ${route.path}`, codes: codesOf(operation.responses['415']) }).toEqual({ route: `${route.method} ${route.path}`, codes: ['UNSUPPORTED_MEDIA_TYPE'] });
      // The global per-address limit answers 429 on every route.
      expect({ route: `${route.method} ${route.path}`, codes: codesOf(operation.responses['429']) }).toEqual({ route: `${route.method} ${route.path}`, codes: ['RATE_LIMITED'] });
    }
  });

  it('describes request bodies from the class-validator DTOs, closed to unknown fields as the validation pipe is', () => {
    const schemas = (document.components as { schemas: Record<string, Json> }).schemas;
    expect(schemas.RegisterRequest).toMatchObject({
      type: 'object',
      required: ['email', 'password', 'displayName'],
      additionalProperties: false,
      properties: { email: { type: 'string', format: 'email' }, password: { type: 'string', minLength: 12 } },
    });
    expect(schemas.PlaceBookingRequest).toMatchObject({ properties: { seats: { type: 'array', minItems: 1, maxItems: 20 } } });
    expect(schemas.SeatSectionRequest).toMatchObject({ properties: { rows: { items: { $ref: '#/components/schemas/SeatRowRequest' } } } });
    expect(schemas.SeatRowRequest).toMatchObject({ properties: { seats: { type: 'integer', minimum: 1 } }, additionalProperties: false });
  });

  it('renders the document at /docs (Swagger UI with its assets)', async () => {
    const page = await fetch(`${server.url}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html).toContain('swagger-ui-bundle.js');
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css', 'swagger-ui-init.js']) {
      const res = await fetch(`${server.url}/docs/${asset}`);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
      if (asset === 'swagger-ui-init.js') expect(await res.text()).toContain('/api/bookings/{bookingId}/payment');
      else await res.arrayBuffer();
    }
  });
});

/** Each app of the distributed deployment documents its own routes (with embedded stores here). */
describe.each([
  ['command-api', CommandApiModule],
  ['query-api', QueryApiModule],
  ['projector', ProjectorModule],
  ['notifier', NotifierModule],
])('the OpenAPI document of %s', (name, appModule) => {
  let app: INestApplication;
  let url: string;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await makeTempDir(name);
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    const root: DynamicModule = { module: class App {}, imports: [PlatformModule.forRoot(config, { app: name }), appModule] };
    const moduleRef = await Test.createTestingModule({ imports: [root] }).compile();
    app = moduleRef.createNestApplication(createHttpAdapter(config), { bodyParser: false, bufferLogs: true });
    app.useLogger(app.get(Logger));
    await configureHttpApp(app, config);
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await app.close();
    await removeDir(dataDir);
  });

  it('serves /openapi.json listing every route it serves, and /docs', async () => {
    const document = await documentOf(url);
    expect(document.openapi).toBe('3.1.0');
    const missing = discoverRoutes(app).filter((route) => !operationOf(document, route.method, route.path));
    expect(missing.map((route) => `${route.method} ${route.path}`)).toEqual([]);
    expect(Object.keys(document.paths as Json).length).toBeGreaterThanOrEqual(3); // /health, /health/live, /metrics at least
    expect((await fetch(`${url}/docs`)).status).toBe(200);
  });
});

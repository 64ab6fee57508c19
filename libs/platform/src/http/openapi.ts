import { SetMetadata, type CustomDecorator, type INestApplication } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ERROR_STATUS, type ErrorCode } from '@tessera/contracts';
import { ProblemDetailsSchema } from '@tessera/contracts/openapi';
import { ValidationTypes } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { accessOf } from '../auth/auth';
import { replaysIdempotently } from './idempotency.interceptor';
import { STATUS_TITLES } from './problem-details.filter';
import { discoverRouteHandlers, type HttpRouteHandler } from './route-table';

// Where @Type() records nested DTO classes; class-transformer ships it untyped at this path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

/**
 * GET /openapi.json, the OpenAPI 3.1 document of the app's routes, and GET /docs, Swagger UI on it
 * (API.md, Operations). @nestjs/swagger builds the paths from the controllers; request bodies are
 * the class-validator DTOs, turned into JSON Schema from the very decorators the validation pipe
 * runs (class-validator-jsonschema), and response bodies are the schema classes of
 * `@tessera/contracts/openapi`. Then each operation gets what the code already knows about it: its
 * auth (from @Public/@Roles), and every error `code` it can answer, by status, as problem+json:
 * the ones every route of its kind answers (transport rules, auth, idempotency, storage, rate
 * limits, interceptors that describe themselves) plus the ones its handler declares with
 * @ApiProblems. Adapter-neutral: SwaggerModule serves on Express and on Fastify (which needs
 * @fastify/static for the UI's assets).
 */

/** An error code a route answers, at the status ERROR_STATUS gives it or at another one. */
export type Refusal = ErrorCode | readonly [ErrorCode, number];

/** What an interceptor adds to each route it is applied to: `static readonly openApi = {…}`. */
export interface OpenApiContribution {
  problems?: readonly Refusal[];
  headers?: readonly ParameterObject[];
}

const PROBLEMS = 'tessera:openapi:problems';

/**
 * The error codes this route (or every route of this controller) answers beyond those every route
 * of its kind answers (see `commonRefusals`): its domain refusals.
 */
export const ApiProblems = (...problems: Refusal[]): CustomDecorator => SetMetadata(PROBLEMS, problems);

const PROBLEM_JSON = 'application/problem+json';
const PROBLEM_SCHEMA = 'ProblemDetails';
const PROBLEM_REF = `#/components/schemas/${PROBLEM_SCHEMA}`;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const interceptorsOf = (route: HttpRouteHandler): OpenApiContribution[] =>
  [route.controller, route.handler]
    .flatMap((target) => (Reflect.getMetadata(INTERCEPTORS_METADATA, target) as unknown[] | undefined) ?? [])
    .map((interceptor) => (typeof interceptor === 'function' ? interceptor : (interceptor as object)?.constructor) as { openApi?: OpenApiContribution } | undefined)
    .flatMap((interceptor) => (interceptor?.openApi ? [interceptor.openApi] : []));

/** The codes every route of this kind answers: what the edge, the guards and the stores refuse. */
const commonRefusals = (route: HttpRouteHandler): Refusal[] => {
  // The transport rules hold for every route, with or without a body (API.md, Operations).
  const refusals: Refusal[] = ['VALIDATION_FAILED', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'INTERNAL_ERROR'];
  const access = accessOf(route.handler, route.controller);
  if (!access.public) refusals.push('UNAUTHENTICATED');
  if (access.roles.length > 0) refusals.push('FORBIDDEN');
  // The per-address limit covers every route; login and refresh have their own limits on top.
  refusals.push('RATE_LIMITED');
  if (replaysIdempotently(route.handler, route.controller)) refusals.push('IDEMPOTENCY_KEY_REUSED', 'CONCURRENCY_CONFLICT');
  if (WRITES.has(route.method)) refusals.push('STORAGE_UNAVAILABLE', 'CONCURRENCY_CONFLICT');
  for (const contribution of interceptorsOf(route)) refusals.push(...(contribution.problems ?? []));
  return refusals;
};

/** Every code the route can answer, by status. */
export const refusalsOf = (route: HttpRouteHandler): Map<number, ErrorCode[]> => {
  const declared = [route.controller, route.handler].flatMap((target) => (Reflect.getMetadata(PROBLEMS, target) as Refusal[] | undefined) ?? []);
  const byStatus = new Map<number, Set<ErrorCode>>();
  for (const refusal of [...commonRefusals(route), ...declared]) {
    const [code, status] = typeof refusal === 'string' ? [refusal, ERROR_STATUS[refusal]] : refusal;
    byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
  }
  return new Map([...byStatus.entries()].sort(([a], [b]) => a - b).map(([status, codes]) => [status, [...codes].sort()]));
};

const problemResponse = (status: number, codes: ErrorCode[]): ResponseObject => ({
  description: `${STATUS_TITLES[status] ?? 'Error'}: ${codes.map((code) => `\`${code}\``).join(', ')}`,
  ...(status === 429 || status === 503 ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'string' } } } } : {}),
  content: {
    [PROBLEM_JSON]: {
      schema: { allOf: [{ $ref: PROBLEM_REF }, { type: 'object', required: ['status', 'code'], properties: { status: { const: status }, code: { type: 'string', enum: codes } } }] } as SchemaObject,
    },
  },
});

/** `/api/shows/:showId` → `/api/shows/{showId}`, as OpenAPI names it. */
export const openApiPathOf = (nestPath: string): string => nestPath.replace(/:(\w+)/g, '{$1}');

const describeAccess = (route: HttpRouteHandler, operation: OperationObject): void => {
  const access = accessOf(route.handler, route.controller);
  // A public route still reads a valid token when one is sent (idempotency, ownership of replays).
  operation.security = access.public ? [{}, { bearer: [] }] : [{ bearer: [] }];
  (operation as unknown as Record<string, unknown>)['x-roles'] = access.public ? [] : access.roles;
  const who = access.public ? 'Public.' : access.roles.length > 0 ? `Bearer token with role ${access.roles.join(' or ')}.` : 'Bearer token (any signed-in user).';
  operation.description = [`**Auth:** ${who}`, operation.description].filter(Boolean).join('\n\n');
};

const IDEMPOTENCY_KEY: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Same key, user and body: the first answer again; same key, another body: 422 IDEMPOTENCY_KEY_REUSED.',
  schema: { type: 'string', minLength: 1, maxLength: 200 },
};

/** 3.0 idioms @nestjs/swagger still writes, in their 3.1 (JSON Schema 2020-12) form: `nullable`. */
const toJsonSchema2020 = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(toJsonSchema2020);
  if (!node || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, toJsonSchema2020(value)]));
  if (nullable !== true) return converted;
  if (typeof converted.type === 'string') return { ...converted, type: [converted.type, 'null'] };
  return { anyOf: [converted, { type: 'null' }] };
};

/**
 * Request bodies from the class-validator decorators themselves, with the pipe's whitelist
 * (`forbidNonWhitelisted`: an unknown property answers 400). A custom rule adds nothing a schema
 * can say (class-validator-jsonschema would emit a reference to the property's type).
 */
const requestBodySchemas = (): Record<string, SchemaObject> => {
  const schemas = validationMetadatasToSchemas({
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
    additionalConverters: { [ValidationTypes.CUSTOM_VALIDATION]: {} },
  });
  return Object.fromEntries(Object.entries(schemas).map(([name, schema]) => [name, { ...schema, additionalProperties: false } as SchemaObject]));
};

const refsIn = (node: unknown, found = new Set<string>()): Set<string> => {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value.replace('#/components/schemas/', ''));
      else refsIn(value, found);
    }
  }
  return found;
};

/** The OpenAPI 3.1 document of every route the app serves. */
export const buildOpenApiDocument = (app: INestApplication, options: { title: string; version: string }): OpenAPIObject => {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle(options.title)
    .setVersion(options.version)
    .setDescription(
      'Tessera HTTP API (API.md). Every error is `application/problem+json` with a stable `code`; each operation lists the codes it can answer. ' +
        'A known path asked with a method it does not serve answers 405 `METHOD_NOT_ALLOWED` with `Allow`.',
    )
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The `accessToken` of POST /api/auth/login.' }, 'bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config, { extraModels: [ProblemDetailsSchema] });
  const schemas = (document.components ??= {}).schemas ??= {};

  // Request bodies: the validators' own schemas, for each DTO a route takes and what it nests.
  const fromValidators = requestBodySchemas();
  const wanted = [...refsIn(Object.values(document.paths).flatMap((item) => Object.values(item).map((op: OperationObject) => op?.requestBody)))];
  for (let i = 0; i < wanted.length; i++) {
    const schema = fromValidators[wanted[i]];
    if (!schema) continue;
    schemas[wanted[i]] = schema;
    for (const nested of refsIn(schema)) if (!wanted.includes(nested)) wanted.push(nested);
  }
  // Problems may carry extensions (`seats` of SEATS_UNAVAILABLE…).
  schemas[PROBLEM_SCHEMA] = { ...schemas[PROBLEM_SCHEMA], additionalProperties: true } as SchemaObject;

  for (const route of discoverRouteHandlers(app)) {
    const path = openApiPathOf(route.path);
    const operation = document.paths[path]?.[route.method.toLowerCase() as 'get'] as OperationObject | undefined;
    if (!operation) continue; // the route-coverage test names it
    describeAccess(route, operation);
    operation.tags = [/^\/api\/([^/]+)/.exec(route.path)?.[1] ?? 'operations'];
    const headers = interceptorsOf(route).flatMap((contribution) => contribution.headers ?? []);
    if (replaysIdempotently(route.handler, route.controller)) headers.push(IDEMPOTENCY_KEY);
    operation.parameters = [...(operation.parameters ?? []), ...headers];
    for (const [status, codes] of refusalsOf(route)) operation.responses[String(status)] ??= problemResponse(status, codes);
  }
  return toJsonSchema2020(document) as OpenAPIObject;
};

/**
 * Serves GET /openapi.json and GET /docs (Swagger UI, its assets under /docs/). The document is
 * built on the first request, not at start-up.
 */
export const setupOpenApi = (app: INestApplication, options: { title: string; version: string }): void => {
  let document: OpenAPIObject | undefined;
  SwaggerModule.setup('docs', app, () => (document ??= buildOpenApiDocument(app, options)), {
    jsonDocumentUrl: 'openapi.json',
    raw: ['json'],
    customSiteTitle: `${options.title} API`,
  });
};

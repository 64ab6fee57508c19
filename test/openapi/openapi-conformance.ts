import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

/**
 * Checks real HTTP answers against GET /openapi.json: the operation exists, the status is one it
 * documents, the media type is one that status documents, and the body validates against its
 * schema with ajv's JSON Schema 2020-12 dialect (OpenAPI 3.1's). Stricter than the document on one
 * point: an object schema that does not say otherwise admits no property it does not name, so a
 * response carrying an undocumented field fails (problem details say `additionalProperties: true`
 * for their extensions).
 */

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  matches: RegExp;
  responses: Record<string, { content?: Record<string, { schema?: Json }> }>;
}

export interface Answer {
  status: number;
  contentType: string | null;
  body: unknown;
}

const SCHEMAS = 'tessera:openapi';

/** `#/components/schemas/X` → the same schema among ajv's `$defs`. */
const relink = (node: unknown): unknown => {
  if (Array.isArray(node)) return node.map(relink);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' ? value.replace('#/components/schemas/', `${SCHEMAS}#/$defs/`) : relink(value)]),
  );
};

/** Closes every object schema that names its properties and says nothing of others, except allOf parts (they describe one object together). */
const closed = (node: unknown, inAllOf = false): unknown => {
  if (Array.isArray(node)) return node.map((item) => closed(item, inAllOf));
  if (!node || typeof node !== 'object') return node;
  const schema = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key === 'allOf' ? (value as unknown[]).map((part) => closed(part, true)) : closed(value)])) as Json;
  if (!inAllOf && schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
  return schema;
};

export class OpenApiConformance {
  private readonly ajv: Ajv2020;
  private readonly operations: Operation[];
  private readonly compiled = new Map<string, ValidateFunction>();
  /** `METHOD template status` of every answer checked. */
  readonly seen = new Set<string>();

  constructor(readonly document: Json) {
    // strict: a keyword outside JSON Schema 2020-12 and OpenAPI 3.1's own (an OpenAPI 3.0 idiom such as `nullable`) fails to compile.
    this.ajv = new Ajv2020({ strict: true, strictTypes: false, allErrors: true });
    this.ajv.addVocabulary(['example', 'discriminator', 'xml', 'externalDocs']);
    addFormats(this.ajv);
    const schemas = ((document.components as Json | undefined)?.schemas ?? {}) as Json;
    this.ajv.addSchema({ $id: SCHEMAS, $defs: relink(closed(schemas)) as Json });
    this.operations = Object.entries(document.paths as Record<string, Record<string, Json>>).flatMap(([template, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        matches: new RegExp(`^${template.replace(/\{\w+\}/g, '[^/]+')}$`),
        responses: operation.responses as Operation['responses'],
      })),
    );
  }

  /** Every schema of the document compiles (references resolve, no unknown keyword). */
  compileAll(): void {
    this.ajv.getSchema(SCHEMAS);
    for (const operation of this.operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const mediaType of Object.keys(response.content ?? {})) this.validatorFor(operation, status, mediaType);
      }
    }
  }

  /** The operation a concrete request path is served by: a literal segment wins over a parameter. */
  operationOf(method: string, path: string): Operation | undefined {
    const candidates = this.operations.filter((operation) => operation.method === method && operation.matches.test(path.split('?')[0]));
    return candidates.sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0))[0];
  }

  private validatorFor(operation: Operation, status: string, mediaType: string): ValidateFunction | undefined {
    const schema = operation.responses[status]?.content?.[mediaType]?.schema;
    if (!schema) return undefined;
    // Many responses share a schema (a problem with the same codes): compile each once.
    const key = JSON.stringify(schema);
    if (!this.compiled.has(key)) this.compiled.set(key, this.ajv.compile(relink(closed(schema)) as Json));
    return this.compiled.get(key);
  }

  /** What is wrong with this answer by the document; empty when it conforms. */
  problemsWith(method: string, path: string, answer: Answer): string[] {
    const operation = this.operationOf(method, path);
    if (!operation) return [`${method} ${path}: no operation in the document`];
    const where = `${method} ${operation.template} → ${answer.status}`;
    this.seen.add(`${method} ${operation.template} ${answer.status}`);
    const response = operation.responses[String(answer.status)];
    if (!response) return [`${where}: status not documented (documented: ${Object.keys(operation.responses).join(', ')})`];
    if (!response.content) return answer.body === undefined || answer.body === '' ? [] : [`${where}: a body where the document has none`];
    const mediaType = (answer.contentType ?? '').split(';')[0].trim();
    if (!response.content[mediaType]) return [`${where}: media type ${mediaType} not documented (documented: ${Object.keys(response.content).join(', ')})`];
    const validate = this.validatorFor(operation, String(answer.status), mediaType);
    if (!validate || validate(answer.body)) return [];
    return (validate.errors ?? []).map((error) => `${where}: ${error.instancePath || '(body)'} ${error.message} ${JSON.stringify(error.params)}`);
  }
}

/** Sends a request and reads its answer: JSON bodies parsed, others kept as text. */
export const exchange = async (url: string, init: RequestInit): Promise<Answer & { headers: Headers; text: string }> => {
  const res = await fetch(url, init);
  const text = await res.text();
  const contentType = res.headers.get('content-type');
  let body: unknown = text === '' ? undefined : text;
  if (text !== '' && /json/.test(contentType ?? '')) body = JSON.parse(text);
  return { status: res.status, contentType, body, headers: res.headers, text };
};

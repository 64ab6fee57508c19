"use strict";
Object.defineProperty(exports, "__esModule", {
    value: true
});
function _export(target, all) {
    for(var name in all)Object.defineProperty(target, name, {
        enumerable: true,
        get: Object.getOwnPropertyDescriptor(all, name).get
    });
}
_export(exports, {
    get ApiProblems () {
        return ApiProblems;
    },
    get buildOpenApiDocument () {
        return buildOpenApiDocument;
    },
    get openApiPathOf () {
        return openApiPathOf;
    },
    get refusalsOf () {
        return refusalsOf;
    },
    get setupOpenApi () {
        return setupOpenApi;
    }
});
const _common = require("@nestjs/common");
const _constants = require("@nestjs/common/constants");
const _swagger = require("@nestjs/swagger");
const _contracts = require("../../../contracts/src");
const _openapi = require("../../../contracts/src/openapi");
const _classvalidator = require("class-validator");
const _classvalidatorjsonschema = require("class-validator-jsonschema");
const _auth = require("../auth/auth");
const _idempotencyinterceptor = require("./idempotency.interceptor");
const _problemdetailsfilter = require("./problem-details.filter");
const _routetable = require("./route-table");
// Where @Type() records nested DTO classes; class-transformer ships it untyped at this path.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage');
const PROBLEMS = 'tessera:openapi:problems';
const ApiProblems = (...problems)=>(0, _common.SetMetadata)(PROBLEMS, problems);
const PROBLEM_JSON = 'application/problem+json';
const PROBLEM_SCHEMA = 'ProblemDetails';
const PROBLEM_REF = `#/components/schemas/${PROBLEM_SCHEMA}`;
const WRITES = new Set([
    'POST',
    'PUT',
    'PATCH',
    'DELETE'
]);
const interceptorsOf = (route)=>[
        route.controller,
        route.handler
    ].flatMap((target)=>Reflect.getMetadata(_constants.INTERCEPTORS_METADATA, target) ?? []).map((interceptor)=>typeof interceptor === 'function' ? interceptor : interceptor?.constructor).flatMap((interceptor)=>interceptor?.openApi ? [
            interceptor.openApi
        ] : []);
/** The codes every route of this kind answers: what the edge, the guards and the stores refuse. */ const commonRefusals = (route)=>{
    // The transport rules hold for every route, with or without a body (API.md, Operations).
    const refusals = [
        'VALIDATION_FAILED',
        'PAYLOAD_TOO_LARGE',
        'UNSUPPORTED_MEDIA_TYPE',
        'INTERNAL_ERROR'
    ];
    const access = (0, _auth.accessOf)(route.handler, route.controller);
    if (!access.public) refusals.push('UNAUTHENTICATED');
    if (access.roles.length > 0) refusals.push('FORBIDDEN');
    // The per-address limit covers every route; login and refresh have their own limits on top.
    refusals.push('RATE_LIMITED');
    if (route.method === 'POST' && (0, _idempotencyinterceptor.replaysIdempotently)(route.handler, route.controller)) refusals.push('IDEMPOTENCY_KEY_REUSED', 'CONCURRENCY_CONFLICT');
    if (WRITES.has(route.method)) refusals.push('STORAGE_UNAVAILABLE', 'CONCURRENCY_CONFLICT');
    for (const contribution of interceptorsOf(route))refusals.push(...contribution.problems ?? []);
    return refusals;
};
const refusalsOf = (route)=>{
    const declared = [
        route.controller,
        route.handler
    ].flatMap((target)=>Reflect.getMetadata(PROBLEMS, target) ?? []);
    const byStatus = new Map();
    for (const refusal of [
        ...commonRefusals(route),
        ...declared
    ]){
        const [code, status] = typeof refusal === 'string' ? [
            refusal,
            _contracts.ERROR_STATUS[refusal]
        ] : refusal;
        byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
    }
    return new Map([
        ...byStatus.entries()
    ].sort(([a], [b])=>a - b).map(([status, codes])=>[
            status,
            [
                ...codes
            ].sort()
        ]));
};
const problemResponse = (status, codes)=>({
        description: `${_problemdetailsfilter.STATUS_TITLES[status] ?? 'Error'}: ${codes.map((code)=>`\`${code}\``).join(', ')}`,
        ...status === 429 || status === 503 ? {
            headers: {
                'Retry-After': {
                    description: 'Seconds to wait before trying again.',
                    schema: {
                        type: 'string'
                    }
                }
            }
        } : {},
        content: {
            [PROBLEM_JSON]: {
                schema: {
                    allOf: [
                        {
                            $ref: PROBLEM_REF
                        },
                        {
                            type: 'object',
                            required: [
                                'status',
                                'code'
                            ],
                            properties: {
                                status: {
                                    const: status
                                },
                                code: {
                                    type: 'string',
                                    enum: codes
                                }
                            }
                        }
                    ]
                }
            }
        }
    });
const openApiPathOf = (nestPath)=>nestPath.replace(/:(\w+)/g, '{$1}');
const describeAccess = (route, operation)=>{
    const access = (0, _auth.accessOf)(route.handler, route.controller);
    // A public route still reads a valid token when one is sent (idempotency, ownership of replays).
    operation.security = access.public ? [
        {},
        {
            bearer: []
        }
    ] : [
        {
            bearer: []
        }
    ];
    operation['x-roles'] = access.public ? [] : access.roles;
    const who = access.public ? 'Public.' : access.roles.length > 0 ? `Bearer token with role ${access.roles.join(' or ')}.` : 'Bearer token (any signed-in user).';
    operation.description = [
        `**Auth:** ${who}`,
        operation.description
    ].filter(Boolean).join('\n\n');
};
const IDEMPOTENCY_KEY = {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'Same key, user and body: the first answer again; same key, another body: 422 IDEMPOTENCY_KEY_REUSED.',
    schema: {
        type: 'string',
        minLength: 1,
        maxLength: 200
    }
};
/** 3.0 idioms @nestjs/swagger still writes, in their 3.1 (JSON Schema 2020-12) form: `nullable`. */ const toJsonSchema2020 = (node)=>{
    if (Array.isArray(node)) return node.map(toJsonSchema2020);
    if (!node || typeof node !== 'object') return node;
    const { nullable, ...rest } = node;
    const converted = Object.fromEntries(Object.entries(rest).map(([key, value])=>[
            key,
            toJsonSchema2020(value)
        ]));
    if (nullable !== true) return converted;
    if (typeof converted.type === 'string') return {
        ...converted,
        type: [
            converted.type,
            'null'
        ]
    };
    return {
        anyOf: [
            converted,
            {
                type: 'null'
            }
        ]
    };
};
/**
 * Request bodies from the class-validator decorators themselves, with the pipe's whitelist
 * (`forbidNonWhitelisted`: an unknown property answers 400). A custom rule adds nothing a schema
 * can say (class-validator-jsonschema would emit a reference to the property's type).
 */ const requestBodySchemas = ()=>{
    const schemas = (0, _classvalidatorjsonschema.validationMetadatasToSchemas)({
        classTransformerMetadataStorage: defaultMetadataStorage,
        refPointerPrefix: '#/components/schemas/',
        additionalConverters: {
            [_classvalidator.ValidationTypes.CUSTOM_VALIDATION]: {}
        }
    });
    return Object.fromEntries(Object.entries(schemas).map(([name, schema])=>[
            name,
            {
                ...schema,
                additionalProperties: false
            }
        ]));
};
const refsIn = (node, found = new Set())=>{
    if (Array.isArray(node)) node.forEach((item)=>refsIn(item, found));
    else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)){
            if (key === '$ref' && typeof value === 'string') found.add(value.replace('#/components/schemas/', ''));
            else refsIn(value, found);
        }
    }
    return found;
};
const buildOpenApiDocument = (app, options)=>{
    const config = new _swagger.DocumentBuilder().setOpenAPIVersion('3.1.0').setTitle(options.title).setVersion(options.version).setDescription('Tessera HTTP API (API.md). Every error is `application/problem+json` with a stable `code`; each operation lists the codes it can answer. ' + 'A known path asked with a method it does not serve answers 405 `METHOD_NOT_ALLOWED` with `Allow`.').addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'The `accessToken` of POST /api/auth/login.'
    }, 'bearer').build();
    const document = _swagger.SwaggerModule.createDocument(app, config, {
        extraModels: [
            _openapi.ProblemDetailsSchema
        ]
    });
    const schemas = (document.components ??= {}).schemas ??= {};
    // Request bodies: the validators' own schemas, for each DTO a route takes and what it nests.
    const fromValidators = requestBodySchemas();
    const wanted = [
        ...refsIn(Object.values(document.paths).flatMap((item)=>Object.values(item).map((op)=>op?.requestBody)))
    ];
    for(let i = 0; i < wanted.length; i++){
        const schema = fromValidators[wanted[i]];
        if (!schema) continue;
        schemas[wanted[i]] = schema;
        for (const nested of refsIn(schema))if (!wanted.includes(nested)) wanted.push(nested);
    }
    // Problems may carry extensions (`seats` of SEATS_UNAVAILABLE…).
    schemas[PROBLEM_SCHEMA] = {
        ...schemas[PROBLEM_SCHEMA],
        additionalProperties: true
    };
    for (const route of (0, _routetable.discoverRouteHandlers)(app)){
        const path = openApiPathOf(route.path);
        const operation = document.paths[path]?.[route.method.toLowerCase()];
        if (!operation) continue; // the route-coverage test names it
        describeAccess(route, operation);
        operation.tags = [
            /^\/api\/([^/]+)/.exec(route.path)?.[1] ?? 'operations'
        ];
        const headers = interceptorsOf(route).flatMap((contribution)=>contribution.headers ?? []);
        if (route.method === 'POST' && (0, _idempotencyinterceptor.replaysIdempotently)(route.handler, route.controller)) headers.push(IDEMPOTENCY_KEY);
        operation.parameters = [
            ...operation.parameters ?? [],
            ...headers
        ];
        for (const [status, codes] of refusalsOf(route))operation.responses[String(status)] ??= problemResponse(status, codes);
    }
    return toJsonSchema2020(document);
};
const setupOpenApi = (app, options)=>{
    let document;
    _swagger.SwaggerModule.setup('docs', app, ()=>document ??= buildOpenApiDocument(app, options), {
        jsonDocumentUrl: 'openapi.json',
        raw: [
            'json'
        ],
        customSiteTitle: `${options.title} API`
    });
};

//# sourceMappingURL=openapi.js.map
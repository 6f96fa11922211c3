import { z } from 'zod';

/**
 * The OpenAPI 3.1 document is generated from the same zod schemas the endpoints validate with,
 * so the description and the behaviour cannot drift. Each endpoint family declares its
 * operations with `defineOperation` (and its named schemas with `component`) in a plain module,
 * and lists them in `api-document.ts`; `endpoint()` runs a route from the same declaration.
 */

type JsonSchema = { [key: string]: unknown };
type ZodObjectSchema = z.ZodObject<z.ZodRawShape>;

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type ResponseSpec = {
	description: string;
	/** A named `component()` becomes a `$ref`; any other schema is described inline. */
	schema?: z.ZodType;
	contentType?: string;
	/** Response headers worth knowing: name → description (string values). */
	headers?: Record<string, string>;
};

/** How a caller proves access (OpenAPI security scheme), e.g. a bearer token or a query parameter. */
export type SecurityScheme =
	{ type: 'http'; scheme: 'bearer'; description: string } | { type: 'apiKey'; in: 'query' | 'header'; name: string; description: string };

/** A request limit per client address; `endpoint()` applies it before anything else (429 past it). */
export type RateLimitSpec = { name: string; rule: { max: number; windowSeconds: number } };

export type OperationSpec<
	Q extends ZodObjectSchema | undefined = ZodObjectSchema | undefined,
	P extends ZodObjectSchema | undefined = ZodObjectSchema | undefined,
	B extends z.ZodType | undefined = z.ZodType | undefined,
	H extends ZodObjectSchema | undefined = ZodObjectSchema | undefined
> = {
	operationId: string;
	method: HttpMethod;
	/** OpenAPI path template, from the site root: `/api/v1/shops/{slug}`. */
	path: string;
	tag: string;
	summary: string;
	description?: string;
	/** Query string; validated by `endpoint()` (400 problem+json with `errors` per parameter). */
	query?: Q;
	/** Path parameters; a value they reject answers 404, as an unknown resource would. */
	params?: P;
	/**
	 * Request headers, keyed by their usual spelling (`Idempotency-Key`); validated by `endpoint()`
	 * (400 problem+json with `errors` per header).
	 */
	headers?: H;
	/**
	 * JSON request body; validated by `endpoint()`: malformed JSON → 400, too large → 413, not JSON →
	 * 415, rejected by the schema → 422 with `errors` per field (`customer.name`, `fulfilments.0.slotId`).
	 * Name it with `requestComponent()` to show it once under components.
	 */
	body?: B;
	/** Largest accepted body, in bytes (default 64 KiB). */
	maxBodyBytes?: number;
	/** Status of a successful answer (default 200). */
	successStatus?: number;
	rateLimit?: RateLimitSpec;
	/** Alternative ways to prove access, by scheme name (any one of them is enough). */
	security?: Record<string, SecurityScheme>;
	/** Public responses carry `cache-control: public, max-age=<cacheSeconds>` and open CORS. */
	cacheSeconds?: number;
	responses: Record<number, ResponseSpec>;
};

export type Tag = { name: string; description: string };

/** Registry of named schemas: each becomes `#/components/schemas/<id>`. */
const components = z.registry<{ id: string; description?: string }>();
/** Named request bodies, described as a client writes them (defaults optional, inputs before conversion). */
const requestComponents = z.registry<{ id: string; description?: string }>();

/** Names a schema so the document shows it once under components and refers to it. */
export function component<S extends z.ZodType>(id: string, schema: S, description?: string): S {
	components.add(schema, description ? { id, description } : { id });
	return schema;
}

/** Names a request body schema (often a domain input schema) for the document, described input-side. */
export function requestComponent<S extends z.ZodType>(id: string, schema: S, description?: string): S {
	requestComponents.add(schema, description ? { id, description } : { id });
	return schema;
}

/** Declares an operation; checks its path template against its path parameters. */
export function defineOperation<
	Q extends ZodObjectSchema | undefined = undefined,
	P extends ZodObjectSchema | undefined = undefined,
	B extends z.ZodType | undefined = undefined,
	H extends ZodObjectSchema | undefined = undefined
>(spec: OperationSpec<Q, P, B, H>): OperationSpec<Q, P, B, H> {
	const inPath = [...spec.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
	const declared = Object.keys(spec.params?.shape ?? {}).sort();
	if (inPath.join() !== declared.join()) {
		throw new Error(`${spec.operationId}: path ${spec.path} and params {${declared.join(', ')}} disagree`);
	}
	if (spec.body && spec.method === 'get') throw new Error(`${spec.operationId}: a GET has no body`);
	return spec;
}

/** RFC 9457 problem details, as every error of the API is answered. */
export const Problem = component(
	'Problem',
	z.object({
		type: z.string().meta({ description: 'A URI reference naming the kind of problem.' }),
		title: z.string().meta({ description: 'Short human-readable summary, in the language of the request.' }),
		status: z.int().meta({ description: 'The HTTP status code.' }),
		instance: z.string().optional().meta({ description: 'The path of the request that failed.' }),
		errors: z
			.record(z.string(), z.array(z.string()))
			.optional()
			.meta({ description: 'Bad input only: messages per field or query parameter, e.g. `{ "limit": ["…"] }`.' }),
		conflicts: z.unknown().optional().meta({ description: 'Conflicts only: what stood in the way.' })
	}),
	'An error, as application/problem+json (RFC 9457).'
);

export const problemResponse = (description: string): ResponseSpec => ({
	description,
	schema: Problem,
	contentType: 'application/problem+json'
});

export type OpenApiDocument = {
	openapi: string;
	jsonSchemaDialect: string;
	info: { title: string; version: string; description: string; license: { name: string; identifier: string } };
	tags: Tag[];
	paths: Record<string, Record<string, OperationObject>>;
	components: { schemas: Record<string, JsonSchema>; securitySchemes?: Record<string, SecurityScheme> };
};

export type ParameterObject = {
	name: string;
	in: 'query' | 'path' | 'header';
	required: boolean;
	description?: string;
	schema: JsonSchema;
};

type MediaObject = Record<string, { schema: JsonSchema }>;

export type OperationObject = {
	operationId: string;
	tags: string[];
	summary: string;
	description?: string;
	parameters?: ParameterObject[];
	requestBody?: { required: boolean; description?: string; content: MediaObject };
	security?: Record<string, string[]>[];
	responses: Record<string, { description: string; headers?: Record<string, unknown>; content?: MediaObject }>;
};

const refPrefix = '#/components/schemas/';
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Keeps the generated JSON Schema readable: response objects may gain properties later
 * (no `additionalProperties: false` unless a schema is strict), integers need no ±2^53 bounds,
 * formats need no regex. A value converted before validation (`z.preprocess`, e.g. a quantity
 * written "1,5") is described as the type it must become.
 */
function tidy(ctx: { zodSchema: z.core.$ZodTypes; jsonSchema: z.core.JSONSchema.BaseSchema }) {
	const def = ctx.zodSchema._zod.def;
	const json = ctx.jsonSchema;
	if (def.type === 'pipe' && def.in._zod.def.type === 'transform') {
		const target = strip(z.toJSONSchema(def.out, { ...common, io: 'input' }) as JsonSchema);
		for (const key of Object.keys(json)) delete json[key];
		Object.assign(json, target);
		return;
	}
	// A string cleaned up then checked (`.trim().pipe(z.email())`): the client must still send an email.
	if (def.type === 'pipe' && json.type === 'string' && !json.format) {
		const format = (def.out._zod.def as { format?: unknown }).format;
		if (typeof format === 'string') json.format = format;
	}
	if (def.type === 'object' && !def.catchall && json.additionalProperties === false) delete json.additionalProperties;
	if (json.minimum === -MAX_SAFE) delete json.minimum;
	if (json.maximum === MAX_SAFE) delete json.maximum;
	if (json.format === 'uuid' || json.format === 'date' || json.format === 'date-time') delete json.pattern;
}

const common = { target: 'draft-2020-12', unrepresentable: 'any', override: tidy } as const;

function strip(schema: JsonSchema): JsonSchema {
	const { $schema: _schema, $id: _id, ...rest } = schema;
	return rest;
}

/** Output schema of a response body: a `$ref` to a component, or inline with refs to components. */
function responseSchema(schema: z.ZodType): JsonSchema {
	const named = components.get(schema);
	if (named) return { $ref: refPrefix + named.id };
	const json = z.toJSONSchema(schema, { ...common, io: 'output', metadata: components }) as JsonSchema;
	// Nested components came out under $defs: they are the same schemas as in components.
	const { $defs: _defs, ...inline } = strip(json);
	return JSON.parse(JSON.stringify(inline).replaceAll('"#/$defs/', `"${refPrefix}`));
}

/** Input schema of a request body: a `$ref` to a request component, or inline. */
function requestSchema(schema: z.ZodType): JsonSchema {
	const named = requestComponents.get(schema);
	if (named) return { $ref: refPrefix + named.id };
	return strip(z.toJSONSchema(schema, { ...common, io: 'input' }) as JsonSchema);
}

/** What a client may send (input side: `limit` is an integer, not a string; defaulted means optional). */
function parameters(schema: ZodObjectSchema | undefined, location: ParameterObject['in']): ParameterObject[] {
	if (!schema) return [];
	const json = z.toJSONSchema(schema, { ...common, io: 'input' }) as JsonSchema;
	const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
	const required = new Set((json.required as string[] | undefined) ?? []);
	return Object.entries(properties).map(([name, property]) => {
		const { description, ...propertySchema } = property;
		return {
			name,
			in: location,
			required: location === 'path' || required.has(name),
			...(typeof description === 'string' ? { description } : {}),
			schema: propertySchema
		};
	});
}

/** The answers `endpoint()` gives on its own for what an operation declares (body, headers, limit). */
function impliedResponses(op: OperationSpec): Record<number, ResponseSpec> {
	const implied: Record<number, ResponseSpec> = {};
	if (op.headers) implied[400] = problemResponse('A request header is missing or invalid: `errors` names it.');
	if (op.body) {
		implied[400] = problemResponse(
			op.headers ? 'Malformed JSON body, or a missing or invalid request header (`errors` names it).' : 'Malformed JSON body.'
		);
		implied[413] = problemResponse(`Body larger than ${op.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES} bytes.`);
		implied[415] = problemResponse('The body is not `application/json`.');
		implied[422] = problemResponse('Invalid body: `errors` gives messages per field, e.g. `{ "customer.email": ["…"] }`.');
	}
	if (op.rateLimit) {
		const { max, windowSeconds } = op.rateLimit.rule;
		implied[429] = {
			...problemResponse(`More than ${max} requests from this address in ${windowSeconds} seconds.`),
			headers: { 'Retry-After': 'Seconds to wait before trying again.' }
		};
	}
	return implied;
}

function responseHeaders(op: OperationSpec, status: number, spec: ResponseSpec) {
	const headers: Record<string, unknown> = {};
	if (op.cacheSeconds && status < 300)
		headers['Cache-Control'] = { description: `public, max-age=${op.cacheSeconds}`, schema: { type: 'string' } };
	for (const [name, description] of Object.entries(spec.headers ?? {})) headers[name] = { description, schema: { type: 'string' } };
	return Object.keys(headers).length ? { headers } : {};
}

function operationObject(op: OperationSpec): OperationObject {
	const params = [...parameters(op.params, 'path'), ...parameters(op.query, 'query'), ...parameters(op.headers, 'header')];
	const responses: OperationObject['responses'] = {};
	for (const [status, spec] of Object.entries({ ...impliedResponses(op), ...op.responses })) {
		responses[status] = {
			description: spec.description,
			...responseHeaders(op, Number(status), spec),
			...(spec.schema ? { content: { [spec.contentType ?? 'application/json']: { schema: responseSchema(spec.schema) } } } : {})
		};
	}
	responses.default ??= {
		description: 'Any other error (500: unexpected, without details).',
		content: { 'application/problem+json': { schema: { $ref: refPrefix + 'Problem' } } }
	};
	const bodyDescription = op.body ? requestComponents.get(op.body)?.description : undefined;
	return {
		operationId: op.operationId,
		tags: [op.tag],
		summary: op.summary,
		...(op.description ? { description: op.description } : {}),
		...(params.length ? { parameters: params } : {}),
		...(op.body
			? {
					requestBody: {
						required: true,
						...(bodyDescription ? { description: bodyDescription } : {}),
						content: { 'application/json': { schema: requestSchema(op.body) } }
					}
				}
			: {}),
		...(op.security ? { security: Object.keys(op.security).map((name) => ({ [name]: [] })) } : {}),
		responses
	};
}

/** Largest JSON body `endpoint()` reads when an operation does not say (the API's bodies are small). */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Builds the OpenAPI 3.1 document of a list of operations. */
export function openApiDocument(options: {
	info: OpenApiDocument['info'];
	tags: Tag[];
	operations: readonly OperationSpec[];
}): OpenApiDocument {
	const paths: OpenApiDocument['paths'] = {};
	const securitySchemes: Record<string, SecurityScheme> = {};
	for (const op of options.operations) {
		const item = (paths[op.path] ??= {});
		if (item[op.method]) throw new Error(`two operations for ${op.method.toUpperCase()} ${op.path}`);
		item[op.method] = operationObject(op);
		for (const [name, scheme] of Object.entries(op.security ?? {})) {
			if (securitySchemes[name] && JSON.stringify(securitySchemes[name]) !== JSON.stringify(scheme)) {
				throw new Error(`two security schemes named ${name}`);
			}
			securitySchemes[name] = scheme;
		}
	}
	const convert = (registry: typeof components, io: 'input' | 'output') =>
		(z.toJSONSchema(registry, { ...common, io, uri: (id) => refPrefix + id }) as { schemas: Record<string, JsonSchema> }).schemas;
	const responses = convert(components, 'output');
	const requests = convert(requestComponents, 'input');
	for (const id of Object.keys(requests)) if (responses[id]) throw new Error(`schema ${id} is both a request and a response component`);
	const schemas = Object.fromEntries(Object.entries({ ...responses, ...requests }).map(([id, s]) => [id, strip(s)]));
	return {
		openapi: '3.1.1',
		jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
		info: options.info,
		tags: options.tags,
		paths,
		components: { schemas, ...(Object.keys(securitySchemes).length ? { securitySchemes } : {}) }
	};
}

// ── A reader's outline of the document, for the HTML documentation page ─────────────────────

/** A type written for people: text pieces, some naming a component the page links to. */
export type TypeLabel = { text: string; ref?: string }[];

export type OutlineField = { name: string; type: TypeLabel; required: boolean; description?: string; defaultValue?: string };

export type OutlineOperation = {
	anchor: string;
	method: string;
	path: string;
	summary: string;
	description?: string;
	parameters: (OutlineField & { location: string })[];
	responses: { status: string; description: string; contentType?: string; type?: TypeLabel }[];
};

export type Outline = {
	title: string;
	version: string;
	description: string;
	groups: { tag: string; description?: string; operations: OutlineOperation[] }[];
	schemas: { name: string; description?: string; fields: OutlineField[] }[];
};

export function outline(doc: OpenApiDocument): Outline {
	const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
		Object.entries(item).map(([method, op]) => ({ tag: op.tags[0], op: outlineOperation(method, path, op) }))
	);
	const tagNames = [...new Set([...doc.tags.map((t) => t.name), ...operations.map((o) => o.tag)])];
	return {
		title: doc.info.title,
		version: doc.info.version,
		description: doc.info.description,
		groups: tagNames.map((tag) => ({
			tag,
			description: doc.tags.find((t) => t.name === tag)?.description,
			operations: operations.filter((o) => o.tag === tag).map((o) => o.op)
		})),
		schemas: Object.entries(doc.components.schemas).map(([name, schema]) => ({
			name,
			description: typeof schema.description === 'string' ? schema.description : undefined,
			fields: fields(schema)
		}))
	};
}

function outlineOperation(method: string, path: string, op: OperationObject): OutlineOperation {
	return {
		anchor: `op-${op.operationId}`,
		method: method.toUpperCase(),
		path,
		summary: op.summary,
		description: op.description,
		parameters: [
			...(op.parameters ?? []).map((p) => ({
				name: p.name,
				location: p.in,
				type: typeLabel(p.schema),
				required: p.required,
				description: p.description,
				defaultValue: p.schema.default === undefined ? undefined : JSON.stringify(p.schema.default)
			})),
			// The JSON body reads as one more input, its type linking to the schema's fields.
			...(op.requestBody
				? [
						{
							name: 'body',
							location: 'body',
							type: typeLabel(Object.values(op.requestBody.content)[0].schema),
							required: op.requestBody.required,
							description: op.requestBody.description
						}
					]
				: [])
		],
		responses: Object.entries(op.responses).map(([status, r]) => {
			const [contentType, media] = Object.entries(r.content ?? {})[0] ?? [];
			return { status, description: r.description, contentType, type: media ? typeLabel(media.schema) : undefined };
		})
	};
}

/** Properties of an object schema; properties of inline objects appear as `parent.child`. */
function fields(schema: JsonSchema, prefix = ''): OutlineField[] {
	const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
	const required = new Set((schema.required as string[] | undefined) ?? []);
	return Object.entries(properties).flatMap(([name, property]) => {
		const field: OutlineField = {
			name: prefix + name,
			type: typeLabel(property),
			required: required.has(name),
			description: typeof property.description === 'string' ? property.description : undefined
		};
		const nested = inlineObject(property);
		return nested ? [field, ...fields(nested, `${prefix}${name}.`)] : [field];
	});
}

function inlineObject(schema: JsonSchema): JsonSchema | undefined {
	if (schema.type === 'object' && schema.properties) return schema;
	const members = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
	return members?.map(inlineObject).find(Boolean);
}

export function typeLabel(schema: JsonSchema): TypeLabel {
	if (typeof schema.$ref === 'string') {
		const name = schema.$ref.slice(schema.$ref.lastIndexOf('/') + 1);
		return [{ text: name, ref: name }];
	}
	const members = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
	if (members) return join(members.map(typeLabel));
	if (Array.isArray(schema.enum)) return [{ text: schema.enum.map((v) => JSON.stringify(v)).join(' | ') }];
	if (Array.isArray(schema.type)) return join(schema.type.map((type) => typeLabel({ ...schema, type })));
	switch (schema.type) {
		case 'array': {
			const item = typeLabel((schema.items ?? {}) as JsonSchema);
			const simple = item.length === 1 && !item[0].text.includes(' ');
			return simple ? [...item, { text: '[]' }] : [{ text: '(' }, ...item, { text: ')[]' }];
		}
		case 'object':
			return typeof schema.additionalProperties === 'object'
				? [{ text: 'map of ' }, ...typeLabel(schema.additionalProperties as JsonSchema)]
				: [{ text: 'object' }];
		case 'integer':
		case 'number':
			return [{ text: `${schema.type}${range(schema)}` }];
		case 'string':
			return [{ text: typeof schema.format === 'string' ? `string (${schema.format})` : 'string' }];
		case undefined:
			return [{ text: 'any' }];
		default:
			return [{ text: String(schema.type) }];
	}
}

function join(labels: TypeLabel[]): TypeLabel {
	return labels.flatMap((label, i) => (i === 0 ? label : [{ text: ' | ' }, ...label]));
}

function range(schema: JsonSchema): string {
	const min = schema.minimum;
	const max = schema.maximum;
	if (min !== undefined && max !== undefined) return `, ${min}–${max}`;
	if (min !== undefined) return ` ≥ ${min}`;
	if (max !== undefined) return ` ≤ ${max}`;
	return '';
}

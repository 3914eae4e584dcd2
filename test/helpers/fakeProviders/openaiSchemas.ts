import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import { load } from 'js-yaml';

/**
 * Request validation for OpenAI-style `/v1/videos` fakes, against the schemas of
 * `../shared/reference/openai-openapi.yaml` (the shared folder sits beside the repository).
 * Request bodies are chosen by path and content type from the YAML's own `paths`, so the fake checks
 * what the published API says, not what the adapter under test believes.
 */

export const openApiYamlPath = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../shared/reference/openai-openapi.yaml',
);

interface OpenApiDocument {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> } }>
  >;
  components: { schemas: Record<string, unknown> };
}

let cached: { document: OpenApiDocument; ajv: Ajv2020 } | null = null;
const validators = new Map<string, ValidateFunction>();

function spec(): { document: OpenApiDocument; ajv: Ajv2020 } {
  if (cached) return cached;
  const document = load(readFileSync(openApiYamlPath, 'utf8')) as OpenApiDocument;
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    formats: {
      binary: true,
      unixtime: (value: unknown) => typeof value === 'number' || typeof value === 'string',
      uri: (value: string) => /^(https?:\/\/|data:)/.test(value),
    },
  });
  ajv.addSchema({ $id: 'openai', components: { schemas: document.components.schemas } });
  cached = { document, ajv };
  return cached;
}

/** The component schema the YAML names for a request body (`POST /videos`, multipart/form-data). */
export function requestSchemaName(method: string, path: string, contentType: string): string {
  const operation = spec().document.paths[path]?.[method.toLowerCase()];
  const ref = operation?.requestBody?.content?.[contentType]?.schema?.$ref;
  if (!ref) throw new Error(`the OpenAPI document has no ${contentType} body for ${method} ${path}`);
  return ref.replace('#/components/schemas/', '');
}

/** A component schema itself (tests and fakes derive documented variants from it). */
export function componentSchema(name: string): Record<string, unknown> {
  const schema = spec().document.components.schemas[name];
  if (!schema) throw new Error(`no schema ${name} in the OpenAPI document`);
  return schema as Record<string, unknown>;
}

/** Validates a value against a component schema; answers the errors as short strings (empty when valid). */
export function validateAgainst(name: string, value: unknown): string[] {
  let validate = validators.get(name);
  if (!validate) {
    validate = spec().ajv.compile({ $ref: `openai#/components/schemas/${name}` });
    validators.set(name, validate);
  }
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`,
  );
}

/** Validates a value against an ad-hoc schema that may `$ref` the document's components. */
export function validateWith(schema: Record<string, unknown>, value: unknown): string[] {
  const validate = spec().ajv.compile(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '(body)'} ${error.message ?? 'is invalid'}`,
  );
}

export interface UploadedPart {
  field: string;
  name: string;
  type: string;
  size: number;
  bytes: Buffer;
}

export interface ParsedBody {
  /** The body as the schema sees it: bracketed names nested, files as the marker "(binary)". */
  value: Record<string, unknown>;
  files: UploadedPart[];
  /** Field names in the order they arrived (two `input_reference` files must stay ordered). */
  order: string[];
}

function setPath(target: Record<string, unknown>, name: string, value: unknown): void {
  const isList = name.endsWith('[]');
  const base = isList ? name.slice(0, -2) : name;
  const nested = /^([^[]+)\[([^\]]+)\]$/.exec(base);
  if (nested?.[1] && nested[2]) {
    const child = (target[nested[1]] ?? {}) as Record<string, unknown>;
    child[nested[2]] = value;
    target[nested[1]] = child;
  } else if (isList) {
    target[base] = [...((target[base] as unknown[] | undefined) ?? []), value];
  } else if (base in target) {
    // A repeated plain field (CometAPI's two ordered input_reference files) becomes a list.
    target[base] = [...[target[base]].flat(), value];
  } else target[base] = value;
}

/** Parses a multipart or JSON request body the way the API would read it. */
export async function parseBody(contentType: string, body: Buffer): Promise<ParsedBody> {
  if (contentType.includes('application/json')) {
    return {
      value: body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {},
      files: [],
      order: [],
    };
  }
  const form = await new Response(new Uint8Array(body), {
    headers: { 'content-type': contentType },
  }).formData();
  const value: Record<string, unknown> = {};
  const files: UploadedPart[] = [];
  const order: string[] = [];
  for (const [field, entry] of form.entries()) {
    order.push(field);
    if (typeof entry === 'string') setPath(value, field, entry);
    else {
      const bytes = Buffer.from(await entry.arrayBuffer());
      files.push({ field, name: entry.name, type: entry.type, size: bytes.length, bytes });
      setPath(value, field, '(binary)');
    }
  }
  return { value, files, order };
}

// Answers are written by a serializer compiled once per route from its zod response schema (zod → JSON
// Schema → fast-json-stringify). Like zod's encode it lets only the schema's fields out — the client portal
// relies on that — but it does not check every id and nested object again on the way out: that check was
// ~0.7 ms of a list page of 50 relationships, more than turning it into JSON (ADR 006).
//
// The check moves to the tests: under NODE_ENV=test every answer is also encoded by zod, which must accept it,
// and the two serializers must write the same bytes. The whole suite thereby proves the compiled writer says
// exactly what the schema-checked one would, route by route.
import fastJson from 'fast-json-stringify';
import { ResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeEncode } from 'zod/v4/core';

type JsonSchema = { [key: string]: unknown };

/** Keywords that only validate: the writer needs none of them, and an `anyOf` branch check would run them. */
const validationOnly = new Set([
  '$schema',
  'description',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minItems',
  'maxItems',
]);
const namedSchemas = new Set(['properties', 'definitions', '$defs', 'patternProperties']);

/** The schema the writer needs: no validation keywords, and `X | null` as `X` with `nullable`. */
export function writerSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(writerSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (validationOnly.has(key)) continue;
    out[key] = namedSchemas.has(key)
      ? Object.fromEntries(Object.entries(value as JsonSchema).map(([k, v]) => [k, writerSchema(v)]))
      : writerSchema(value);
  }
  const branches = out.anyOf;
  if (Array.isArray(branches) && branches.length === 2) {
    const isNull = (b: JsonSchema) => b.type === 'null' && Object.keys(b).length === 1;
    const nullAt = branches.findIndex(isNull);
    const other = branches[1 - nullAt] as JsonSchema | undefined;
    if (nullAt >= 0 && typeof other?.type === 'string') {
      const { anyOf: _, ...rest } = out;
      return { ...rest, ...other, nullable: true };
    }
  }
  return out;
}

/** The zod schema of a route's response (fastify passes it bare or under `properties`). */
function zodOf(schema: unknown): z.ZodType {
  if (schema instanceof z.ZodType) return schema;
  const properties = (schema as { properties?: unknown } | null)?.properties;
  if (properties instanceof z.ZodType) return properties;
  throw new Error(`response schema is not a zod schema: ${JSON.stringify(schema)}`);
}

export function compileWriter(schema: z.ZodType): (data: unknown) => string {
  const json = z.toJSONSchema(schema, { io: 'output', target: 'draft-7', unrepresentable: 'any' });
  return fastJson(writerSchema(json) as Parameters<typeof fastJson>[0]);
}

/** Fastify's serializer compiler: one compiled writer per route and status. */
export function answerSerializer(checked = process.env.NODE_ENV === 'test') {
  return ({ schema, method, url }: { schema: unknown; method: string; url: string }) => {
    const zodSchema = zodOf(schema);
    const write = compileWriter(zodSchema);
    if (!checked) return write;
    return (data: unknown): string => {
      const encoded = safeEncode(zodSchema, data);
      if (encoded.error) throw new ResponseSerializationError(method, url, { cause: encoded.error });
      const written = write(data);
      const expected = JSON.stringify(encoded.data);
      if (written !== expected)
        throw new Error(`${method} ${url}: the compiled writer wrote ${written}, zod ${expected}`);
      return written;
    };
  };
}

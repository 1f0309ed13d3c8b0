import fc from 'fast-check';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  default?: unknown;
};

const nest = (depth: number): unknown => (depth === 0 ? 'bottom' : { a: [nest(depth - 1)] });

/** Values that should never reach the database unchecked. */
export const hostile = fc.oneof(
  fc.constantFrom(
    "'; DROP TABLE teams; --",
    "' OR '1'='1",
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\u202eRTL override',
    '🧑🏽‍🤝‍🧑🏻',
    '../../../etc/passwd',
    '%00',
    '{{7*7}}',
    `\${7*7}`,
    'not-an-id',
    '00000000-0000-0000-0000-000000000000',
    '',
    ' ',
    '9999-99-99',
    '2026-02-30',
    'x'.repeat(100_000),
  ),
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER),
  fc.constant(nest(300)),
  fc.constant([]),
  fc.constant({}),
  fc.string({ maxLength: 50, unit: 'binary' }),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
);

/** A value that fits the schema as well as a hurried client would get it right. */
export function plausible(schema: JsonSchema | undefined, ids: string[]): fc.Arbitrary<unknown> {
  if (!schema) return fc.constant('x');
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fc.oneof(...variants.map((s) => plausible(s, ids)));
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return ids.length ? fc.constantFrom(...ids) : fc.uuid();
      if (schema.format === 'email') return fc.emailAddress();
      if (schema.format === 'date') return fc.constantFrom('2026-01-15', '2026-11-22', '1999-12-31');
      if (schema.format === 'date-time')
        return fc.constantFrom('2026-01-15T10:00:00.000Z', new Date().toISOString());
      return fc.string({ minLength: schema.minLength ?? 1, maxLength: Math.min(schema.maxLength ?? 40, 40) });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -10, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(plausible(schema.items, ids), { maxLength: 3 });
    case 'object':
      return objectOf(schema, ids, 0);
    default:
      return fc.constant('x');
  }
}

function objectOf(
  schema: JsonSchema,
  ids: string[],
  brokenWeight: number,
): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.entries(schema.properties ?? {});
  const entries = Object.fromEntries(
    props.map(([k, s]) => [
      k,
      brokenWeight > 0
        ? fc.oneof(
            { weight: 3, arbitrary: plausible(s, ids) },
            { weight: brokenWeight, arbitrary: hostile },
            { weight: 1, arbitrary: fc.constant(undefined) },
          )
        : plausible(s, ids),
    ]),
  );
  return fc
    .record(entries as Record<string, fc.Arbitrary<unknown>>, { requiredKeys: [] })
    .map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
}

/** Bodies derived from the schema and then broken: wrong types, missing and extra fields, hostile strings. */
export function brokenBody(schema: JsonSchema | undefined, ids: string[]): fc.Arbitrary<unknown> {
  const shaped = schema?.properties ? objectOf(schema, ids, 2) : fc.constant({});
  return fc.oneof(
    { weight: 6, arbitrary: shaped },
    {
      weight: 2,
      arbitrary: fc
        .tuple(shaped, fc.dictionary(fc.string({ maxLength: 12 }), hostile, { maxKeys: 3 }))
        .map(([a, extra]) => ({ ...extra, ...(a as object) })),
    },
    { weight: 1, arbitrary: hostile },
  );
}

/** A query string built the same way: the documented parameters, with values plausible or hostile. */
export function brokenQuery(
  params: Array<{ name: string; schema?: JsonSchema }>,
  ids: string[],
): fc.Arbitrary<string> {
  if (params.length === 0) return fc.constant('');
  const pairs = params.map((p) =>
    fc.option(
      fc
        .oneof(plausible(p.schema, ids), hostile)
        .map((v) => [p.name, typeof v === 'string' ? v : (JSON.stringify(v) ?? '')] as const),
      { nil: undefined },
    ),
  );
  return fc.tuple(...pairs).map((kvs) => {
    const present = kvs.filter((kv): kv is readonly [string, string] => kv !== undefined);
    return present.length
      ? `?${new URLSearchParams(present.map(([k, v]) => [k, v.slice(0, 5000)])).toString()}`
      : '';
  });
}

export const hostileId = fc.constantFrom(
  'not-an-id',
  "1' OR '1'='1",
  '00000000-0000-0000-0000-000000000000',
  '%2e%2e%2f%2e%2e%2f',
  'x'.repeat(300),
  '12345',
);

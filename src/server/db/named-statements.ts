import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from './open';

/**
 * Large statements of a few fixed shapes, run as named prepared statements: parsed once per connection and,
 * after five executions, planned once too when PostgreSQL finds its generic plan no dearer than the custom
 * ones. For the balance's two reads (6 and 10 KB of SQL, some forty subqueries) that took the database's CPU a
 * request from 25–35 to ~18 ms at S on PostgreSQL (ADR 006). A generic plan does not know how big the tenant
 * is, so each read in such a statement must have a plan good for any (see balance.tallies.ts#dayCountsRead,
 * which did not). The name is a digest of the text, so a statement built with other ids or windows is another
 * statement, never a clash. Each connection keeps what it prepared, so only the first `MAX_SHAPES` texts of a
 * family (the balance's reads; the lists, whose texts name their workspace) the process meets are named; any
 * later one runs as before. On PostgreSQL through the driver's named statements;
 * embedded with SQL's PREPARE and EXECUTE, the values written as literals (the embedded database is one
 * connection, and the extended protocol it speaks names no statement). Inside a transaction (a handle without
 * the pool or the embedded database) the statement runs as `db.execute` would.
 */
export const MAX_SHAPES = 16;
/**
 * A family of statements, each with its own cap: the name's prefix. `prepared`: the statements stores build
 * once with drizzle's `prepare` (db/prepared.ts#rowsAsRead), named by drizzle on PostgreSQL and by us embedded.
 * `portfolio`: the portfolio's one statement, a text per workspace (its id written in).
 */
export type Family = 'shape' | 'list' | 'prepared' | 'portfolio';
/** Per family, the names this process prepares on PostgreSQL. */
const named = new Map<Family, Set<string>>();
/**
 * Per embedded database, each shape met: whether it was prepared (false: refused, so it runs unnamed), as the
 * PREPARE's promise, kept from the moment it is sent. Kept only once it had answered, ten requests arriving
 * together each sent a PREPARE, the nine after the first were refused ("already exists"), and the last refusal
 * marked the shape unnamed for good: every list then ran parsed and planned afresh (ADR 006).
 */
const embeddedShapes = new WeakMap<PGlite, Map<string, Promise<boolean>>>();

/** A statement as its text and values ($1, $2, … in the text). */
export type StatementText = { sql: string; params: unknown[] };
type Dialect = { sqlToQuery(statement: SQL): StatementText };

/** Dates and timestamps as the database writes them, as drizzle's own statements read them. */
const asText = (value: string) => value;
const textTypes = new Set<number>([
  pg.types.builtins.DATE,
  pg.types.builtins.TIMESTAMP,
  pg.types.builtins.TIMESTAMPTZ,
  pg.types.builtins.INTERVAL,
  1182,
  1115,
  1185,
  1187,
  1231,
]);
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    textTypes.has(oid) ? asText : pg.types.getTypeParser(oid, format),
} as pg.CustomTypesConfig;

/** A value as an SQL literal, which EXECUTE casts to its parameter's type; undefined when it has none. */
function literal(value: unknown): string | undefined {
  if (value === null) return 'NULL';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string') return `'${value.replaceAll("'", "''")}'`;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return undefined;
}

/** A statement as the database receives it: drizzle's text with `$n` and its values (placeholders kept). */
export function writtenOut(db: Db, statement: SQL): StatementText {
  return (db as unknown as { dialect: Dialect }).dialect.sqlToQuery(statement);
}

export async function executeNamed<Row>(
  db: Db,
  statement: SQL,
  family: Family = 'shape',
): Promise<{ rows: Row[] }> {
  const { $client: client } = db as unknown as { $client?: unknown };
  if (!(client instanceof pg.Pool || client instanceof PGlite))
    return (await db.execute(statement)) as unknown as { rows: Row[] };
  return executeNamedText<Row>(db, writtenOut(db, statement), family);
}

/** Whether a text is a uuid, as an id must be before it is written into a statement's text. */
export const isUuid = (text: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text);

/**
 * A workspace's id written into a statement's text, not a parameter: a named statement's kept plan is then made
 * for that workspace (tenants differ fiftyfold), and each workspace's statement is one of its own.
 */
export function writtenIn(workspaceId: string): SQL {
  // It comes from the caller's membership; checked all the same, since it is written into the text.
  if (!isUuid(workspaceId)) throw new Error('not a workspace id');
  return sql.raw(`'${workspaceId}'::uuid`);
}

/** `executeNamed` for a statement already written out (built once, its values filled in per run). */
export async function executeNamedText<Row>(
  db: Db,
  { sql: text, params }: StatementText,
  family: Family,
): Promise<{ rows: Row[] }> {
  const { $client: client } = db as unknown as { $client?: unknown };
  if (client instanceof pg.Pool) {
    const name = nameOf(family, text);
    let names = named.get(family);
    if (!names) {
      names = new Set();
      named.set(family, names);
    }
    const asNamed = names.has(name) || names.size < MAX_SHAPES;
    if (asNamed) names.add(name);
    return client.query<Row & pg.QueryResultRow>({
      ...(asNamed ? { name } : {}),
      text,
      values: params,
      types,
    });
  }
  if (client instanceof PGlite) return executeOnPglite<Row>(client, { sql: text, params }, family);
  return (await db.execute(statementOf(text, params))) as unknown as { rows: Row[] };
}

/** On the embedded database: PREPARE once per shape (up to the family's cap), then EXECUTE with literals. */
export async function executeOnPglite<Row>(
  client: PGlite,
  { sql: text, params }: StatementText,
  family: Family,
): Promise<{ rows: Row[] }> {
  const name = nameOf(family, text);
  const values = params.map(literal);
  const literals = values.every((v) => v !== undefined);
  let shapes = embeddedShapes.get(client);
  if (!shapes) {
    shapes = new Map();
    embeddedShapes.set(client, shapes);
  }
  let preparing = shapes.get(name);
  const ofFamily = () => [...shapes.keys()].filter((k) => k.startsWith(`${family}_`)).length;
  if (preparing === undefined && literals && ofFamily() < MAX_SHAPES) {
    preparing = prepare(client, name, text);
    shapes.set(name, preparing);
  }
  if (preparing && literals && (await preparing))
    return client.query<Row>(
      values.length === 0 ? `EXECUTE ${name}` : `EXECUTE ${name}(${values.join(', ')})`,
    );
  return client.query<Row>(text, params);
}

const nameOf = (family: Family, text: string) =>
  `${family}_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;

/** A written-out statement as drizzle's SQL again (inside a transaction), each `$n` its value. */
function statementOf(text: string, params: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  return sql.join(
    parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`)),
    sql``,
  );
}

/** PREPARE once; a text it refuses (a parameter whose type it cannot tell) runs unnamed from then on. */
async function prepare(client: PGlite, name: string, text: string): Promise<boolean> {
  try {
    await client.exec(`PREPARE ${name} AS ${text}`);
    return true;
  } catch {
    return false;
  }
}

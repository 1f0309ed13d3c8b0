import { readFileSync } from 'node:fs';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase, uniq } from '../test/harness';
import type { Database, Db } from './open';

/**
 * The Citus rule (ADR 002, docs/scale.md), read from the live catalog so no table can slip past it:
 * every tenant table leads its primary key, its foreign keys to other tenant tables and its indexes with
 * workspace_id, so it can be distributed by workspace_id and every query stays on one shard.
 */

/** Tables without workspace_id: they span workspaces, and docs/scale.md says how each is placed. */
const GLOBAL_TABLES = new Set(['users', 'sessions', 'workspaces']);

/** Global tables a tenant table may point at: Citus allows keys from distributed to reference tables. */
const REFERENCE_TARGETS = new Set(['workspaces', 'users']);

/** Indexes on tenant tables that deliberately do not lead with workspace_id, each with its reason. */
const CROSS_TENANT_INDEXES = new Map([
  // The mail delivery loop claims due messages of every workspace (FOR UPDATE SKIP LOCKED).
  ['mail_messages_due_idx', 'mail delivery worker'],
  // The check-in reminder worker finds due reminders of every workspace, then claims each in its own.
  ['check_in_reminders_due_idx', 'reminder worker'],
  // The pulse reminder worker finds rounds whose one reminder is due, then claims each in its workspace.
  ['pulses_reminder_due_idx', 'pulse reminder worker'],
  // The daily health pass finds relationships due a refresh in every workspace, then claims them per workspace.
  ['relationship_health_due_idx', 'daily health pass'],
  // The webhook delivery worker finds due deliveries of every workspace, then leases each in its own.
  ['webhook_deliveries_due_idx', 'webhook delivery worker'],
  // The import worker finds committed imports waiting for a runner in every workspace.
  ['imports_due_idx', 'import worker'],
  // GET /me lists the workspaces a person belongs to: by nature a lookup across workspaces.
  ['memberships_user_idx', 'workspaces of one person'],
  // A portal magic link is asked for by email alone: the contacts with portal access, across workspaces.
  ['contacts_portal_email_idx', 'portal sign-in by email'],
  // Full-text search: a GIN index on the tsvector alone (a composite one needs btree_gin, which PGlite loads
  // only on request). Every search query also filters workspace_id, so on Citus it stays on one shard.
  ['search_documents_tsv_idx', 'full-text search'],
  ['search_documents_title_idx', 'full-text search on titles'],
]);

type Catalog = {
  tables: string[];
  tenantTables: Set<string>;
  constraints: Array<{
    name: string;
    table: string;
    kind: 'p' | 'f' | 'u';
    columns: string[];
    refTable: string | null;
    refColumns: string[];
  }>;
  indexes: Array<{ name: string; table: string; firstColumn: string; primary: boolean }>;
};

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

const list = (s: string | null) => (s ? s.split(',') : []);

async function readCatalog(db: Db, schema: string): Promise<Catalog> {
  const tables = await rows<{ name: string; tenant: boolean }>(
    db,
    sql`SELECT t.table_name AS name,
          EXISTS (SELECT 1 FROM information_schema.columns c
                  WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                    AND c.column_name = 'workspace_id') AS tenant
        FROM information_schema.tables t
        WHERE t.table_schema = ${schema} AND t.table_type = 'BASE TABLE'
        ORDER BY 1`,
  );
  const constraints = await rows<{
    name: string;
    table: string;
    kind: 'p' | 'f' | 'u';
    columns: string;
    ref_table: string | null;
    ref_columns: string | null;
  }>(
    db,
    sql`SELECT c.conname AS name, r.relname AS table, c.contype AS kind,
          (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num) AS columns,
          f.relname AS ref_table,
          (SELECT string_agg(a.attname, ',' ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(num, ord)
             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num) AS ref_columns
        FROM pg_constraint c
        JOIN pg_class r ON r.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = r.relnamespace
        LEFT JOIN pg_class f ON f.oid = c.confrelid
        WHERE n.nspname = ${schema} AND c.contype IN ('p', 'f', 'u')
        ORDER BY 1`,
  );
  const indexes = await rows<{ name: string; table: string; first_column: string; primary: boolean }>(
    db,
    sql`SELECT i.relname AS name, r.relname AS table, x.indisprimary AS primary,
          pg_get_indexdef(x.indexrelid, 1, true) AS first_column
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class r ON r.oid = x.indrelid
        JOIN pg_namespace n ON n.oid = r.relnamespace
        WHERE n.nspname = ${schema}
        ORDER BY 1`,
  );
  return {
    tables: tables.map((t) => t.name),
    tenantTables: new Set(tables.filter((t) => t.tenant).map((t) => t.name)),
    constraints: constraints.map((c) => ({
      name: c.name,
      table: c.table,
      kind: c.kind,
      columns: list(c.columns),
      refTable: c.ref_table,
      refColumns: list(c.ref_columns),
    })),
    indexes: indexes.map((i) => ({
      name: i.name,
      table: i.table,
      firstColumn: i.first_column.replace(/"/g, ''),
      primary: i.primary,
    })),
  };
}

/** Every way the catalog breaks the rule, one readable line each naming the table and constraint. */
function violations(catalog: Catalog): string[] {
  const found: string[] = [];
  const tenant = (t: string) => catalog.tenantTables.has(t);
  for (const table of catalog.tables) {
    if (!tenant(table) && !GLOBAL_TABLES.has(table)) {
      found.push(`${table}: has no workspace_id and is not on the global allow-list`);
    }
    if (!tenant(table)) continue;
    const pk = catalog.constraints.find((c) => c.table === table && c.kind === 'p');
    if (!pk) found.push(`${table}: has no primary key`);
    else if (pk.columns[0] !== 'workspace_id') {
      found.push(
        `${table}: primary key ${pk.name} (${pk.columns.join(', ')}) does not lead with workspace_id`,
      );
    }
  }
  for (const c of catalog.constraints) {
    if (!tenant(c.table)) continue;
    if (c.kind === 'u' && c.columns[0] !== 'workspace_id') {
      found.push(
        `${c.table}: unique constraint ${c.name} (${c.columns.join(', ')}) does not lead with workspace_id`,
      );
    }
    if (c.kind !== 'f' || !c.refTable) continue;
    if (REFERENCE_TARGETS.has(c.refTable)) continue;
    if (!tenant(c.refTable)) {
      found.push(`${c.table}: foreign key ${c.name} points at global table ${c.refTable}`);
    } else if (c.columns[0] !== 'workspace_id' || c.refColumns[0] !== 'workspace_id') {
      found.push(
        `${c.table}: foreign key ${c.name} (${c.columns.join(', ')}) → ${c.refTable} (${c.refColumns.join(', ')}) does not lead with workspace_id`,
      );
    }
  }
  for (const i of catalog.indexes) {
    if (!tenant(i.table) || i.primary || CROSS_TENANT_INDEXES.has(i.name)) continue;
    if (i.firstColumn !== 'workspace_id') {
      found.push(`${i.table}: index ${i.name} leads with ${i.firstColumn}, not workspace_id`);
    }
  }
  return found;
}

/** The table in docs/scale.md: `| \`name\` | kind … | why |` rows. */
function documentedTables(): Map<string, string> {
  const doc = readFileSync(new URL('../../../docs/scale.md', import.meta.url), 'utf8');
  const documented = new Map<string, string>();
  for (const line of doc.split('\n')) {
    const m = /^\|\s*`([a-z_]+)`\s*\|\s*([^|]+)\|/.exec(line);
    if (m) documented.set(m[1]!, m[2]!.trim().toLowerCase());
  }
  return documented;
}

let database: Database;
let catalog: Catalog;

beforeAll(async () => {
  database = await openTestDatabase();
  catalog = await readCatalog(database.db, 'public');
});

afterAll(async () => {
  await database?.close();
});

describe('the schema can be distributed by workspace_id (Citus)', () => {
  test('the catalog was read (a test that reads nothing cannot fail)', () => {
    expect(catalog.tables).toContain('relationships');
    expect(catalog.constraints.some((c) => c.kind === 'f')).toBe(true);
    expect(catalog.indexes.some((i) => !i.primary)).toBe(true);
  });

  test('every table is a tenant table keyed, referenced and indexed by workspace_id, or an allowed global one', () => {
    expect(violations(catalog)).toEqual([]);
  });

  test('the allow-listed cross-tenant indexes still exist (a stale entry would hide a future one)', () => {
    const names = new Set(catalog.indexes.map((i) => i.name));
    expect([...CROSS_TENANT_INDEXES.keys()].filter((n) => !names.has(n))).toEqual([]);
  });

  test('the check names the table and constraint of each breach', async () => {
    // A throwaway schema with one table of each kind of mistake, so the check is seen to fail.
    const schema = uniq('rules').replace(/[^a-z0-9]/g, '_');
    const db = database.db;
    await db.execute(sql.raw(`CREATE SCHEMA ${schema}`));
    try {
      const statements = [
        `CREATE TABLE ${schema}.teams (workspace_id uuid, id uuid, PRIMARY KEY (workspace_id, id))`,
        `CREATE TABLE ${schema}.notes (id uuid PRIMARY KEY, workspace_id uuid NOT NULL)`,
        `CREATE TABLE ${schema}.links (workspace_id uuid, id uuid, team_id uuid, PRIMARY KEY (workspace_id, id),
           CONSTRAINT links_team_fk FOREIGN KEY (team_id, workspace_id) REFERENCES ${schema}.teams (id, workspace_id))`,
        `CREATE INDEX links_team_idx ON ${schema}.links (team_id)`,
        `CREATE TABLE ${schema}.settings (key text PRIMARY KEY)`,
      ];
      for (const statement of statements) await db.execute(sql.raw(statement));
      const found = violations(await readCatalog(db, schema));
      expect(found.sort()).toEqual([
        'links: foreign key links_team_fk (team_id, workspace_id) → teams (id, workspace_id) does not lead with workspace_id',
        'links: index links_team_idx leads with team_id, not workspace_id',
        'notes: primary key notes_pkey (id) does not lead with workspace_id',
        'settings: has no workspace_id and is not on the global allow-list',
      ]);
    } finally {
      await db.execute(sql.raw(`DROP SCHEMA ${schema} CASCADE`));
    }
  });
});

describe('docs/scale.md stays true to the schema', () => {
  test('it lists exactly the tables in the catalog', () => {
    const documented = documentedTables();
    const missing = catalog.tables.filter((t) => !documented.has(t));
    const extra = [...documented.keys()].filter((t) => !catalog.tables.includes(t));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  test('it distributes every tenant table and places every global table as reference or local', () => {
    const wrong: string[] = [];
    for (const [table, kind] of documentedTables()) {
      if (!catalog.tables.includes(table)) continue;
      const expected = catalog.tenantTables.has(table) ? /^distributed/ : /^(reference|local)/;
      if (!expected.test(kind)) wrong.push(`${table}: documented as "${kind}"`);
    }
    expect(wrong).toEqual([]);
  });
});

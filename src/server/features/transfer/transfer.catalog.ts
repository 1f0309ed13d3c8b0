// Which tables a workspace export holds, read from the live catalog rather than a hand-written list, so a
// table a new feature adds is carried by export and restore without anyone remembering to list it here.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';

/**
 * Tenant tables an export leaves out, each with its reason. Everything else with a workspace_id column is
 * exported. The transfer test fails when a name here is no longer a table, so the list cannot rot.
 */
export const EXCLUDED_TABLES: Record<string, string> = {
  memberships: 'carried as `members` (by email), since user ids differ between installations',
  api_tokens: 'credentials of this installation; a file must not carry them — create new tokens after a move',
  invitations: 'pending links hold secrets of this installation; invite again after a move',
  mail_messages: 'the outbox is transient delivery state, not workspace data',
  search_documents: 'derived from the records; rebuilt after a restore',
  search_index_state: 'derived: the version the search index was built with',
  balance_days:
    'derived: the database keeps it from the check-ins and topics, and fills it again as they are restored',
  time_months:
    'derived: the database keeps it from the time entries, and fills it again as they are restored',
  standing_days:
    'derived: the database keeps it from the relationships and their assessments, and fills it again as they are restored',
  portfolio_counts:
    'derived: the database keeps it from the relationships, and fills it again as they are restored',
  standing_moves:
    'derived: the database keeps it from the relationships and their assessments, and fills it again as they are restored',
  client_pulse_rounds:
    'derived: the database keeps it from the client pulse answers, and fills it again as they are restored',
  client_pulse_months:
    'derived: the database keeps it from client_pulse_rounds, and fills it again as the answers are restored',
  audit_events: 'the trail of what happened on this installation; the restore itself is audited',
  webhooks: 'subscriptions carry signing secrets of this installation; subscribe again after a move',
  webhook_deliveries: 'the delivery log of this installation’s webhooks',
  portal_links:
    'single-use sign-in links of this installation, valid for minutes; contacts ask for a new one',
  portal_sessions: 'signed-in portal sessions of this installation; contacts sign in again after a move',
  imports: 'uploaded files and their run state on this installation; what they imported is in the export',
};

export type TenantTable = { name: string; columns: string[] };

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** Every table with a workspace_id column (excluded ones too), in an order that inserts parents first. */
export async function tenantTables(db: Db): Promise<TenantTable[]> {
  const cols = await rows<{ table: string; column: string }>(
    db,
    sql`SELECT c.table_name AS "table", c.column_name AS "column"
        FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND c.is_generated = 'NEVER' AND c.data_type <> 'tsvector'
          AND c.table_name IN (SELECT table_name FROM information_schema.columns
                               WHERE table_schema = current_schema() AND column_name = 'workspace_id')
        ORDER BY c.table_name, c.ordinal_position`,
  );
  const fks = await rows<{ table: string; ref: string }>(
    db,
    sql`SELECT DISTINCT r.relname AS "table", f.relname AS "ref"
        FROM pg_constraint c
        JOIN pg_class r ON r.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid
        JOIN pg_namespace n ON n.oid = r.relnamespace
        WHERE c.contype = 'f' AND n.nspname = current_schema() AND r.relname <> f.relname`,
  );
  const columns = new Map<string, string[]>();
  for (const c of cols) columns.set(c.table, [...(columns.get(c.table) ?? []), c.column]);
  const parents = new Map<string, Set<string>>();
  for (const fk of fks) {
    if (!columns.has(fk.table) || !columns.has(fk.ref)) continue;
    parents.set(fk.table, (parents.get(fk.table) ?? new Set()).add(fk.ref));
  }
  // Depth-first topological order; names sorted first so the order (and the document) is stable.
  const ordered: string[] = [];
  const seen = new Set<string>();
  const visit = (t: string) => {
    if (seen.has(t)) return;
    seen.add(t);
    for (const p of [...(parents.get(t) ?? [])].sort()) visit(p);
    ordered.push(t);
  };
  for (const t of [...columns.keys()].sort()) visit(t);
  return ordered.map((name) => ({ name, columns: columns.get(name) ?? [] }));
}

/** The tables an export carries, parents first. */
export async function exportedTables(db: Db): Promise<TenantTable[]> {
  return (await tenantTables(db)).filter((t) => !(t.name in EXCLUDED_TABLES));
}

/** Double-quotes an identifier read from the catalog. */
export const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

import { and, asc, eq, getTableColumns, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { type ImportRow, readRow } from '../../../domain/imports';
import type { Db } from '../../db/open';
import { recordAudit } from '../../platform/audit';
import { parseCsv } from './imports.csv';
import { type ImportError, imports } from './imports.table';
import {
  type ClientDirectory,
  loadClientDirectory,
  writeClients,
  writeContacts,
  writeRelationships,
} from './imports.write';

type Row = typeof imports.$inferSelect;
/** The import without its file: what each batch reads and writes back (the file is read once per run). */
type State = Omit<Row, 'csv'>;
const { csv: _file, ...stateColumns } = getTableColumns(imports);
export type ImportProgress = Pick<
  State,
  'status' | 'processed' | 'total' | 'created' | 'updated' | 'skipped' | 'rejected'
>;
export type RunOptions = {
  onProgress?: (p: ImportProgress) => void;
  batchSize?: number;
  /** Called inside each batch's transaction before it commits (tests simulate a crash here). */
  beforeBatchCommit?: (batch: { from: number; to: number }) => void | Promise<void>;
  now?: () => Date;
};

const BATCH = 5_000;
const LEASE_MS = 2 * 60_000;
const MAX_ERRORS = 1_000;
const MAX_ATTEMPTS = 3;

const scope = (workspaceId: string, id: string) =>
  and(eq(imports.workspaceId, workspaceId), eq(imports.id, id));

/** Takes a committed import that nobody is running (or whose runner's lease ran out). */
async function claim(db: Db, workspaceId: string, id: string, now: Date): Promise<Row | null> {
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [row] = await tx
      .select()
      .from(imports)
      .where(
        and(
          scope(workspaceId, id),
          isNotNull(imports.committedAt),
          inArray(imports.status, ['pending', 'running']),
          or(isNull(imports.leaseUntil), lt(imports.leaseUntil, now)),
        ),
      )
      .for('update', { skipLocked: true });
    if (!row) return null;
    const [claimed] = await tx
      .update(imports)
      .set({ status: 'running', leaseUntil: new Date(now.getTime() + LEASE_MS), updatedAt: now })
      .where(scope(workspaceId, id))
      .returning();
    return claimed ?? null;
  });
}

/** One row's outcome before writing: a value to write, a repeat of an earlier row, or problems. */
type Checked = { index: number; value: ImportRow | null; duplicate: boolean; problems: ImportError[] };

/** Rows that would land on the same record: contacts by email, clients by domain or name, relationships by both. */
function dedupeKey(value: ImportRow): string {
  if ('email' in value) return value.email;
  if ('team' in value) return `${value.domain ?? value.client.toLowerCase()}|${value.team.toLowerCase()}`;
  return value.domain ?? value.name.toLowerCase();
}

function checkAll(row: Row): Checked[] {
  const { rows } = parseCsv(row.csv);
  const seen = new Set<string>();
  return rows.map((cells, index) => {
    const { value, problems } = readRow(row.entity, row.mapping ?? {}, cells);
    const key = value ? dedupeKey(value) : null;
    const duplicate = key !== null && seen.has(key);
    if (key) seen.add(key);
    return { index, value, duplicate, problems: problems.map((p) => ({ row: index + 2, ...p })) };
  });
}

/**
 * Runs a committed import to the end, in batches. Each batch's rows, its counters, its errors and the new
 * `processed` mark commit in one transaction, so a crash leaves whole batches and the next run (this
 * function again, on any node, once the lease ran out) starts after the last one without duplicates.
 * Returns the import's final state, or its current state when another node holds it.
 */
export async function runImport(
  db: Db,
  workspaceId: string,
  importId: string,
  options: RunOptions = {},
): Promise<ImportProgress> {
  const now = options.now ?? (() => new Date());
  const claimed = await claim(db, workspaceId, importId, now());
  if (!claimed) {
    const [row] = await db.select(stateColumns).from(imports).where(scope(workspaceId, importId));
    if (!row) throw new Error(`no import ${importId}`);
    return row;
  }
  let current: State = claimed;
  try {
    const checked = checkAll(claimed);
    const dir: ClientDirectory = await loadClientDirectory(db, workspaceId);
    const size = options.batchSize ?? BATCH;
    while (current.processed < checked.length) {
      const from = current.processed;
      const to = Math.min(from + size, checked.length);
      current = await runBatch(db, current, checked.slice(from, to), dir, { ...options, now }, { from, to });
      options.onProgress?.(current);
    }
    const [done] = await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await recordAudit(
        tx,
        { workspaceId, actorKind: 'user', actorId: current.createdBy },
        'import.finished',
        'import',
        importId,
        {
          entity: current.entity,
          created: current.created,
          updated: current.updated,
          skipped: current.skipped,
          rejected: current.rejected,
        },
      );
      return tx
        .update(imports)
        .set({ status: 'done', leaseUntil: null, finishedAt: now(), updatedAt: now() })
        .where(scope(workspaceId, importId))
        .returning(stateColumns);
    });
    options.onProgress?.(done!);
    return done!;
  } catch (err) {
    // Nothing of the failed batch committed. Hand the import back for another try, then give up.
    const [row] = await db
      .select({ attempts: imports.attempts })
      .from(imports)
      .where(scope(workspaceId, importId));
    const attempts = (row?.attempts ?? 0) + 1;
    await db
      .update(imports)
      .set({
        attempts,
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'running',
        finishedAt: attempts >= MAX_ATTEMPTS ? now() : null,
        leaseUntil: null,
        lastError: String((err as Error)?.message ?? err).slice(0, 500),
        updatedAt: now(),
      })
      .where(scope(workspaceId, importId));
    throw err;
  }
}

async function runBatch(
  db: Db,
  current: State,
  rows: Checked[],
  dir: ClientDirectory,
  options: RunOptions & { now: () => Date },
  range: { from: number; to: number },
): Promise<State> {
  const { workspaceId, id } = current;
  let commitDir = () => {};
  const next = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    // The lease and the mark are checked under the row lock: a second runner can never write a batch twice.
    const [locked] = await tx.select(stateColumns).from(imports).where(scope(workspaceId, id)).for('update');
    if (!locked || locked.processed !== range.from)
      throw new Error('the import moved on under another runner');
    const good = rows
      .filter((r) => r.value && !r.duplicate)
      .map((r) => ({ index: r.index, value: r.value! }));
    const batch = { db: tx, workspaceId, dir, rows: good };
    const written =
      current.entity === 'contacts'
        ? await writeContacts(batch as Parameters<typeof writeContacts>[0])
        : current.entity === 'clients'
          ? await writeClients(batch as Parameters<typeof writeClients>[0])
          : await writeRelationships(batch as Parameters<typeof writeRelationships>[0], current.createdBy);
    commitDir = written.commit;
    const errors = [
      ...rows.flatMap((r) => r.problems),
      ...written.problems.map((p) => ({ row: p.index + 2, field: p.field, message: p.message })),
    ].sort((a, b) => a.row - b.row);
    const rejectedRows = [...new Set(errors.map((e) => e.row))];
    const room = Math.max(0, MAX_ERRORS - locked.errors.length);
    await options.beforeBatchCommit?.(range);
    const [row] = await tx
      .update(imports)
      .set({
        processed: range.to,
        created: locked.created + written.created,
        updated: locked.updated + written.updated,
        skipped: locked.skipped + written.skipped + rows.filter((r) => r.duplicate).length,
        rejected: locked.rejected + rejectedRows.length,
        errors:
          room > 0 && errors.length
            ? sql`${imports.errors} || ${JSON.stringify(errors.slice(0, room))}::jsonb`
            : undefined,
        rejectedRows: rejectedRows.length
          ? sql`${imports.rejectedRows} || ${`{${rejectedRows.join(',')}}`}::int[]`
          : undefined,
        leaseUntil: new Date(options.now().getTime() + LEASE_MS),
        updatedAt: options.now(),
      })
      .where(scope(workspaceId, id))
      .returning(stateColumns);
    return row!;
  });
  commitDir();
  return next;
}

/** Committed imports of any workspace that wait for a runner (new, or left by a crashed node). */
export async function dueImports(db: Db, now: Date, limit = 5) {
  return db
    .select({ workspaceId: imports.workspaceId, id: imports.id })
    .from(imports)
    .where(
      and(
        inArray(imports.status, ['pending', 'running']),
        or(isNull(imports.leaseUntil), lt(imports.leaseUntil, now)),
        isNotNull(imports.committedAt),
      ),
    )
    .orderBy(asc(imports.createdAt))
    .limit(limit);
}

/** An upload never committed is dropped after this long: its file only ever served the preview (ADR 012). */
export const UNCOMMITTED_DAYS = 7;

/** Drops uploads of every workspace that were never committed and are older than UNCOMMITTED_DAYS. */
export async function dropAbandonedUploads(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - UNCOMMITTED_DAYS * 86_400_000);
  const dropped = await db
    .delete(imports)
    .where(and(eq(imports.status, 'pending'), isNull(imports.committedAt), lt(imports.createdAt, before)))
    .returning({ id: imports.id });
  return dropped.length;
}

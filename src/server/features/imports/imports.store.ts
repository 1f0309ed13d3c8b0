import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import {
  type ImportEntity,
  type ImportMapping,
  importFields,
  mappingProblems,
  readRow,
  suggestMapping,
} from '../../../domain/imports';
import type { Db } from '../../db/open';
import { iso, isoOrNull } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { afterCursor, decodeCursor, toPage } from '../../platform/pagination';
import type { ImportState, ImportSummary, UploadResult } from './imports.contract';
import { parseCsv, toCsv } from './imports.csv';
import { imports } from './imports.table';

type Row = typeof imports.$inferSelect;
const PREVIEW_ROWS = 20;
/** The most rows one file may hold; larger exports are split (ADR 012). */
export const MAX_ROWS = 200_000;

type SummaryRow = Omit<Row, 'csv' | 'errors' | 'rejectedRows'>;
const toSummary = (r: SummaryRow): ImportSummary => ({
  id: r.id,
  entity: r.entity,
  fileName: r.fileName,
  status: r.status,
  committed: r.committedAt !== null,
  total: r.total,
  processed: r.processed,
  created: r.created,
  updated: r.updated,
  skipped: r.skipped,
  rejected: r.rejected,
  createdAt: iso(r.createdAt),
  finishedAt: isoOrNull(r.finishedAt),
});

const toState = (r: Row): ImportState => ({
  ...toSummary(r),
  columns: r.columns,
  mapping: (r.mapping as Record<string, string | null> | null) ?? null,
  errors: r.errors,
  failure: r.status === 'failed' ? r.lastError : null,
});

/** Stores an uploaded file and answers with its columns, a suggested mapping and the first rows checked. */
export async function createImport(
  db: Db,
  workspaceId: string,
  userId: string | null,
  entity: ImportEntity,
  csvText: string,
  fileName: string | null = null,
): Promise<UploadResult> {
  if (csvText.includes('\u0000')) throw AppError.badField('body', 'is not a text CSV file');
  const { columns, rows } = parseCsv(csvText);
  if (columns.length === 0 || rows.length === 0)
    throw AppError.badField('body', 'has no rows: send a CSV file with a header line and at least one row');
  if (rows.length > MAX_ROWS)
    throw AppError.badField('body', `has ${rows.length} rows; split it into files of at most ${MAX_ROWS}`);
  const suggested = suggestMapping(entity, columns);
  const [row] = await db
    .insert(imports)
    .values({
      workspaceId,
      id: newId(),
      entity,
      fileName,
      csv: csvText,
      columns,
      total: rows.length,
      createdBy: userId,
    })
    .returning();
  const preview = rows.slice(0, PREVIEW_ROWS).map((cells, i) => ({
    row: i + 2,
    cells,
    problems: readRow(entity, suggested, cells).problems,
  }));
  return { ...toState(row!), suggestedMapping: suggested, preview };
}

async function load(db: Db, workspaceId: string, id: string, lock = false): Promise<Row> {
  const q = db
    .select()
    .from(imports)
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)));
  const [row] = await (lock ? q.for('update') : q);
  if (!row) throw AppError.notFound('Import');
  return row;
}

/** Checks the mapping against the file's columns and queues the import; the worker (or runImport) runs it. */
export async function commitImport(
  db: Db,
  workspaceId: string,
  id: string,
  mapping: ImportMapping,
): Promise<ImportState> {
  const row = await load(db, workspaceId, id, true);
  if (row.committedAt) throw new AppError('conflict', 'This import has already been started');
  const known = new Set(importFields[row.entity].map((f) => f.field));
  const clean: Record<string, string | null> = {};
  for (const [field, column] of Object.entries(mapping)) {
    if (!known.has(field))
      throw AppError.badField(`mapping.${field}`, `is not a ${row.entity} field (${[...known].join(', ')})`);
    if (column && !row.columns.includes(column))
      throw AppError.badField(`mapping.${field}`, `names "${column}", which is not a column of this file`);
    clean[field] = column || null;
  }
  const [missing] = mappingProblems(row.entity, clean);
  if (missing) throw AppError.badField(`mapping.${missing.field}`, missing.message);
  const [updated] = await db
    .update(imports)
    .set({ mapping: clean, committedAt: new Date(), status: 'pending', updatedAt: new Date() })
    .where(and(eq(imports.workspaceId, workspaceId), eq(imports.id, id)))
    .returning();
  return toState(updated!);
}

export async function getImport(db: Db, workspaceId: string, id: string): Promise<ImportState> {
  return toState(await load(db, workspaceId, id));
}

/** Past imports, newest first (without their files). */
export async function listImports(db: Db, workspaceId: string, query: { limit: number; cursor?: string }) {
  const after = decodeCursor(query.cursor, 2);
  const { csv: _file, errors: _errors, rejectedRows: _rejected, ...columns } = getTableColumns(imports);
  const rows = await db
    .select(columns)
    .from(imports)
    .where(
      and(
        eq(imports.workspaceId, workspaceId),
        after ? afterCursor([imports.createdAt, imports.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(imports.createdAt), desc(imports.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [iso(r.createdAt), r.id]);
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
}

/** The rejected rows as the file had them, with what was wrong in a last column, to fix and import again. */
export async function rejectedCsv(db: Db, workspaceId: string, id: string): Promise<string> {
  const row = await load(db, workspaceId, id);
  const { columns, rows } = parseCsv(row.csv);
  const problems = new Map<number, string[]>();
  for (const e of row.errors)
    problems.set(e.row, [...(problems.get(e.row) ?? []), `${e.field} ${e.message}`]);
  const column = columns.includes('Import problem') ? 'Import problem (twofold)' : 'Import problem';
  const out = row.rejectedRows.map((n) => ({
    ...rows[n - 2],
    [column]: (problems.get(n) ?? ['rejected']).join('; '),
  }));
  return toCsv([...columns, column], out as Array<Record<string, string>>);
}

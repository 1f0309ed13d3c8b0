import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { type SearchKind, type SearchVisibility, searchDocuments } from './search.table';

/**
 * What a feature hands the search index about one of its records. Stores call `indexForSearch` in the
 * transaction of every write that changes what a person would search for, and `removeFromSearch` when the
 * record goes, so the index is never behind the data:
 *
 *   await indexForSearch(tx, workspaceId, { kind: 'topic', id, title, body: description,
 *     visibility: 'shared', clientId, parentId: relationshipId });
 */
export type SearchDoc = {
  kind: SearchKind;
  id: string;
  title: string;
  /** The text searched and quoted in snippets (Markdown is best given as plain text). */
  body?: string | null;
  /** A short line shown under the title (role and email, a date and place…); searched too, weighted least. */
  subtitle?: string | null;
  /** `shared`: a client contact may find it in the portal (when it is theirs); `internal`: members only. */
  visibility: SearchVisibility;
  /** The client the record belongs to, if any: portal scoping, and it disappears with the client. */
  clientId?: string | null;
  /** The record it lives under (a topic's relationship, a learning's reflection): for links and cleanup. */
  parentId?: string | null;
};

/** PostgreSQL's tsvector tops out at 1 MB; long bodies are searched by their first part. */
const MAX_BODY = 60_000;
const MAX_LINE = 2_000;

const clip = (s: string | null | undefined, max: number) => (s ?? '').slice(0, max);

/** Adds or refreshes documents (one or many), in the caller's transaction. */
export async function indexForSearch(
  db: Db,
  workspaceId: string,
  docs: SearchDoc | SearchDoc[],
): Promise<void> {
  const list = Array.isArray(docs) ? docs : [docs];
  if (list.length === 0) return;
  const now = new Date();
  const rows = list.map((d) => ({
    workspaceId,
    entityType: d.kind,
    entityId: d.id,
    title: clip(d.title, MAX_LINE),
    subtitle: clip(d.subtitle, MAX_LINE),
    body: clip(d.body, MAX_BODY),
    visibility: d.visibility,
    clientId: d.clientId ?? null,
    parentId: d.parentId ?? null,
    updatedAt: now,
  }));
  // Batches keep each statement's parameter count far below PostgreSQL's 65,535.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insert(searchDocuments)
      .values(rows.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [searchDocuments.workspaceId, searchDocuments.entityType, searchDocuments.entityId],
        set: {
          title: sql`excluded.title`,
          subtitle: sql`excluded.subtitle`,
          body: sql`excluded.body`,
          visibility: sql`excluded.visibility`,
          clientId: sql`excluded.client_id`,
          parentId: sql`excluded.parent_id`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
  }
}

/**
 * Removes a record's document and every document living under it (by client or parent), so a deleted
 * relationship takes its topics with it even though each came from another store.
 */
export async function removeFromSearch(
  db: Db,
  workspaceId: string,
  kind: SearchKind,
  id: string,
): Promise<void> {
  await db
    .delete(searchDocuments)
    .where(
      and(
        eq(searchDocuments.workspaceId, workspaceId),
        or(
          and(eq(searchDocuments.entityType, kind), eq(searchDocuments.entityId, id)),
          eq(searchDocuments.parentId, id),
          eq(searchDocuments.clientId, id),
        ),
      ),
    );
}

// Rebuilding a workspace's search documents from the records themselves: for data written without the
// stores (the demo seed, imports, the bench generator) and whenever the document definitions change.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { workspaces } from '../../platform/auth/auth.table';
import { clientDocsAfter, contactDocsAfter } from '../clients/clients.search';
import { eventDocsAfter } from '../community/events.store';
import { knowledgeDocsAfter } from '../knowledge/knowledge.store';
import { learningDocsAfter } from '../reflections/learnings.search';
import { relationshipDocsAfter } from '../relationships/relationships.search';
import { topicDocsAfter } from '../topics/topics.search';
import { indexForSearch, type SearchDoc } from './search.index';
import { type SearchKind, searchDocuments, searchIndexState } from './search.table';

/** One page of a kind's documents after an id, in id order. */
type DocsAfter = (db: Db, workspaceId: string, afterId: string | null, limit: number) => Promise<SearchDoc[]>;

/**
 * Every kind the index holds and where its documents come from. Adding a kind (topics, learnings) is a
 * line here, a `…DocsAfter` beside its store, and a bump of SEARCH_INDEX_VERSION, so every existing
 * workspace is re-indexed on the next start.
 */
const sources: Array<{ kind: SearchKind; docsAfter: DocsAfter }> = [
  { kind: 'client', docsAfter: clientDocsAfter },
  { kind: 'contact', docsAfter: contactDocsAfter },
  { kind: 'relationship', docsAfter: relationshipDocsAfter },
  { kind: 'knowledge', docsAfter: knowledgeDocsAfter },
  { kind: 'event', docsAfter: eventDocsAfter },
  { kind: 'topic', docsAfter: topicDocsAfter },
  { kind: 'learning', docsAfter: learningDocsAfter },
];

export const SEARCH_INDEX_VERSION = 2;
const BATCH = 1000;

/** Rebuilds the documents of every kind above (others are left alone), in the caller's transaction. */
export async function reindexWorkspace(db: Db, workspaceId: string): Promise<number> {
  await db.delete(searchDocuments).where(
    and(
      eq(searchDocuments.workspaceId, workspaceId),
      inArray(
        searchDocuments.entityType,
        sources.map((s) => s.kind),
      ),
    ),
  );
  let total = 0;
  for (const source of sources) {
    let after: string | null = null;
    for (;;) {
      const docs = await source.docsAfter(db, workspaceId, after, BATCH);
      await indexForSearch(db, workspaceId, docs);
      total += docs.length;
      if (docs.length < BATCH) break;
      after = docs[docs.length - 1]!.id;
    }
  }
  await db
    .insert(searchIndexState)
    .values({ workspaceId, version: SEARCH_INDEX_VERSION, indexedAt: new Date() })
    .onConflictDoUpdate({
      target: searchIndexState.workspaceId,
      set: { version: SEARCH_INDEX_VERSION, indexedAt: new Date() },
    });
  return total;
}

/**
 * The start step: re-indexes every workspace whose index predates SEARCH_INDEX_VERSION (or was never
 * built), one transaction each. Safe with several nodes starting at once: a workspace is claimed with an
 * advisory lock and checked again inside it.
 */
export async function ensureSearchIndexed(
  db: Db,
  options: { log?: (m: string) => void; workspaceIds?: string[] } = {},
): Promise<number> {
  const stale = await db
    .select({ id: workspaces.id })
    .from(workspaces)
    .leftJoin(searchIndexState, eq(searchIndexState.workspaceId, workspaces.id))
    .where(
      and(
        sql`(${searchIndexState.version} IS NULL OR ${searchIndexState.version} < ${SEARCH_INDEX_VERSION})`,
        options.workspaceIds ? inArray(workspaces.id, options.workspaceIds) : undefined,
      ),
    );
  let done = 0;
  for (const { id } of stale) {
    const rebuilt = await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`twofold.search-index:${id}`}))`);
      const [state] = await tx
        .select({ version: searchIndexState.version })
        .from(searchIndexState)
        .where(eq(searchIndexState.workspaceId, id))
        .limit(1);
      if (state && state.version >= SEARCH_INDEX_VERSION) return false;
      await reindexWorkspace(tx, id);
      return true;
    });
    if (rebuilt) done++;
  }
  if (done > 0) options.log?.(`search index built for ${done} workspace${done === 1 ? '' : 's'}`);
  return done;
}

// How relationships appear in search: "<client> — <team>", its stage, and the shared ambition. The title
// borrows the client's and team's names, so renaming either re-indexes its relationships.
import { and, asc, eq, gt, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { clients } from '../clients/clients.table';
import { indexForSearch, removeFromSearch, type SearchDoc } from '../search/search.index';
import { teams } from '../teams/teams.table';
import { relationships } from './relationships.table';

const stageLabel = {
  transactional: 'Transactional',
  advisory: 'Advisory',
  partnership: 'Partnership',
  co_creation: 'Co-creation',
} as const;

function docsWhere(db: Db, workspaceId: string, where: SQL | undefined) {
  return db
    .select({
      id: relationships.id,
      clientId: relationships.clientId,
      ambition: relationships.ambition,
      stage: relationships.stage,
      status: relationships.status,
      clientName: clients.name,
      teamName: teams.name,
    })
    .from(relationships)
    .innerJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, relationships.clientId)))
    .innerJoin(teams, and(eq(teams.workspaceId, workspaceId), eq(teams.id, relationships.teamId)))
    .where(and(eq(relationships.workspaceId, workspaceId), where))
    .orderBy(asc(relationships.id));
}

type Joined = Awaited<ReturnType<typeof docsWhere>>[number];

const toDoc = (r: Joined): SearchDoc => ({
  kind: 'relationship',
  id: r.id,
  title: `${r.clientName} — ${r.teamName}`,
  subtitle: [stageLabel[r.stage], r.status === 'active' ? null : r.status].filter(Boolean).join(' · '),
  body: r.ambition,
  visibility: 'internal',
  clientId: r.clientId,
});

export type RelationshipScope = { id: string } | { clientId: string } | { teamId: string };

const scopeOf = (s: RelationshipScope): SQL =>
  'id' in s
    ? eq(relationships.id, s.id)
    : 'clientId' in s
      ? eq(relationships.clientId, s.clientId)
      : eq(relationships.teamId, s.teamId);

/** The documents of one relationship, or of every relationship of a client or a team. */
export async function relationshipDocs(db: Db, workspaceId: string, scope: RelationshipScope) {
  return (await docsWhere(db, workspaceId, scopeOf(scope))).map(toDoc);
}

/** Refreshes the documents of one relationship, or of every relationship of a client or a team. */
export async function indexRelationships(db: Db, workspaceId: string, scope: RelationshipScope) {
  await indexForSearch(db, workspaceId, await relationshipDocs(db, workspaceId, scope));
}

/** A page of a workspace's relationships as documents, in id order (for the backfill). */
export async function relationshipDocsAfter(
  db: Db,
  workspaceId: string,
  afterId: string | null,
  limit: number,
) {
  const rows = await docsWhere(db, workspaceId, afterId ? gt(relationships.id, afterId) : undefined).limit(
    limit,
  );
  return rows.map(toDoc);
}

/** Before a team is deleted (its relationships go with it): their documents, and what lives under them. */
export async function removeTeamRelationshipsFromSearch(
  db: Db,
  workspaceId: string,
  teamId: string,
): Promise<void> {
  const rows = await db
    .select({ id: relationships.id })
    .from(relationships)
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.teamId, teamId)));
  for (const r of rows) await removeFromSearch(db, workspaceId, 'relationship', r.id);
}

// Writes one batch of checked rows into clients, contacts and relationships, inside the batch's
// transaction. Clients and contacts go in as multi-row statements (a 100k-row file is ~50 batches, not
// 100k round trips); relationships are few and go through their own store, which keeps their history.
import { and, eq, sql } from 'drizzle-orm';
import type { ClientRow, ContactRow, RelationshipRow } from '../../../domain/imports';
import type { Db } from '../../db/open';
import { newId } from '../../platform/ids';
import { clientSearchDoc, indexContactIds } from '../clients/clients.search';
import { clients } from '../clients/clients.table';
import { createRelationship, updateRelationship } from '../relationships/relationships.store';
import { relationships } from '../relationships/relationships.table';
import { indexForSearch } from '../search/search.index';
import { teams } from '../teams/teams.table';

export type Counts = { created: number; updated: number; skipped: number };
export type RowProblem = { index: number; field: string; message: string };

/** Clients known to the run, by lower-cased name and by domain; batch additions merge in after commit. */
export type ClientDirectory = { byName: Map<string, string>; byDomain: Map<string, string> };

export async function loadClientDirectory(db: Db, workspaceId: string): Promise<ClientDirectory> {
  const rows = await db
    .select({ id: clients.id, name: clients.name, website: clients.website })
    .from(clients)
    .where(eq(clients.workspaceId, workspaceId));
  const dir: ClientDirectory = { byName: new Map(), byDomain: new Map() };
  for (const r of rows) addClient(dir, r.id, r.name, domainOfWebsite(r.website));
  return dir;
}

function domainOfWebsite(website: string | null): string | null {
  if (!website) return null;
  return (
    website
      .trim()
      .toLowerCase()
      .replace(/^[a-z]+:\/\//, '')
      .replace(/^www\./, '')
      .split(/[/?#:]/)[0] || null
  );
}

function addClient(dir: ClientDirectory, id: string, name: string, domain: string | null) {
  if (!dir.byName.has(name.toLowerCase())) dir.byName.set(name.toLowerCase(), id);
  if (domain && !dir.byDomain.has(domain)) dir.byDomain.set(domain, id);
}

const findClient = (dir: ClientDirectory, name: string, domain: string | null) =>
  (domain ? dir.byDomain.get(domain) : undefined) ?? dir.byName.get(name.toLowerCase());

/**
 * The client ids for rows naming a client by name or domain; creates (in one statement) the clients the
 * workspace does not have yet. New clients go into `dir` only once `commit` is called after the batch commits.
 */
async function resolveClients(
  db: Db,
  workspaceId: string,
  dir: ClientDirectory,
  wanted: Array<{ client: string; domain: string | null }>,
): Promise<{ ids: string[]; commit: () => void }> {
  const local: ClientDirectory = { byName: new Map(), byDomain: new Map() };
  const fresh: Array<typeof clients.$inferInsert> = [];
  const ids = wanted.map((w) => {
    const known = findClient(dir, w.client, w.domain) ?? findClient(local, w.client, w.domain);
    if (known) return known;
    const id = newId();
    addClient(local, id, w.client, w.domain);
    fresh.push({ workspaceId, id, name: w.client, kind: 'external', website: w.domain });
    return id;
  });
  if (fresh.length) {
    const rows = await db.insert(clients).values(fresh).returning();
    await indexForSearch(db, workspaceId, rows.map(clientSearchDoc));
  }
  return {
    ids,
    commit: () => {
      for (const f of fresh) addClient(dir, f.id, f.name, f.website ?? null);
    },
  };
}

type Batch<T> = {
  db: Db;
  workspaceId: string;
  dir: ClientDirectory;
  rows: Array<{ index: number; value: T }>;
};
type Written = Counts & { problems: RowProblem[]; commit: () => void };

/** Contacts by email: new ones inserted, changed ones updated, identical ones left alone (and counted skipped). */
export async function writeContacts({ db, workspaceId, dir, rows }: Batch<ContactRow>): Promise<Written> {
  if (rows.length === 0) return { created: 0, updated: 0, skipped: 0, problems: [], commit: () => {} };
  const resolved = await resolveClients(
    db,
    workspaceId,
    dir,
    rows.map((r) => r.value),
  );
  // One JSON parameter rather than 6 × 5,000: parsing and binding a statement that size is most of its cost.
  const batch = JSON.stringify(
    rows.map((r, i) => ({
      id: newId(),
      client_id: resolved.ids[i],
      name: r.value.name,
      email: r.value.email,
      role: r.value.role,
    })),
  );
  const result = (await db.execute(sql`
    INSERT INTO contacts AS c (workspace_id, id, client_id, name, email, role)
    SELECT ${workspaceId}::uuid, x.id, x.client_id, x.name, x.email, x.role
    FROM jsonb_to_recordset(${batch}::jsonb) AS x(id uuid, client_id uuid, name text, email text, role text)
    ON CONFLICT (workspace_id, lower(email)) DO UPDATE
      SET name = excluded.name, role = coalesce(excluded.role, c.role), client_id = excluded.client_id, updated_at = now()
      WHERE (c.name, c.role, c.client_id) IS DISTINCT FROM (excluded.name, coalesce(excluded.role, c.role), excluded.client_id)
    RETURNING c.id, (xmax = 0) AS inserted`)) as unknown as {
    rows: Array<{ id: string; inserted: boolean }>;
  };
  const changed = result.rows;
  await indexContactIds(
    db,
    workspaceId,
    changed.map((r) => r.id),
  );
  const created = changed.filter((r) => r.inserted).length;
  return {
    created,
    updated: changed.length - created,
    skipped: rows.length - changed.length,
    problems: [],
    commit: resolved.commit,
  };
}

/** Clients by domain, then name: new ones inserted, known ones given the file's industry and domain. */
export async function writeClients({ db, workspaceId, dir, rows }: Batch<ClientRow>): Promise<Written> {
  const counts = { created: 0, updated: 0, skipped: 0 };
  const fresh: Array<typeof clients.$inferInsert> = [];
  const local: ClientDirectory = { byName: new Map(), byDomain: new Map() };
  for (const { value } of rows) {
    const id = findClient(dir, value.name, value.domain) ?? findClient(local, value.name, value.domain);
    if (!id) {
      const created = {
        workspaceId,
        id: newId(),
        name: value.name,
        kind: value.kind,
        industry: value.industry,
        website: value.domain,
      };
      fresh.push(created);
      addClient(local, created.id, value.name, value.domain);
      counts.created++;
      continue;
    }
    const pending = fresh.find((f) => f.id === id);
    if (pending) {
      counts.skipped++;
      continue;
    }
    const [changed] = await db
      .update(clients)
      .set({
        ...(value.industry ? { industry: value.industry } : {}),
        ...(value.domain ? { website: sql`coalesce(${clients.website}, ${value.domain})` } : {}),
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(clients.workspaceId, workspaceId),
          eq(clients.id, id),
          sql`(${clients.industry}, ${clients.website}) IS DISTINCT FROM (coalesce(${value.industry}, ${clients.industry}), coalesce(${clients.website}, ${value.domain}))`,
        ),
      )
      .returning();
    if (changed) {
      counts.updated++;
      await indexForSearch(db, workspaceId, clientSearchDoc(changed));
    } else counts.skipped++;
  }
  if (fresh.length) {
    const inserted = await db.insert(clients).values(fresh).returning();
    await indexForSearch(db, workspaceId, inserted.map(clientSearchDoc));
  }
  return {
    ...counts,
    problems: [],
    commit: () => {
      for (const f of fresh) addClient(dir, f.id, f.name, f.website ?? null);
    },
  };
}

/** Relationships by client and team: a team the workspace does not have rejects the row. */
export async function writeRelationships(
  { db, workspaceId, dir, rows }: Batch<RelationshipRow>,
  createdBy: string | null,
): Promise<Written> {
  const counts = { created: 0, updated: 0, skipped: 0 };
  const problems: RowProblem[] = [];
  const teamRows = await db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.workspaceId, workspaceId));
  const teamByName = new Map(teamRows.map((t) => [t.name.trim().toLowerCase(), t.id]));
  const known = rows.filter((r) => {
    if (teamByName.has(r.value.team.toLowerCase())) return true;
    problems.push({
      index: r.index,
      field: 'team',
      message: `"${r.value.team}" is not a team of this workspace`,
    });
    return false;
  });
  const resolved = await resolveClients(
    db,
    workspaceId,
    dir,
    known.map((r) => r.value),
  );
  const now = new Date();
  for (const [i, { value }] of known.entries()) {
    const clientId = resolved.ids[i]!;
    const teamId = teamByName.get(value.team.toLowerCase())!;
    const [existing] = await db
      .select()
      .from(relationships)
      .where(
        and(
          eq(relationships.workspaceId, workspaceId),
          eq(relationships.clientId, clientId),
          eq(relationships.teamId, teamId),
        ),
      );
    const stage = (value.stage ?? undefined) as Parameters<typeof createRelationship>[3]['stage'];
    const pyramidLevel = (value.pyramidLevel ?? undefined) as Parameters<
      typeof createRelationship
    >[3]['pyramidLevel'];
    if (!existing) {
      await createRelationship(
        db,
        workspaceId,
        createdBy ?? (null as unknown as string),
        {
          clientId,
          teamId,
          cadenceDays: value.cadenceDays,
          stage,
          pyramidLevel,
          ambition: value.ambition ?? undefined,
        },
        now,
      );
      counts.created++;
      continue;
    }
    const same =
      existing.cadenceDays === value.cadenceDays &&
      (!stage || existing.stage === stage) &&
      (!pyramidLevel || existing.pyramidLevel === pyramidLevel) &&
      (!value.ambition || existing.ambition === value.ambition);
    if (same) {
      counts.skipped++;
      continue;
    }
    await updateRelationship(
      db,
      workspaceId,
      existing.id,
      createdBy ?? (null as unknown as string),
      {
        cadenceDays: value.cadenceDays,
        stage,
        pyramidLevel,
        ...(value.ambition ? { ambition: value.ambition } : {}),
        note: 'Changed by a CSV import',
      },
      now,
    );
    counts.updated++;
  }
  return { ...counts, problems, commit: resolved.commit };
}

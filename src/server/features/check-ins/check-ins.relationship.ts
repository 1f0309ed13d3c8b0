// The relationship a check-in belongs to, with the names a check-in shows and the email an invite needs.
// A read model over the relationships, clients, teams and users tables; changes go through their own stores.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { users } from '../../platform/auth/auth.table';
import { AppError } from '../../platform/errors';
import { clients } from '../clients/clients.table';
import type { RelationshipStatus } from '../relationships/relationships.table';
import { relationships } from '../relationships/relationships.table';
import { teams } from '../teams/teams.table';

export type RelationshipRef = {
  id: string;
  status: RelationshipStatus;
  clientId: string;
  client: { id: string; name: string };
  team: { id: string; name: string };
  owner: { id: string; name: string; email: string } | null;
  nextCheckInDue: string | null;
};

/** The relationship, or a 404: check-ins, topics and their children all live under one. */
export async function relationshipRef(db: Db, workspaceId: string, id: string): Promise<RelationshipRef> {
  const [row] = await db
    .select({
      id: relationships.id,
      status: relationships.status,
      clientId: relationships.clientId,
      clientName: clients.name,
      teamId: relationships.teamId,
      teamName: teams.name,
      ownerId: relationships.ownerId,
      ownerName: users.name,
      ownerEmail: users.email,
      nextCheckInDue: relationships.nextCheckInDue,
    })
    .from(relationships)
    .innerJoin(clients, and(eq(clients.workspaceId, workspaceId), eq(clients.id, relationships.clientId)))
    .innerJoin(teams, and(eq(teams.workspaceId, workspaceId), eq(teams.id, relationships.teamId)))
    .leftJoin(users, eq(users.id, relationships.ownerId))
    .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Relationship');
  return {
    id: row.id,
    status: row.status,
    clientId: row.clientId,
    client: { id: row.clientId, name: row.clientName },
    team: { id: row.teamId, name: row.teamName },
    owner:
      row.ownerId && row.ownerEmail
        ? { id: row.ownerId, name: row.ownerName ?? 'Partner lead', email: row.ownerEmail }
        : null,
    nextCheckInDue: row.nextCheckInDue,
  };
}

export async function userRef(db: Db, userId: string): Promise<{ id: string; name: string; email: string }> {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  if (!row) throw AppError.notFound('Person');
  return row;
}

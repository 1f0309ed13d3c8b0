import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { memberships, users } from '../../platform/auth/auth.table';
import { AppError } from '../../platform/errors';
import { clients, contacts } from '../clients/clients.table';
import { relationships } from '../relationships/relationships.table';
import { services } from '../services/services.table';
import { teams } from '../teams/teams.table';
import { timeEntries } from '../time/time.table';
import type { PulseInput } from './pulses.contract';

// Who a new round goes to, and what it is about in words. Reads the clients, relationships, teams, services
// and time features' tables directly (read-only), always filtered by workspace_id.

export type Recipient = {
  name: string;
  email: string;
  contactId: string | null;
  userId: string | null;
  relationshipId: string | null;
};

export type Target = {
  relationshipId: string | null;
  teamId: string | null;
  serviceId: string | null;
  /** The team asked about (client) or whose people answer (employee), or the service rated. */
  subject: string;
  /** What the round is about, in a list: "Harbour Savings Bank · Strategy & Research". */
  label: string;
};

async function teamName(db: Db, workspaceId: string, teamId: string, field = 'teamId'): Promise<string> {
  const [t] = await db
    .select({ name: teams.name })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), eq(teams.id, teamId)));
  if (!t) throw AppError.badField(field, 'is not a team of this workspace');
  return t.name;
}

/**
 * A team's people: members who logged time for it in the last 90 days or own one of its relationships.
 * Teams have no member list of their own; this is who works for the team in practice.
 */
export async function peopleOfTeam(
  db: Db,
  workspaceId: string,
  teamId: string,
  now: Date,
): Promise<string[]> {
  const since = new Date(now.getTime() - 90 * 86_400_000).toISOString().slice(0, 10);
  const [logged, owners] = await Promise.all([
    db
      .selectDistinct({ id: timeEntries.memberId })
      .from(timeEntries)
      .where(
        and(
          eq(timeEntries.workspaceId, workspaceId),
          eq(timeEntries.teamId, teamId),
          gte(timeEntries.date, since),
        ),
      ),
    db
      .selectDistinct({ id: relationships.ownerId })
      .from(relationships)
      .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.teamId, teamId))),
  ]);
  return [...new Set([...logged, ...owners].map((r) => r.id).filter((x): x is string => Boolean(x)))];
}

async function membersByIds(db: Db, workspaceId: string, ids: string[] | null): Promise<Recipient[]> {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.workspaceId, workspaceId), ids ? inArray(memberships.userId, ids) : undefined))
    .orderBy(users.name);
  return rows.map((u) => ({
    name: u.name,
    email: u.email,
    userId: u.id,
    contactId: null,
    relationshipId: null,
  }));
}

/** The contacts of the given relationships' clients, one link per contact (their first relationship). */
async function contactsOf(db: Db, workspaceId: string, relationshipIds: string[]): Promise<Recipient[]> {
  if (relationshipIds.length === 0) return [];
  const rows = await db
    .select({ relationshipId: relationships.id, id: contacts.id, name: contacts.name, email: contacts.email })
    .from(relationships)
    .innerJoin(
      contacts,
      and(eq(contacts.workspaceId, relationships.workspaceId), eq(contacts.clientId, relationships.clientId)),
    )
    .where(and(eq(relationships.workspaceId, workspaceId), inArray(relationships.id, relationshipIds)))
    .orderBy(contacts.name, relationships.id);
  const seen = new Set<string>();
  return rows
    .filter((r) => !seen.has(r.id) && seen.add(r.id))
    .map((r) => ({
      name: r.name,
      email: r.email,
      contactId: r.id,
      userId: null,
      relationshipId: r.relationshipId,
    }));
}

/** Checks the target the kind needs and names it; unknown ids are a 400 on their field. */
export async function resolveTarget(db: Db, workspaceId: string, input: PulseInput): Promise<Target> {
  const none = { relationshipId: null, teamId: null, serviceId: null };
  if (input.kind === 'client') {
    if (input.relationshipId) {
      const [r] = await db
        .select({ teamId: relationships.teamId, client: clients.name, team: teams.name })
        .from(relationships)
        .innerJoin(
          clients,
          and(eq(clients.workspaceId, relationships.workspaceId), eq(clients.id, relationships.clientId)),
        )
        .innerJoin(
          teams,
          and(eq(teams.workspaceId, relationships.workspaceId), eq(teams.id, relationships.teamId)),
        )
        .where(and(eq(relationships.workspaceId, workspaceId), eq(relationships.id, input.relationshipId)));
      if (!r) throw AppError.badField('relationshipId', 'is not a relationship of this workspace');
      return {
        ...none,
        relationshipId: input.relationshipId,
        subject: r.team,
        label: `${r.client} · ${r.team}`,
      };
    }
    if (!input.teamId)
      throw AppError.badField('relationshipId', 'a client pulse needs a relationshipId or a teamId');
    const name = await teamName(db, workspaceId, input.teamId);
    return { ...none, teamId: input.teamId, subject: name, label: `All clients of ${name}` };
  }
  if (input.kind === 'employee') {
    if (!input.teamId) throw AppError.badField('teamId', 'an employee pulse needs a teamId');
    const name = await teamName(db, workspaceId, input.teamId);
    return { ...none, teamId: input.teamId, subject: name, label: name };
  }
  if (!input.serviceId) throw AppError.badField('serviceId', 'a service pulse needs a serviceId');
  const [s] = await db
    .select({ name: services.name, kind: services.kind })
    .from(services)
    .where(and(eq(services.workspaceId, workspaceId), eq(services.id, input.serviceId)));
  if (!s) throw AppError.badField('serviceId', 'is not a service of this workspace');
  if (s.kind !== 'internal') throw AppError.badField('serviceId', 'must be an internal service');
  const teamId = input.teamId ?? null;
  const label = teamId ? `${s.name} · ${await teamName(db, workspaceId, teamId)}` : s.name;
  return { ...none, serviceId: input.serviceId, teamId, subject: s.name, label };
}

/** Who gets a link. Employee rounds need at least three people, or no result could ever be shown. */
export async function resolveRecipients(
  db: Db,
  workspaceId: string,
  input: PulseInput,
  target: Target,
  now: Date,
): Promise<Recipient[]> {
  let found: Recipient[];
  if (input.kind === 'client') {
    const ids = target.relationshipId
      ? [target.relationshipId]
      : (
          await db
            .select({ id: relationships.id })
            .from(relationships)
            .where(
              and(
                eq(relationships.workspaceId, workspaceId),
                eq(relationships.teamId, target.teamId!),
                eq(relationships.status, 'active'),
              ),
            )
        ).map((r) => r.id);
    found = await contactsOf(db, workspaceId, ids);
    if (found.length === 0)
      throw AppError.badField(
        target.relationshipId ? 'relationshipId' : 'teamId',
        'has no client contacts to ask; add contacts to the client first',
      );
    return found;
  }
  if (input.memberIds) {
    found = await membersByIds(db, workspaceId, [...new Set(input.memberIds)]);
    if (found.length !== new Set(input.memberIds).size)
      throw AppError.badField('memberIds', 'must name members of this workspace');
  } else if (target.teamId) {
    const ids = await peopleOfTeam(db, workspaceId, target.teamId, now);
    found = ids.length ? await membersByIds(db, workspaceId, ids) : [];
  } else {
    found = await membersByIds(db, workspaceId, null);
  }
  if (input.kind === 'employee' && found.length < 3)
    throw AppError.badField(
      input.memberIds ? 'memberIds' : 'teamId',
      `an anonymous pulse needs at least 3 people (found ${found.length}); name them in memberIds`,
    );
  if (found.length === 0) throw AppError.badField('memberIds', 'names nobody to ask');
  return found;
}

import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { closesAt, pulseStatus, reminderAt } from '../../../domain/pulse';
import type { Db } from '../../db/open';
import { users, workspaces } from '../../platform/auth/auth.table';
import { randomToken, sha256 } from '../../platform/auth/secrets';
import { iso, isoOrNull } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { enqueueMail } from '../../platform/mail';
import { afterCursor, decodeKeysetCursor, toPage } from '../../platform/pagination';
import { refreshHealth } from '../health/health.store';
import { relationshipIdsOfTeam } from '../relationships/relationships.query';
import type { CreatedPulse, Pulse, PulseInput, PulseListQuery, PulsePatch } from './pulses.contract';
import { pulseMail, responseUrl } from './pulses.questions';
import { resolveRecipients, resolveTarget } from './pulses.recipients';
import { pulseAnswers, pulseRecipients, pulses } from './pulses.table';

type Row = typeof pulses.$inferSelect;

/** A round is a short survey: it closes today at the earliest and within a year at the latest. */
function checkClosesOn(closesOn: string, now: Date): void {
  if (closesAt(closesOn) <= now) throw AppError.badField('closesOn', 'must be today or later');
  if (closesAt(closesOn).getTime() > now.getTime() + 366 * 86_400_000)
    throw AppError.badField('closesOn', 'must be within a year');
}
export type MailContext = { publicUrl: string; smtp: boolean };

/** `<workspace id without dashes>.<256 random bits>`: the prefix finds the shard, the rest is the secret. */
export function newResponseToken(workspaceId: string): string {
  return `${workspaceId.replaceAll('-', '')}.${randomToken()}`;
}

export async function workspaceName(db: Db, workspaceId: string): Promise<string> {
  const [w] = await db
    .select({ name: workspaces.name })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return w?.name ?? 'Your partner';
}

/** Invited and answered counts of many rounds in one query each. */
async function countsOf(db: Db, workspaceId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, { invited: number; responses: number }>();
  const rows = await db
    .select({
      pulseId: pulseRecipients.pulseId,
      invited: sql<number>`count(*)::int`,
      responses: sql<number>`count(*) filter (where ${pulseRecipients.answered})::int`,
    })
    .from(pulseRecipients)
    .where(and(eq(pulseRecipients.workspaceId, workspaceId), inArray(pulseRecipients.pulseId, ids)))
    .groupBy(pulseRecipients.pulseId);
  return new Map(rows.map((r) => [r.pulseId, { invited: r.invited, responses: r.responses }]));
}

async function toPulses(
  db: Db,
  workspaceId: string,
  rows: { row: Row; creator: string | null }[],
  now: Date,
) {
  const counts = await countsOf(
    db,
    workspaceId,
    rows.map((r) => r.row.id),
  );
  return rows.map(({ row: r, creator }): Pulse => {
    const c = counts.get(r.id) ?? { invited: 0, responses: 0 };
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      relationshipId: r.relationshipId,
      teamId: r.teamId,
      serviceId: r.serviceId,
      target: r.target,
      anonymous: r.kind === 'employee',
      closesOn: r.closesOn,
      status: pulseStatus(r.closesOn, now),
      invited: c.invited,
      responses: c.responses,
      responseRate: c.invited ? Math.round((c.responses / c.invited) * 100) / 100 : 0,
      reminderAt: r.reminderState === 'pending' ? isoOrNull(r.reminderAt) : null,
      createdBy: r.createdBy ? { id: r.createdBy, name: creator ?? 'Former member' } : null,
      createdAt: iso(r.createdAt),
      updatedAt: iso(r.updatedAt),
    };
  });
}

const selection = { row: pulses, creator: users.name };

export async function listPulses(db: Db, workspaceId: string, query: PulseListQuery, now: Date) {
  const after = decodeKeysetCursor(query.cursor, [
    { expr: pulses.createdAt, type: 'timestamptz' },
    { expr: pulses.id, type: 'uuid' },
  ]);
  const rows = await db
    .select(selection)
    .from(pulses)
    .leftJoin(users, eq(users.id, pulses.createdBy))
    .where(
      and(
        eq(pulses.workspaceId, workspaceId),
        query.kind ? eq(pulses.kind, query.kind) : undefined,
        query.relationshipId ? eq(pulses.relationshipId, query.relationshipId) : undefined,
        query.teamId ? eq(pulses.teamId, query.teamId) : undefined,
        query.serviceId ? eq(pulses.serviceId, query.serviceId) : undefined,
        after ? afterCursor([pulses.createdAt, pulses.id], after, 'desc') : undefined,
      ),
    )
    .orderBy(desc(pulses.createdAt), desc(pulses.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => [iso(r.row.createdAt), r.row.id]);
  return { items: await toPulses(db, workspaceId, page.items, now), nextCursor: page.nextCursor };
}

export async function pulseRow(db: Db, workspaceId: string, id: string): Promise<Row> {
  const [row] = await db
    .select()
    .from(pulses)
    .where(and(eq(pulses.workspaceId, workspaceId), eq(pulses.id, id)))
    .limit(1);
  if (!row) throw AppError.notFound('Pulse');
  return row;
}

export async function getPulse(db: Db, workspaceId: string, id: string, now: Date): Promise<Pulse> {
  const rows = await db
    .select(selection)
    .from(pulses)
    .leftJoin(users, eq(users.id, pulses.createdBy))
    .where(and(eq(pulses.workspaceId, workspaceId), eq(pulses.id, id)))
    .limit(1);
  if (rows.length === 0) throw AppError.notFound('Pulse');
  return (await toPulses(db, workspaceId, rows, now))[0]!;
}

/**
 * Creates the round, one recipient row per person with a hashed token, and their emails in the outbox — all
 * in the caller's transaction, so either everyone is asked or nobody is. The raw links are returned once.
 */
export async function createPulse(
  db: Db,
  workspaceId: string,
  createdBy: string | null,
  input: PulseInput,
  now: Date,
  mail: MailContext,
): Promise<CreatedPulse> {
  checkClosesOn(input.closesOn, now);
  const target = await resolveTarget(db, workspaceId, input);
  const people = await resolveRecipients(db, workspaceId, input, target, now);
  const id = newId();
  const remindAt = reminderAt(now, input.closesOn);
  await db.insert(pulses).values({
    workspaceId,
    id,
    kind: input.kind,
    title: input.title,
    relationshipId: target.relationshipId,
    teamId: target.teamId,
    serviceId: target.serviceId,
    subject: target.subject,
    target: target.label,
    closesOn: input.closesOn,
    reminderAt: remindAt,
    reminderState: remindAt ? 'pending' : 'none',
    createdBy,
    createdAt: now,
    updatedAt: now,
  });
  const askedBy = await workspaceName(db, workspaceId);
  const links: CreatedPulse['links'] = [];
  const rows: (typeof pulseRecipients.$inferInsert)[] = [];
  for (const p of people) {
    const token = newResponseToken(workspaceId);
    const url = responseUrl(mail.publicUrl, token);
    rows.push({ workspaceId, id: newId(), pulseId: id, ...p, tokenHash: sha256(token), createdAt: now });
    links.push({ name: p.name, email: p.email, url });
    const message = pulseMail(
      { kind: input.kind, subject: target.subject, askedBy, closesOn: input.closesOn, name: p.name, url },
      false,
    );
    await enqueueMail(db, workspaceId, { to: p.email, ...message }, mail.smtp);
  }
  await db.insert(pulseRecipients).values(rows);
  return { ...(await getPulse(db, workspaceId, id, now)), links };
}

/** Title and closing day; moving the close moves the pending reminder with it. */
export async function updatePulse(db: Db, workspaceId: string, id: string, patch: PulsePatch, now: Date) {
  const existing = await pulseRow(db, workspaceId, id);
  const set: Partial<typeof pulses.$inferInsert> = { updatedAt: now };
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.closesOn !== undefined && patch.closesOn !== existing.closesOn) {
    checkClosesOn(patch.closesOn, now);
    set.closesOn = patch.closesOn;
    if (existing.reminderState === 'pending' || existing.reminderState === 'none') {
      const at = reminderAt(now, patch.closesOn);
      set.reminderAt = at;
      set.reminderState = at ? 'pending' : 'none';
    }
  }
  await db
    .update(pulses)
    .set(set)
    .where(and(eq(pulses.workspaceId, workspaceId), eq(pulses.id, id)));
  // Health reads closed rounds only: moving the close moves the health of the relationships it speaks for;
  // a new title changes the words of their health's evidence.
  if (set.closesOn || (set.title !== undefined && set.title !== existing.title))
    await refreshHealth(db, workspaceId, await relationshipsOfRound(db, existing), now);
  return getPulse(db, workspaceId, id, now);
}

/** The relationships whose health a round feeds: those its client answers are for, or its team's. */
export async function relationshipsOfRound(db: Db, p: typeof pulses.$inferSelect): Promise<string[]> {
  if (p.kind === 'client') {
    const rows = await db
      .selectDistinct({ id: pulseAnswers.relationshipId })
      .from(pulseAnswers)
      .where(and(eq(pulseAnswers.workspaceId, p.workspaceId), eq(pulseAnswers.pulseId, p.id)));
    return rows.flatMap((r) => (r.id ? [r.id] : []));
  }
  if (p.kind === 'employee' && p.teamId) return relationshipIdsOfTeam(db, p.workspaceId, p.teamId);
  return [];
}

/** Deletes the round with its recipients and answers. */
export async function deletePulse(db: Db, workspaceId: string, id: string): Promise<{ id: string }> {
  const affected = await relationshipsOfRound(db, await pulseRow(db, workspaceId, id));
  const [row] = await db
    .delete(pulses)
    .where(and(eq(pulses.workspaceId, workspaceId), eq(pulses.id, id)))
    .returning({ id: pulses.id });
  if (!row) throw AppError.notFound('Pulse');
  await refreshHealth(db, workspaceId, affected);
  return row;
}

/** The answers of one round, for its results. Anonymous rounds come back in random-id order. */
export async function answersOf(db: Db, workspaceId: string, pulseId: string) {
  return db
    .select({
      score: pulseAnswers.score,
      secondScore: pulseAnswers.secondScore,
      comment: pulseAnswers.comment,
      relationshipId: pulseAnswers.relationshipId,
      from: pulseRecipients.name,
    })
    .from(pulseAnswers)
    .leftJoin(
      pulseRecipients,
      and(
        eq(pulseRecipients.workspaceId, pulseAnswers.workspaceId),
        eq(pulseRecipients.id, pulseAnswers.recipientId),
      ),
    )
    .where(and(eq(pulseAnswers.workspaceId, workspaceId), eq(pulseAnswers.pulseId, pulseId)))
    .orderBy(pulseAnswers.id);
}

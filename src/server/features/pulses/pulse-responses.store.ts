import { randomUUID } from 'node:crypto';
import { and, eq, or } from 'drizzle-orm';
import { pulseStatus } from '../../../domain/pulse';
import type { Db } from '../../db/open';
import { sha256 } from '../../platform/auth/secrets';
import { AppError } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { refreshHealth } from '../health/health.store';
import { enqueueWebhookEvent } from '../webhooks/webhooks.store';
import type { PulseAnswer, PulseQuestions } from './pulses.contract';
import { questionsOf } from './pulses.questions';
import { relationshipsOfRound, workspaceName } from './pulses.store';
import { pulseAnswers, pulseRecipients, pulses } from './pulses.table';

// The respondent's side. The token is the only credential: it names its workspace in its prefix (so the
// lookup stays on one shard) and proves itself by its hash. Anything that does not match is the same 404,
// whether or not the workspace exists.

const TOKEN = /^([0-9a-f]{32})\.[A-Za-z0-9_-]{43}$/;

function workspaceOfToken(token: string): string | undefined {
  const h = TOKEN.exec(token)?.[1];
  return h
    ? `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`
    : undefined;
}

const notValid = () => AppError.notFound('Pulse link');

async function findByToken(db: Db, token: string, lock: boolean) {
  const workspaceId = workspaceOfToken(token);
  if (!workspaceId) throw notValid();
  const hash = sha256(token);
  const query = db
    .select({ recipient: pulseRecipients, pulse: pulses })
    .from(pulseRecipients)
    .innerJoin(
      pulses,
      and(eq(pulses.workspaceId, pulseRecipients.workspaceId), eq(pulses.id, pulseRecipients.pulseId)),
    )
    .where(
      and(
        eq(pulseRecipients.workspaceId, workspaceId),
        or(eq(pulseRecipients.tokenHash, hash), eq(pulseRecipients.reminderTokenHash, hash)),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for('update', { of: pulseRecipients }) : await query;
  if (!row) throw notValid();
  return row;
}

type RecipientRow = Awaited<ReturnType<typeof findByToken>>;

export function assertUsable(row: Pick<RecipientRow, 'recipient' | 'pulse'>, now: Date): void {
  if (row.recipient.answered)
    throw new AppError('gone', 'This link has been used: your answer is in. Thank you.');
  if (pulseStatus(row.pulse.closesOn, now) === 'closed')
    throw new AppError('gone', `This pulse closed on ${row.pulse.closesOn}.`);
}

export async function openResponse(db: Db, token: string, now: Date): Promise<PulseQuestions> {
  const row = await findByToken(db, token, false);
  assertUsable(row, now);
  const p = row.pulse;
  return {
    kind: p.kind,
    title: p.title,
    askedBy: await workspaceName(db, p.workspaceId),
    anonymous: p.kind === 'employee',
    closesOn: p.closesOn,
    questions: questionsOf(p.kind, p.subject),
  };
}

/**
 * Stores one answer and uses up the link, in one transaction (the recipient row is locked, so two
 * submissions of one link cannot both count). An anonymous answer names nobody and gets a random id.
 */
export async function submitResponse(db: Db, token: string, answer: PulseAnswer, now: Date): Promise<void> {
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const row = await findByToken(tx, token, true);
    assertUsable(row, now);
    await writeAnswer(tx, row, answer, now);
  });
}

/**
 * The answer itself, whichever way it came (the emailed link or the portal): the recipient row is locked by
 * the caller, so the link and the portal use up the same "answered" and cannot both count.
 */
export async function writeAnswer(tx: Db, row: RecipientRow, answer: PulseAnswer, now: Date): Promise<void> {
  const { pulse, recipient } = row;
  const anonymous = pulse.kind === 'employee';
  if (anonymous && answer.secondScore === undefined)
    throw AppError.badField(
      'secondScore',
      'is required: "Do you have room to work differently with clients?"',
    );
  if (!anonymous && answer.secondScore !== undefined)
    throw AppError.badField('secondScore', 'this pulse asks only one score');
  await tx.insert(pulseAnswers).values({
    workspaceId: pulse.workspaceId,
    id: anonymous ? randomUUID() : newId(now.getTime()),
    pulseId: pulse.id,
    recipientId: anonymous ? null : recipient.id,
    relationshipId: recipient.relationshipId,
    score: answer.score,
    secondScore: answer.secondScore ?? null,
    comment: answer.comment?.trim() || null,
    answeredAt: anonymous ? null : now,
  });
  await tx
    .update(pulseRecipients)
    .set({ answered: true })
    .where(and(eq(pulseRecipients.workspaceId, pulse.workspaceId), eq(pulseRecipients.id, recipient.id)));
  // Answers move health in this transaction: a client's, its relationship's client pulse; a team
  // member's, the team pulse of every relationship the team serves.
  const affected =
    pulse.kind === 'client'
      ? recipient.relationshipId
        ? [recipient.relationshipId]
        : []
      : await relationshipsOfRound(tx, pulse);
  if (affected.length > 0) await refreshHealth(tx, pulse.workspaceId, affected, now);
  // Subscribers hear that a round was answered; who answered an anonymous round, and how, stays here.
  await enqueueWebhookEvent(tx, pulse.workspaceId, 'pulse.responded', {
    pulseId: pulse.id,
    kind: pulse.kind,
    ...(pulse.kind === 'client'
      ? { relationshipId: recipient.relationshipId, score: answer.score, comment: answer.comment ?? null }
      : {}),
  });
}

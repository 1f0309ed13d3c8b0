import { and, asc, eq, gte } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { Page } from '../../platform/common.contract';
import { AppError } from '../../platform/errors';
import { afterCursor, decodeKeysetCursor, toPage } from '../../platform/pagination';
import { assertUsable, writeAnswer } from './pulse-responses.store';
import type { PulseAnswer, PulseQuestions } from './pulses.contract';
import { questionsOf } from './pulses.questions';
import { pulseRecipients, pulses } from './pulses.table';

// A client contact answering in the portal, without the emailed link: the signed-in contact is the
// credential instead of the token, and the answer uses up the same recipient row the link would.

export type OpenPulse = {
  id: string;
  title: string;
  closesOn: string;
  questions: PulseQuestions['questions'];
};

const today = (now: Date) => now.toISOString().slice(0, 10);

const sentTo = (workspaceId: string, contactId: string) =>
  and(
    eq(pulseRecipients.workspaceId, workspaceId),
    eq(pulseRecipients.contactId, contactId),
    eq(pulses.kind, 'client'),
  );

const joinRound = and(
  eq(pulses.workspaceId, pulseRecipients.workspaceId),
  eq(pulses.id, pulseRecipients.pulseId),
);

/** Client rounds this contact was sent and has not answered, still open; soonest to close first. */
export async function openPulsesForContact(
  db: Db,
  workspaceId: string,
  contactId: string,
  now: Date,
  page: { limit: number; cursor?: string | undefined },
): Promise<Page<OpenPulse>> {
  const keys = [
    { expr: pulses.closesOn, type: 'date' as const },
    { expr: pulses.id, type: 'uuid' as const },
  ];
  const after = decodeKeysetCursor(page.cursor, keys);
  const rows = await db
    .select({ id: pulses.id, title: pulses.title, closesOn: pulses.closesOn, subject: pulses.subject })
    .from(pulseRecipients)
    .innerJoin(pulses, joinRound)
    .where(
      and(
        sentTo(workspaceId, contactId),
        eq(pulseRecipients.answered, false),
        // Open all of its closing day (see closesAt).
        gte(pulses.closesOn, today(now)),
        after ? afterCursor([pulses.closesOn, pulses.id], after, 'asc') : undefined,
      ),
    )
    .orderBy(asc(pulses.closesOn), asc(pulses.id))
    .limit(page.limit + 1);
  const p = toPage(rows, page.limit, (r) => [r.closesOn, r.id]);
  return {
    items: p.items.map((r) => ({
      id: r.id,
      title: r.title,
      closesOn: r.closesOn,
      questions: questionsOf('client', r.subject),
    })),
    nextCursor: p.nextCursor,
  };
}

/**
 * Answers a round as the signed-in contact. Not sent to them (another client's round, another workspace's,
 * an employee round) is a 404; answered already (here or by the link) or closed is the link's own 410.
 */
export async function answerAsContact(
  db: Db,
  workspaceId: string,
  contactId: string,
  pulseId: string,
  answer: PulseAnswer,
  now: Date,
): Promise<void> {
  await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [row] = await tx
      .select({ recipient: pulseRecipients, pulse: pulses })
      .from(pulseRecipients)
      .innerJoin(pulses, joinRound)
      .where(and(sentTo(workspaceId, contactId), eq(pulseRecipients.pulseId, pulseId)))
      .limit(1)
      .for('update', { of: pulseRecipients });
    if (!row) throw AppError.notFound('Pulse');
    assertUsable(row, now);
    await writeAnswer(tx, row, answer, now);
  });
}

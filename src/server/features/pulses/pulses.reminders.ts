import { and, asc, eq, lte } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { pulseStatus } from '../../../domain/pulse';
import type { Db } from '../../db/open';
import { sha256 } from '../../platform/auth/secrets';
import type { AppDeps } from '../../platform/deps';
import { type JobLoop, startJobLoop } from '../../platform/jobs';
import { enqueueMail } from '../../platform/mail';
import { pulseMail, responseUrl } from './pulses.questions';
import { type MailContext, newResponseToken, workspaceName } from './pulses.store';
import { pulseRecipients, pulses } from './pulses.table';

const MAX_ATTEMPTS = 5;

/**
 * Sends a claimed round's one reminder to everyone who has not answered, in the claim's transaction. Each
 * reminder carries a fresh token (its hash beside the first one), so both emails' links work, once.
 */
async function remind(
  tx: Db,
  round: typeof pulses.$inferSelect,
  mail: MailContext,
  now: Date,
): Promise<number> {
  if (pulseStatus(round.closesOn, now) === 'closed') return 0;
  const waiting = await tx
    .select()
    .from(pulseRecipients)
    .where(
      and(
        eq(pulseRecipients.workspaceId, round.workspaceId),
        eq(pulseRecipients.pulseId, round.id),
        eq(pulseRecipients.answered, false),
      ),
    );
  const askedBy = await workspaceName(tx, round.workspaceId);
  for (const r of waiting) {
    const token = newResponseToken(round.workspaceId);
    await tx
      .update(pulseRecipients)
      .set({ reminderTokenHash: sha256(token), remindedAt: now })
      .where(and(eq(pulseRecipients.workspaceId, r.workspaceId), eq(pulseRecipients.id, r.id)));
    const message = pulseMail(
      {
        kind: round.kind,
        subject: round.subject,
        askedBy,
        closesOn: round.closesOn,
        name: r.name,
        url: responseUrl(mail.publicUrl, token),
      },
      true,
    );
    await enqueueMail(tx, round.workspaceId, { to: r.email, ...message }, mail.smtp);
  }
  return waiting.length;
}

/**
 * One pass: due rounds are read across workspaces without locks, then each is claimed in its workspace
 * with FOR UPDATE SKIP LOCKED; its reminder mails and the "sent" mark commit together, so a reminder goes
 * out once even with several nodes or a crash in between. Returns how many reminder emails were written.
 */
export async function runPulseReminderPass(deps: { db: Db; mail: MailContext }, now: Date): Promise<number> {
  const { db } = deps;
  const due = await db
    .select({ workspaceId: pulses.workspaceId, id: pulses.id })
    .from(pulses)
    .where(and(eq(pulses.reminderState, 'pending'), lte(pulses.reminderAt, now)))
    .orderBy(asc(pulses.reminderAt))
    .limit(100);
  let sent = 0;
  for (const candidate of due) {
    const where = and(eq(pulses.workspaceId, candidate.workspaceId), eq(pulses.id, candidate.id));
    try {
      sent += await db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const [round] = await tx
          .select()
          .from(pulses)
          .where(and(where, eq(pulses.reminderState, 'pending'), lte(pulses.reminderAt, now)))
          .for('update', { skipLocked: true });
        if (!round) return 0;
        const n = await remind(tx, round, deps.mail, now);
        await tx
          .update(pulses)
          .set({ reminderState: 'sent', reminderAttempts: round.reminderAttempts + 1 })
          .where(where);
        return n;
      });
    } catch {
      // Nothing of the attempt committed: try again later, then give up on this round's reminder.
      const [row] = await db.select({ attempts: pulses.reminderAttempts }).from(pulses).where(where);
      const attempts = (row?.attempts ?? 0) + 1;
      await db
        .update(pulses)
        .set({
          reminderAttempts: attempts,
          reminderState: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          reminderAt: new Date(now.getTime() + 2 ** attempts * 60_000),
        })
        .where(and(where, eq(pulses.reminderState, 'pending')));
    }
  }
  return sent;
}

/** Runs the pulse reminder pass on every node: shortly after start, then every minute. */
export function pulseReminderWorker(app: FastifyInstance, deps: AppDeps): void {
  let loop: JobLoop | undefined;
  const mail: MailContext = { publicUrl: deps.config.publicUrl, smtp: Boolean(deps.config.smtpUrl) };
  app.addHook('onReady', async () => {
    loop = startJobLoop({
      intervalMs: 60_000,
      firstDelayMs: 20_000,
      pass: async () => {
        const sent = await runPulseReminderPass({ db: deps.db, mail }, deps.now());
        if (sent > 0) deps.mail.kick();
        return sent;
      },
      log: (msg, err) => app.log.error({ err }, msg),
    });
  });
  app.addHook('onClose', async () => {
    await loop?.stop();
  });
}

import { and, eq, lte, sql } from 'drizzle-orm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Db } from '../db/open';
import { newId } from './ids';
import { type MailAttachment, mailMessages } from './mail.table';

export type OutgoingMail = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
};

/**
 * Writes a message in the caller's transaction. With SMTP configured it waits as `pending` for the
 * delivery loop; without, it goes to the outbox admins read in Settings.
 */
export async function enqueueMail(
  db: Db,
  workspaceId: string,
  mail: OutgoingMail,
  smtp: boolean,
): Promise<string> {
  const id = newId();
  await db.insert(mailMessages).values({
    workspaceId,
    id,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    attachments: mail.attachments ?? null,
    status: smtp ? 'pending' : 'outbox',
    // Millisecond precision, the same the outbox list's cursor carries (see recordAudit).
    createdAt: new Date(),
  });
  return id;
}

const MAX_ATTEMPTS = 8;

/** The Message-ID header of an outbox row: the same on every attempt. */
export const messageIdOf = (mailId: string) => `<${mailId}@twofold.mail>`;

/**
 * "Tue, 24 Nov 2026, 10:00" in UTC: unambiguous in an email read anywhere (the reader's time zone is unknown).
 * No formatter is made when the module loads: one reads ~5 MB of the runtime's locale data (ADR 006).
 */
export const mailDateTime = (d: Date): string =>
  d.toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });

export type MailDelivery = {
  /** Ask for a delivery pass soon (after a commit that enqueued mail). */
  kick(): void;
  /** One pass: claims due messages and sends them; resolves with how many were sent. */
  deliverDue(): Promise<number>;
  stop(): Promise<void>;
};

/**
 * Delivers pending mail over SMTP. Messages are claimed with FOR UPDATE SKIP LOCKED, so several app
 * nodes share the work and none sends a message twice; a failed send is retried with backoff.
 */
export function startMailDelivery(
  db: Db,
  options: {
    smtpUrl: string | undefined;
    from: string;
    intervalMs?: number;
    log?: (msg: string, err?: unknown) => void;
  },
): MailDelivery {
  const transport: Transporter | undefined = options.smtpUrl
    ? nodemailer.createTransport(options.smtpUrl)
    : undefined;
  let running: Promise<number> | undefined;
  let again = false;
  let stopped = false;

  async function pass(): Promise<number> {
    if (!transport) return 0;
    let sent = 0;
    for (;;) {
      const claimed = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(mailMessages)
          .where(and(eq(mailMessages.status, 'pending'), lte(mailMessages.nextAttemptAt, new Date())))
          .orderBy(mailMessages.nextAttemptAt)
          .limit(1)
          .for('update', { skipLocked: true });
        if (!row) return undefined;
        try {
          await transport.sendMail({
            // Stable per outbox row: a resend after a crash between SMTP accepting it and our commit carries
            // the same Message-ID, so mail servers and clients can drop the duplicate (ADR 003).
            messageId: messageIdOf(row.id),
            from: options.from,
            to: row.to,
            subject: row.subject,
            text: row.text,
            html: row.html ?? undefined,
            attachments: row.attachments?.map((a) => ({
              filename: a.filename,
              contentType: a.contentType,
              content: a.content,
            })),
          });
          await tx
            .update(mailMessages)
            .set({ status: 'sent', sentAt: new Date(), attempts: sql`${mailMessages.attempts} + 1` })
            .where(and(eq(mailMessages.workspaceId, row.workspaceId), eq(mailMessages.id, row.id)));
          return 'sent' as const;
        } catch (err) {
          options.log?.('mail delivery failed', err);
          const attempts = row.attempts + 1;
          await tx
            .update(mailMessages)
            .set({
              attempts,
              status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
              lastError: String((err as Error).message ?? err).slice(0, 500),
              nextAttemptAt: new Date(Date.now() + 2 ** attempts * 1000),
            })
            .where(and(eq(mailMessages.workspaceId, row.workspaceId), eq(mailMessages.id, row.id)));
          return 'failed' as const;
        }
      });
      if (!claimed) return sent;
      if (claimed === 'sent') sent++;
      else return sent;
    }
  }

  function deliverDue(): Promise<number> {
    if (running) {
      again = true;
      return running;
    }
    running = pass().finally(() => {
      running = undefined;
      if (again && !stopped) {
        again = false;
        void deliverDue();
      }
    });
    return running;
  }

  const timer = transport
    ? setInterval(() => {
        void deliverDue().catch((err) => options.log?.('mail delivery pass failed', err));
      }, options.intervalMs ?? 5000)
    : undefined;
  timer?.unref();

  return {
    kick: () => {
      if (transport && !stopped)
        void deliverDue().catch((err) => options.log?.('mail delivery pass failed', err));
    },
    deliverDue,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
      transport?.close();
    },
  };
}

import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { type Config, loadConfig } from '../../config';
import type { Database } from '../../db/open';
import { type MailDelivery, messageIdOf, startMailDelivery } from '../../platform/mail';
import { mailMessages } from '../../platform/mail.table';
import { Client, cookieFrom, ORIGIN, openTestDatabase, Session, uniq } from '../../test/harness';
import { plantRelationship } from './check-ins.fixtures';
import { checkInReminders } from './reminders.table';
import { runReminderPass } from './reminders.worker';

/**
 * Reminders are rows with a due time, claimed and sent once. Each "process" below is a fresh app and mail
 * loop on the same database, as after a restart; a real SMTP server counts what arrives. A pass handles
 * every workspace, so (on a database shared with other test files) assertions look at this test's rows.
 */
type Received = { to: string; subject: string; messageId: string };
const received: Received[] = [];
let smtp: SMTPServer;
let smtpUrl: string;
let database: Database;
const T0 = new Date();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      stream.on('end', () => {
        const header = (name: string) =>
          new RegExp(`^${name}: ?(.*(?:\\r?\\n[ \\t].*)*)`, 'im')
            .exec(raw)?.[1]
            ?.replace(/\r?\n[ \t]/g, ' ') ?? '';
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address).join(','),
          subject: header('Subject'),
          messageId: header('Message-ID'),
        });
        done();
      });
    },
  });
  smtp.listen(0, '127.0.0.1');
  await once(smtp.server, 'listening');
  smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  database = await openTestDatabase();
});

afterAll(async () => {
  await database.close();
  await new Promise<void>((r) => smtp.close(() => r()));
});

type Process = { app: FastifyInstance; mail: MailDelivery; config: Config; stop(): Promise<void> };

/**
 * One app node. `delivers: false` is a node that dies before its mail loop sends anything: SMTP is
 * configured (mail waits as pending) but it never connects. Its clock stays at T0, so its own background
 * pass finds nothing due; the test runs passes at the moments it wants.
 */
async function startProcess(delivers: boolean): Promise<Process> {
  const config: Config = {
    ...loadConfig({ DATA_DIR: '/nonexistent', PUBLIC_URL: ORIGIN, LOG_LEVEL: 'silent' }),
    sessionSecret: 'reminder-secret-reminder-secret-000',
    smtpUrl,
  };
  const mail = startMailDelivery(database.db, {
    smtpUrl: delivers ? smtpUrl : undefined,
    from: config.smtpFrom,
    intervalMs: 60_000,
  });
  const app = await buildApp(
    { db: database.db, config, mail, now: () => T0, authAttemptsPerIpPerMinute: 10_000 },
    { serveWeb: false },
  );
  await app.ready();
  return {
    app,
    mail,
    config,
    async stop() {
      await app.close();
      await mail.stop();
    },
  };
}

async function signup(app: FastifyInstance): Promise<Session> {
  const res = await new Client(app).post('/api/v1/auth/signup', {
    email: `${uniq('lead')}@example.com`,
    password: 'correct horse battery',
    name: 'Priya Lead',
    workspaceName: uniq('Studio'),
  });
  const body = res.json() as { user: Session['user']; workspace: { id: string } };
  return new Session(app, { cookie: cookieFrom(res) }, body.user, body.workspace.id);
}

const pass = (at: Date, hooks?: Parameters<typeof runReminderPass>[2]) =>
  runReminderPass({ db: database.db, mail: { publicUrl: ORIGIN, smtp: true } }, at, hooks);

const arrived = (to: string, subject: RegExp) =>
  received.filter((m) => m.to === to && subject.test(m.subject));

async function reminderRows(checkInId: string) {
  return database.db.select().from(checkInReminders).where(eq(checkInReminders.checkInId, checkInId));
}

describe('check-in reminders survive restarts: sent once, never lost', () => {
  it('a crash between claim and send loses nothing; the next process sends it exactly once', async () => {
    const a = await startProcess(false);
    const lead = await signup(a.app);
    const { relationship } = await plantRelationship(lead);
    const checkIn = (
      await lead.post(lead.ws(`/relationships/${relationship.id}/check-ins`), {
        scheduledFor: new Date(T0.getTime() + 2 * DAY).toISOString(),
        sendInvites: false,
      })
    ).json() as { id: string };
    const planted = await reminderRows(checkIn.id);
    expect(planted.map((r) => r.kind).sort()).toEqual(['check_in_unrecorded', 'check_in_upcoming']);

    // Process A claims the "tomorrow" reminder and dies before anything is sent or committed.
    const dayBefore = new Date(T0.getTime() + DAY + HOUR);
    let claimed = 0;
    await pass(dayBefore, {
      afterClaim: (reminder) => {
        if (reminder.checkInId !== checkIn.id) return;
        claimed++;
        throw new Error('process died between claim and send');
      },
    });
    expect(claimed).toBe(1);
    await a.stop();
    const afterCrash = (await reminderRows(checkIn.id)).find((r) => r.kind === 'check_in_upcoming')!;
    expect(afterCrash.status).toBe('pending');
    const outboxAfterCrash = await database.db
      .select()
      .from(mailMessages)
      .where(eq(mailMessages.workspaceId, lead.workspaceId));
    expect(outboxAfterCrash).toEqual([]);

    // Process B starts later, finds it still due, sends it once; further passes find nothing.
    const b = await startProcess(true);
    const restartedAt = new Date(dayBefore.getTime() + 10 * 60_000);
    await pass(restartedAt);
    await pass(restartedAt);
    const upcoming = (await reminderRows(checkIn.id)).find((r) => r.kind === 'check_in_upcoming')!;
    expect(upcoming).toMatchObject({ status: 'sent', attempts: 2 });
    await b.mail.deliverDue();
    await b.mail.deliverDue();
    expect(arrived(lead.user.email, /tomorrow/)).toHaveLength(1);

    // The partner lead sees it in the app too, once.
    const asLead = new Session(b.app, lead.headers, lead.user, lead.workspaceId);
    const notes = (await asLead.get(asLead.ws('/notifications'))).json() as { items: { kind: string }[] };
    expect(notes.items.filter((n) => n.kind === 'check_in_upcoming')).toHaveLength(1);
    await b.stop();
  });

  it('a crash after the claim committed but before the mail went out: the outbox sends it after the restart', async () => {
    const a = await startProcess(false);
    const lead = await signup(a.app);
    const { relationship } = await plantRelationship(lead);
    // Due a day after the check-in: later than any other test's real clock, so only this test's passes see it.
    const checkIn = (
      await lead.post(lead.ws(`/relationships/${relationship.id}/check-ins`), {
        scheduledFor: new Date(T0.getTime() + 2 * HOUR).toISOString(),
        sendInvites: false,
      })
    ).json() as { id: string };

    // A passed check-in nobody recorded: process A sends the reminder into the outbox and dies before SMTP.
    await pass(new Date(T0.getTime() + 27 * HOUR));
    expect((await reminderRows(checkIn.id)).find((r) => r.kind === 'check_in_unrecorded')?.status).toBe(
      'sent',
    );
    expect(arrived(lead.user.email, /held\?/)).toHaveLength(0);
    const [pending] = await database.db
      .select()
      .from(mailMessages)
      .where(and(eq(mailMessages.workspaceId, lead.workspaceId), eq(mailMessages.status, 'pending')));
    expect(pending?.subject).toMatch(/held\?/);
    await a.stop();

    const b = await startProcess(true);
    await pass(new Date(T0.getTime() + 28 * HOUR));
    await b.mail.deliverDue();
    await b.mail.deliverDue();
    const got = arrived(lead.user.email, /held\?/);
    expect(got).toHaveLength(1);
    expect((await reminderRows(checkIn.id)).find((r) => r.kind === 'check_in_unrecorded')?.status).toBe(
      'sent',
    );

    // The outbox's own gap (ADR 003): if a node dies after the SMTP server accepted a message but before
    // its commit, it sends again — with the same Message-ID, so the receiving side can drop the copy.
    expect(got[0]!.messageId).toBe(messageIdOf(pending!.id));
    await database.db
      .update(mailMessages)
      .set({ status: 'pending' })
      .where(and(eq(mailMessages.workspaceId, lead.workspaceId), eq(mailMessages.id, pending!.id)));
    await b.mail.deliverDue();
    const both = arrived(lead.user.email, /held\?/);
    expect(both).toHaveLength(2);
    expect(new Set(both.map((m) => m.messageId)).size).toBe(1);
    await b.stop();
  });

  it('reminds of a cadence due soon and then overdue, once each, and not while one is scheduled', async () => {
    const p = await startProcess(true);
    const lead = await signup(p.app);
    const { relationship } = await plantRelationship(lead, { cadenceDays: 7 });
    const other = await plantRelationship(lead, { cadenceDays: 7 });
    // One of the two has a check-in in the calendar: nobody needs reminding about that one.
    await lead.post(lead.ws(`/relationships/${other.relationship.id}/check-ins`), {
      scheduledFor: new Date(T0.getTime() + 20 * DAY).toISOString(),
      sendInvites: false,
    });

    // Other tests' reminders share the database: count this workspace's.
    const sent = async () =>
      (
        await database.db
          .select()
          .from(checkInReminders)
          .where(and(eq(checkInReminders.workspaceId, lead.workspaceId), eq(checkInReminders.status, 'sent')))
      ).map((r) => r.kind);
    await pass(new Date(T0.getTime() + 2 * DAY));
    expect(await sent()).toEqual([]);
    await pass(new Date(T0.getTime() + 5 * DAY));
    expect(await sent()).toEqual(['check_in_due']);
    await pass(new Date(T0.getTime() + 6 * DAY));
    await pass(new Date(T0.getTime() + 8 * DAY));
    await pass(new Date(T0.getTime() + 9 * DAY));
    expect((await sent()).sort()).toEqual(['check_in_due', 'check_in_overdue']);
    await p.mail.deliverDue();
    const cadenceMail = received.filter((m) => m.to === lead.user.email && /due|overdue/.test(m.subject));
    expect(cadenceMail.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Check-in with .* due /),
      expect.stringMatching(/^Check-in with .* is overdue$/),
    ]);
    const notes = (await lead.get(lead.ws('/notifications'))).json() as {
      items: { kind: string; relationshipId: string }[];
    };
    expect(notes.items.map((n) => [n.kind, n.relationshipId])).toEqual([
      ['check_in_overdue', relationship.id],
      ['check_in_due', relationship.id],
    ]);
    await p.stop();
  });

  it('cancels a reminder that no longer applies: the check-in was held before it fell due', async () => {
    const p = await startProcess(true);
    const lead = await signup(p.app);
    const { relationship } = await plantRelationship(lead);
    const url = lead.ws(`/relationships/${relationship.id}/check-ins`);
    const c = (
      await lead.post(url, { scheduledFor: new Date(T0.getTime() - HOUR).toISOString(), sendInvites: false })
    ).json() as { id: string };
    await lead.patch(`${url}/${c.id}`, { status: 'held' });
    await pass(new Date(T0.getTime() + 2 * DAY));
    expect((await reminderRows(c.id)).map((r) => r.status)).toEqual(['cancelled']);
    await p.stop();
  });
});

import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
});
afterAll(() => t.close());

describe('members and invitations', () => {
  it('invites by email into the outbox when no SMTP is set; the link sets a password and joins', async () => {
    const email = `${uniq('new')}@example.com`;
    const inv = await owner.post(owner.ws('/invitations'), { email, role: 'admin' });
    expect(inv.statusCode).toBe(201);
    expect(inv.json()).toMatchObject({ email, role: 'admin', acceptedAt: null });

    const outbox = (await owner.get(owner.ws('/outbox'))).json().items;
    const mail = outbox.find((m: { to: string }) => m.to === email);
    expect(mail.status).toBe('outbox');
    const token = /\/invite\/(\S+)/.exec(mail.text)![1]!;

    const preview = await t.anonymous.get(`/api/v1/invitations/${token}`);
    expect(preview.json()).toMatchObject({ email, role: 'admin', hasAccount: false });

    const missingName = await t.anonymous.post('/api/v1/invitations/accept', {
      token,
      password: 'a fine password',
    });
    expect(missingName.statusCode).toBe(400);
    expect(missingName.json().errors[0].path).toBe('name');

    const accepted = await t.anonymous.post('/api/v1/invitations/accept', {
      token,
      name: 'Grace',
      password: 'a fine password',
    });
    expect(accepted.statusCode).toBe(200);
    const members = (await owner.get(owner.ws('/members'))).json().items;
    expect(members.find((m: { email: string }) => m.email === email)).toMatchObject({
      name: 'Grace',
      role: 'admin',
    });

    // Single use.
    const again = await t.anonymous.post('/api/v1/invitations/accept', {
      token,
      name: 'Grace',
      password: 'a fine password',
    });
    expect(again.statusCode).toBe(410);
    expect((await t.anonymous.get(`/api/v1/invitations/${token}`)).statusCode).toBe(410);
  });

  it('lets someone with an account join another workspace by confirming their password', async () => {
    const other = await t.signup();
    await owner.post(owner.ws('/invitations'), { email: other.user.email, role: 'member' });
    const mail = (await owner.get(owner.ws('/outbox')))
      .json()
      .items.find((m: { to: string }) => m.to === other.user.email);
    const token = /\/invite\/(\S+)/.exec(mail.text)![1]!;
    expect((await t.anonymous.get(`/api/v1/invitations/${token}`)).json().hasAccount).toBe(true);
    const wrong = await t.anonymous.post('/api/v1/invitations/accept', {
      token,
      password: 'not my password',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('password');
    const ok = await t.anonymous.post('/api/v1/invitations/accept', {
      token,
      password: 'correct horse battery',
    });
    expect(ok.statusCode).toBe(200);
    const me = (await other.get('/api/v1/me')).json();
    expect(me.workspaces.map((w: { id: string }) => w.id)).toContain(owner.workspaceId);
  });

  it('refuses to invite someone who is already a member', async () => {
    const res = await owner.post(owner.ws('/invitations'), { email: owner.user.email, role: 'member' });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe('email');
  });

  it('keeps roles in order: members cannot invite, admins cannot make owners, one owner always remains', async () => {
    const plain = await t.addMember(owner, 'member');
    const admin = await t.addMember(owner, 'admin');
    expect(
      (await plain.post(plain.ws('/invitations'), { email: `${uniq('x')}@example.com`, role: 'member' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await admin.post(admin.ws('/invitations'), { email: `${uniq('x')}@example.com`, role: 'owner' }))
        .statusCode,
    ).toBe(403);
    expect((await admin.patch(admin.ws(`/members/${plain.user.id}`), { role: 'owner' })).statusCode).toBe(
      403,
    );
    const promoted = await admin.patch(admin.ws(`/members/${plain.user.id}`), { role: 'admin' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json().role).toBe('admin');
    const demoteSelf = await owner.patch(owner.ws(`/members/${owner.user.id}`), { role: 'member' });
    expect(demoteSelf.statusCode).toBe(409);
    expect((await owner.delete(owner.ws(`/members/${plain.user.id}`))).statusCode).toBe(204);
    expect((await plain.get(plain.ws('/teams'))).statusCode).toBe(404);
  });

  it('removing a partner lead keeps their relationships, without a lead', async () => {
    const s = await t.signup();
    const lead = await t.addMember(s, 'member');
    const team = (await s.post(s.ws('/teams'), { name: 'Studio' })).json();
    const client = (await s.post(s.ws('/clients'), { name: 'Roastery', kind: 'external' })).json();
    const rel = await s.post(s.ws('/relationships'), {
      clientId: client.id,
      teamId: team.id,
      ownerId: lead.user.id,
      cadenceDays: 30,
    });
    expect(rel.statusCode).toBe(201);
    expect((await s.delete(s.ws(`/members/${lead.user.id}`))).statusCode).toBe(204);
    const after = (await s.get(s.ws(`/relationships/${rel.json().id}`))).json();
    expect(after.owner).toBeNull();
  });

  it('records role changes, invitations and logins in the audit log', async () => {
    const s = await t.signup();
    const m = await t.addMember(s, 'member');
    await s.patch(s.ws(`/members/${m.user.id}`), { role: 'admin' });
    await t.anonymous.post('/api/v1/auth/login', { email: s.user.email, password: 'correct horse battery' });
    const audit = (await s.get(s.ws('/audit'))).json().items as { action: string; details: unknown }[];
    const actions = audit.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'invitation.created',
        'member.joined',
        'member.role_changed',
        'user.logged_in',
        'workspace.created',
      ]),
    );
    expect(audit.find((e) => e.action === 'member.role_changed')!.details).toEqual({
      from: 'member',
      to: 'admin',
    });
  });

  it('keeps members, invitations, outbox and audit inside their workspace', async () => {
    const marker = `${uniq('secret-invitee')}@example.com`;
    await owner.post(owner.ws('/invitations'), { email: marker, role: 'member' });
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('') },
        { method: 'PATCH', url: owner.ws(''), body: { name: 'x' } },
        { method: 'GET', url: owner.ws('/members') },
        { method: 'PATCH', url: owner.ws(`/members/${owner.user.id}`), body: { role: 'member' } },
        { method: 'DELETE', url: owner.ws(`/members/${owner.user.id}`) },
        { method: 'GET', url: owner.ws('/invitations') },
        { method: 'POST', url: owner.ws('/invitations'), body: { email: 'a@example.com', role: 'member' } },
        { method: 'GET', url: owner.ws('/outbox') },
        { method: 'GET', url: owner.ws('/audit') },
      ],
      marker,
    );
  });
});

describe('invitation email over real SMTP', () => {
  it('delivers the invitation to an SMTP server, with the link in it', async () => {
    const received: { to: string; raw: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let raw = '';
        stream.on('data', (c: Buffer) => {
          raw += c.toString('utf8');
        });
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
          done();
        });
      },
    });
    smtp.listen(0, '127.0.0.1');
    await once(smtp.server, 'listening');
    const port = (smtp.server.address() as AddressInfo).port;
    const withSmtp = await createTestApp({ smtpUrl: `smtp://127.0.0.1:${port}` });
    try {
      const s = await withSmtp.signup();
      const email = `${uniq('mailed')}@example.com`;
      expect((await s.post(s.ws('/invitations'), { email, role: 'member' })).statusCode).toBe(201);
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toBe(email);
      expect(received[0]!.raw.replace(/=\r?\n/g, '')).toContain('/invite/');
      // The outbox row is marked sent once the server's reply reaches the app, which can be a moment after
      // the server has the message.
      let status = 'pending';
      for (let i = 0; i < 100 && status === 'pending'; i++) {
        status = (await s.get(s.ws('/outbox'))).json().items[0].status;
        if (status === 'pending') await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe('sent');
    } finally {
      await withSmtp.close();
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });
});

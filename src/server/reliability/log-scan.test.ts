import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import type { Database } from '../db/open';
import { loggerOptions } from '../platform/logging';
import type { MailDelivery } from '../platform/mail';
import { startMailDelivery } from '../platform/mail';
import { ORIGIN, openTestDatabase, uniq } from '../test/harness';

/**
 * A log scan: the app logs at `trace` (everything it would ever write) into memory while a person signs
 * up, logs in (also with a wrong password and with malformed JSON), makes an API token, calls with it (and
 * with a forged one), invites someone who opens the link and accepts, and logs out. No password, raw API
 * token, session cookie or invitation token may appear in any line.
 */
let database: Database;
let mail: MailDelivery;
let app: FastifyInstance;
const lines: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  const config: Config = {
    ...loadConfig({ DATA_DIR: '/nonexistent', PUBLIC_URL: ORIGIN, LOG_LEVEL: 'trace' }),
    sessionSecret: 'log-scan-secret-log-scan-secret-0000',
  };
  mail = startMailDelivery(database.db, { smtpUrl: undefined, from: config.smtpFrom, intervalMs: 200 });
  const stream = { write: (line: string) => void lines.push(line) };
  app = await buildApp(
    { db: database.db, config, mail, now: () => new Date(), authAttemptsPerIpPerMinute: 10_000 },
    { serveWeb: false, logger: { ...loggerOptions('trace'), stream } },
  );
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await mail.stop();
  await database.close();
});

const cookieValue = (res: LightMyRequestResponse) =>
  res.cookies.find((c) => c.name === 'tf_session')?.value ?? '';

describe('log scan', () => {
  it('never writes a password, API token, session cookie or invitation link to the log', async () => {
    const secrets: Record<string, string> = {
      'sign-up password': `pw-signup-${uniq('Zq')}`,
      'wrong password': `pw-wrong-${uniq('Xk')}`,
      'password in malformed JSON': `pw-broken-${uniq('Mv')}`,
      'invitee password': `pw-invitee-${uniq('Jr')}`,
    };
    const email = `${uniq('scan')}@example.com`;
    let requests = 0;
    const call = (
      method: 'GET' | 'POST',
      url: string,
      payload?: object | string,
      headers: Record<string, string> = {},
    ) => {
      requests++;
      return app.inject({
        method,
        url,
        headers: { origin: ORIGIN, ...headers },
        ...(payload === undefined ? {} : { payload }),
      });
    };

    const signup = await call('POST', '/api/v1/auth/signup', {
      email,
      password: secrets['sign-up password'],
      name: 'Scan Person',
      workspaceName: 'Scan Studio',
    });
    expect(signup.statusCode).toBe(201);
    secrets['sign-up session cookie'] = cookieValue(signup);
    const wsId = (signup.json() as { workspace: { id: string } }).workspace.id;
    const ws = (p: string) => `/api/v1/workspaces/${wsId}${p}`;

    expect(
      (await call('POST', '/api/v1/auth/login', { email, password: secrets['wrong password'] })).statusCode,
    ).toBe(401);
    const broken = await call(
      'POST',
      '/api/v1/auth/login',
      `{"email":"${email}","password":"${secrets['password in malformed JSON']}"`,
      {
        'content-type': 'application/json',
      },
    );
    expect(broken.statusCode).toBe(400);
    const login = await call('POST', '/api/v1/auth/login', { email, password: secrets['sign-up password'] });
    expect(login.statusCode).toBe(200);
    secrets['login session cookie'] = cookieValue(login);
    const session = { cookie: `tf_session=${secrets['login session cookie']}` };

    const token = await call('POST', ws('/tokens'), { name: 'scan token' }, session);
    expect(token.statusCode).toBe(201);
    secrets['API token'] = (token.json() as { token: string }).token;
    expect(
      (await call('GET', '/api/v1/me', undefined, { authorization: `Bearer ${secrets['API token']}` }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call('GET', ws('/teams'), undefined, { authorization: `Bearer ${secrets['API token']}` }))
        .statusCode,
    ).toBe(200);
    secrets['forged API token'] = `tf_${wsId.replaceAll('-', '')}_${'F'.repeat(43)}`;
    expect(
      (await call('GET', ws('/teams'), undefined, { authorization: `Bearer ${secrets['forged API token']}` }))
        .statusCode,
    ).toBe(401);

    const inviteeEmail = `${uniq('invitee')}@example.com`;
    expect(
      (await call('POST', ws('/invitations'), { email: inviteeEmail, role: 'member' }, session)).statusCode,
    ).toBe(201);
    const outbox = (await call('GET', ws('/outbox?limit=200'), undefined, session)).json() as {
      items: { to: string; text: string }[];
    };
    const link = outbox.items.find((m) => m.to === inviteeEmail)?.text ?? '';
    const invitation = /\/invite\/([^\s]+)/.exec(link)?.[1];
    expect(invitation, 'invitation link in the outbox').toBeDefined();
    secrets['invitation token'] = invitation!;
    expect((await call('GET', `/api/v1/invitations/${invitation}`)).statusCode).toBe(200);
    expect([404, 410]).toContain((await call('GET', `/api/v1/invitations/${invitation}x`)).statusCode);
    const accept = await call('POST', '/api/v1/invitations/accept', {
      token: invitation,
      name: 'Invited Person',
      password: secrets['invitee password'],
    });
    expect(accept.statusCode).toBe(200);
    secrets['invitee session cookie'] = cookieValue(accept);
    expect(
      (
        await call(
          'POST',
          '/api/v1/auth/logout',
          {},
          { cookie: `tf_session=${secrets['invitee session cookie']}` },
        )
      ).statusCode,
    ).toBe(204);

    // A client contact: portal access granted, a magic link asked for and opened, the portal used.
    const client = await call('POST', ws('/clients'), { name: 'Scan client', kind: 'external' }, session);
    const contactEmail = `${uniq('contact')}@client.example`;
    const cid = (client.json() as { id: string }).id;
    const made = await call(
      'POST',
      ws(`/clients/${cid}/contacts`),
      { name: 'Scan Contact', email: contactEmail, portalAccess: true },
      session,
    );
    expect(made.statusCode).toBe(201);
    expect((await call('POST', '/api/v1/portal/magic-link', { email: contactEmail })).statusCode).toBe(202);
    const mails = (await call('GET', ws('/outbox?limit=200'), undefined, session)).json() as {
      items: { to: string; text: string }[];
    };
    const portalLink = /session\?token=(\S+)/.exec(
      mails.items.find((m) => m.to === contactEmail)?.text ?? '',
    )?.[1];
    expect(portalLink, 'portal link in the outbox').toBeDefined();
    secrets['portal link token'] = portalLink!;
    const opened = await call('GET', `/api/v1/portal/session?token=${portalLink}`);
    expect(opened.statusCode).toBe(200);
    const portalCookie = opened.cookies.find((c) => c.name === 'tf_portal')!.value;
    // `<workspace>.<secret>.<signature>`: the secret is what must never show.
    secrets['portal session secret'] = portalCookie.split('.')[1]!;
    expect(
      (await call('GET', '/api/v1/portal/me', undefined, { cookie: `tf_portal=${portalCookie}` })).statusCode,
    ).toBe(200);

    const leaks: string[] = [];
    for (const [what, value] of Object.entries(secrets)) {
      expect(value.length, what).toBeGreaterThan(10);
      const forms = new Set([value, encodeURIComponent(value)]);
      // The cookie is `<session token>.<signature>`: the token alone is as good as the cookie.
      if (what.includes('cookie')) forms.add(value.split('.')[0]!);
      for (const form of forms) {
        const hit = lines.find((l) => l.includes(form));
        if (hit) leaks.push(`${what} in: ${hit.slice(0, 300)}`);
      }
    }
    expect(leaks).toEqual([]);

    // The scan saw these requests: each was logged once, when answered, with its link token masked.
    const log = lines.join('');
    const answered = lines.filter((l) => /"msg":"request (completed|errored)"/.test(l));
    expect(answered).toHaveLength(requests);
    expect(answered.every((l) => /"req":\{"method":"[A-Z]+","url":"\/api\/v1\//.test(l))).toBe(true);
    expect(answered.every((l) => /"res":\{"statusCode":\d{3}\}/.test(l))).toBe(true);
    expect(log).toContain('/api/v1/auth/login');
    expect(log).toContain('/api/v1/invitations/[redacted]');
    expect(log).toContain('/api/v1/portal/session?token=[redacted]');
    expect(log).toContain('/tokens');
  });
});

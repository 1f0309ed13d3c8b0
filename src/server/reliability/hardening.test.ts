import { existsSync, readFileSync } from 'node:fs';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, ORIGIN, type TestApp } from '../test/harness';

/** Rows of a raw query, on either driver (both answer `{ rows }`). */
async function rows<T>(app: TestApp, query: SQL): Promise<T[]> {
  return ((await app.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/**
 * Hardening checks not covered elsewhere (ADR 004; SECURITY.md lists where each promise is tested):
 * password hashing parameters, the Secure cookie behind https, the exact security headers, and secrets
 * at rest. The log scan lives in log-scan.test.ts; login throttling, session rotation, logout, CSRF and
 * cookie flags are in features/accounts/auth.test.ts.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function signup(app: TestApp, password = 'correct horse battery staple', origin = ORIGIN) {
  const email = `hardening-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`;
  const body = { email, password, name: 'Hana', workspaceName: 'Hana Studio' };
  const res = await app.anonymous.request('POST', '/api/v1/auth/signup', body, { origin });
  expect(res.statusCode).toBe(201);
  return { res, email, userId: (res.json() as { user: { id: string } }).user.id };
}

describe('password storage', () => {
  it('stores argon2id hashes with at least OWASP’s parameters, never the password', async () => {
    const password = 'a-distinctive-password-9f1c';
    const { userId } = await signup(t, password);
    const [row] = await rows<{ password_hash: string }>(
      t,
      sql`SELECT password_hash FROM users WHERE id = ${userId}`,
    );
    const stored = row?.password_hash ?? '';
    expect(stored).not.toContain(password);
    const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(stored);
    expect(m, `not an argon2id PHC string: ${stored.slice(0, 40)}`).not.toBeNull();
    const [memory, iterations, parallelism] = [Number(m![1]), Number(m![2]), Number(m![3])];
    expect(memory).toBeGreaterThanOrEqual(19456);
    expect(iterations).toBeGreaterThanOrEqual(2);
    expect(parallelism).toBeGreaterThanOrEqual(1);
  });

  it('salts every hash: the same password twice gives two hashes', async () => {
    const a = await signup(t, 'the same password twice');
    const b = await signup(t, 'the same password twice');
    const hashes = await rows<{ password_hash: string }>(
      t,
      sql`SELECT password_hash FROM users WHERE id IN (${a.userId}, ${b.userId})`,
    );
    expect(new Set(hashes.map((r) => r.password_hash)).size).toBe(2);
  });
});

describe('secrets at rest', () => {
  it('keeps no raw session, API token, invitation token or portal link in the database', async () => {
    const { res, userId } = await signup(t);
    const cookieValue = res.cookies.find((c) => c.name === 'tf_session')!.value;
    const sessionToken = cookieValue.split('.')[0]!; // the signed cookie is `<token>.<signature>`
    const cookie = `tf_session=${cookieValue}`;
    const wsId = (res.json() as { workspace: { id: string } }).workspace.id;
    const headers = { cookie, origin: ORIGIN };
    const token = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${wsId}/tokens`,
      headers,
      payload: { name: 'ci' },
    });
    const apiToken = (token.json() as { token: string }).token;
    const inv = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${wsId}/invitations`,
      headers,
      payload: { email: `invitee-${Date.now()}@example.com`, role: 'member' },
    });
    expect(inv.statusCode).toBe(201);
    // The outbox keeps the email as sent (ADR 003), link included; the invitation row keeps only a hash.
    const outbox = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${wsId}/outbox`, headers });
    const text0 = (outbox.json() as { items: { text: string }[] }).items[0]?.text ?? '';
    const invitationToken = /\/invite\/(\S+)/.exec(text0)?.[1] ?? '';
    expect(invitationToken.length).toBeGreaterThan(20);

    // A client contact with portal access: the invitation link and the portal session it opens.
    const client = await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${wsId}/clients`,
      headers,
      payload: { name: 'At rest client', kind: 'external' },
    });
    const contactEmail = `contact-${Date.now()}@client.example`;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/workspaces/${wsId}/clients/${(client.json() as { id: string }).id}/contacts`,
      headers,
      payload: { name: 'At rest contact', email: contactEmail, portalAccess: true },
    });
    const mails = await t.app.inject({ method: 'GET', url: `/api/v1/workspaces/${wsId}/outbox`, headers });
    const portalMail = (mails.json() as { items: { to: string; text: string }[] }).items.find(
      (m) => m.to === contactEmail,
    );
    const portalToken = /session\?token=(\S+)/.exec(portalMail?.text ?? '')?.[1] ?? '';
    expect(portalToken.length).toBeGreaterThan(40);
    const opened = await t.app.inject({ method: 'GET', url: `/api/v1/portal/session?token=${portalToken}` });
    const portalSecret = opened.cookies.find((c) => c.name === 'tf_portal')!.value.split('.')[1]!;
    expect(portalSecret).toHaveLength(43);

    const dump = await rows<{ row: string }>(
      t,
      sql`
      SELECT row_to_json(s)::text AS row FROM sessions s WHERE user_id = ${userId}
      UNION ALL SELECT row_to_json(l)::text FROM portal_links l WHERE workspace_id = ${wsId}
      UNION ALL SELECT row_to_json(p)::text FROM portal_sessions p WHERE workspace_id = ${wsId}
      UNION ALL SELECT row_to_json(a)::text FROM api_tokens a WHERE workspace_id = ${wsId}
      UNION ALL SELECT row_to_json(i)::text FROM invitations i WHERE workspace_id = ${wsId}
      UNION ALL SELECT row_to_json(e)::text FROM audit_events e WHERE workspace_id = ${wsId}`,
    );
    const text = dump.map((r) => r.row).join('\n');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(sessionToken);
    expect(text).not.toContain(apiToken);
    // The secret is everything after `tf_<32 hex>_` (base64url, so it may itself contain `_`).
    const apiSecret = apiToken.slice('tf_'.length + 32 + 1);
    expect(apiSecret).toHaveLength(43);
    expect(text).not.toContain(apiSecret);
    expect(text).not.toContain(invitationToken);
    expect(text).not.toContain(invitationToken.split('.').at(-1)!);
    // The portal's link and session rows were in the dump (hashed), not missing from it.
    expect(dump.filter((r) => r.row.includes('"contact_id"'))).toHaveLength(2);
    expect(text).not.toContain(portalToken.split('.').at(-1)!);
    expect(text).not.toContain(portalSecret);
  });
});

describe('cookies behind https', () => {
  it('marks the session cookie Secure and sends HSTS when PUBLIC_URL is https', async () => {
    const origin = 'https://twofold.example';
    const secure = await createTestApp({ publicUrl: origin });
    try {
      const { res, email } = await signup(secure, 'correct horse battery staple', origin);
      expect(res.cookies.find((c) => c.name === 'tf_session')?.secure).toBe(true);
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
      const credentials = { email, password: 'correct horse battery staple' };
      const login = await secure.anonymous.request('POST', '/api/v1/auth/login', credentials, { origin });
      expect(login.statusCode).toBe(200);
      const session = login.cookies.find((c) => c.name === 'tf_session')!;
      expect(session.secure).toBe(true);
      const cookie = `tf_session=${session.value}`;
      const out = await secure.anonymous.request('POST', '/api/v1/auth/logout', {}, { origin, cookie });
      expect(out.statusCode).toBe(204);
      const cleared = out.cookies.find((c) => c.name === 'tf_session');
      expect(cleared?.secure).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('leaves Secure off over plain http (a first run on localhost), and sends no HSTS', async () => {
    const { res } = await signup(t);
    expect(res.cookies.find((c) => c.name === 'tf_session')?.secure).toBeFalsy();
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });
});

/** `script-src 'self'; …` → { 'script-src': ["'self'"], … } */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('security headers', () => {
  it('sends a CSP with no inline or eval script, no plugins, no framing, on pages, API answers and errors', async () => {
    const s = (await signup(t)).res;
    const ws = (s.json() as { workspace: { id: string } }).workspace.id;
    const cookie = `tf_session=${s.cookies.find((c) => c.name === 'tf_session')!.value}`;
    const answers = [
      await t.anonymous.get('/healthz'),
      await t.anonymous.request('GET', `/api/v1/workspaces/${ws}/teams`, undefined, { cookie }),
      await t.anonymous.get('/api/v1/no-such-route'),
      await t.anonymous.post('/api/v1/auth/login', { email: 'nope' }),
    ];
    for (const res of answers) {
      const csp = directives(String(res.headers['content-security-policy']));
      expect(csp['default-src']).toEqual(["'self'"]);
      expect(csp['script-src']).toEqual(["'self'"]);
      expect(csp['script-src-attr']).toEqual(["'none'"]);
      expect(csp['object-src']).toEqual(["'none'"]);
      expect(csp['frame-ancestors']).toEqual(["'none'"]);
      expect(csp['base-uri']).toEqual(["'self'"]);
      expect(csp['form-action']).toEqual(["'self'"]);
      expect(csp['connect-src']).toEqual(["'self'"]);
      // Mantine writes style attributes at runtime; styles are the one inline allowance.
      expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('serves a web page that needs nothing the CSP forbids: no inline script or handler', () => {
    const pages = [new URL('../../web/index.html', import.meta.url).pathname];
    const built = new URL('../../../dist/web/index.html', import.meta.url).pathname;
    if (existsSync(built)) pages.push(built);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        expect(attrs, `${page}: every script is loaded from a file`).toMatch(/\bsrc=/);
        expect(body?.trim(), page).toBe('');
      }
      expect(html, `${page}: inline event handler`).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, `${page}: javascript: URL`).not.toMatch(/javascript:/i);
    }
  });
});

// Audit entries for login, role change and token creation are asserted in the accounts and tokens tests;
// workspace.exported and workspace.restored in the transfer test.

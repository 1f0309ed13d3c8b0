import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { latestPortalLink, openPortalLink, portalContact } from './portal.fixtures';

let t: TestApp;
let owner: Session;
let offset = 0; // the app's clock runs this many ms ahead of the real one
beforeAll(async () => {
  t = await createTestApp({}, () => new Date(Date.now() + offset), {
    authAttemptsPerIpPerMinute: 10_000,
    portalAttemptsPerIpPerMinute: 10_000,
  });
  owner = await t.signup();
});
afterAll(() => t.close());

const askForLink = (email: string, client: Client = t.anonymous) =>
  client.post('/api/v1/portal/magic-link', { email });

describe('magic links', () => {
  it('answers 202 with the same words whether or not the address is known', async () => {
    const known = await portalContact(t, owner);
    const a = await askForLink(known.email.toUpperCase());
    const b = await askForLink(`${uniq('nobody')}@example.com`);
    expect(a.statusCode).toBe(202);
    expect(b.statusCode).toBe(202);
    expect(a.body).toBe(b.body);
  });

  it('a link works once', async () => {
    const c = await portalContact(t, owner);
    expect((await askForLink(c.email)).statusCode).toBe(202);
    const token = await latestPortalLink(owner, c.email);
    expect(await openPortalLink(t, token)).not.toBeNull();
    const again = await t.anonymous.get(`/api/v1/portal/session?token=${token}`);
    expect(again.statusCode).toBe(410);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('a link expires after 15 minutes', async () => {
    const c = await portalContact(t, owner);
    await askForLink(c.email);
    const token = await latestPortalLink(owner, c.email);
    offset = 15 * 60_000 + 1000;
    try {
      expect((await t.anonymous.get(`/api/v1/portal/session?token=${token}`)).statusCode).toBe(410);
    } finally {
      offset = 0;
    }
    // A fresh one, opened in time, works.
    await askForLink(c.email);
    offset = 14 * 60_000;
    try {
      expect(await openPortalLink(t, await latestPortalLink(owner, c.email))).not.toBeNull();
    } finally {
      offset = 0;
    }
  });

  it('a browser is sent into the portal, or back to ask again when the link is spent', async () => {
    const c = await portalContact(t, owner);
    await askForLink(c.email);
    const token = await latestPortalLink(owner, c.email);
    const html = { accept: 'text/html,application/xhtml+xml' };
    const first = await t.anonymous.request('GET', `/api/v1/portal/session?token=${token}`, undefined, html);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/portal');
    const cookie = first.cookies.find((x) => x.name === 'tf_portal');
    expect(cookie?.path).toBe('/api/v1/portal');
    expect(cookie?.httpOnly).toBe(true);
    const second = await t.anonymous.request('GET', `/api/v1/portal/session?token=${token}`, undefined, html);
    expect(second.headers.location).toBe('/portal?link=expired');
  });

  it('an address with access in two workspaces gets one link per workspace, each naming its provider', async () => {
    const other = await t.signup();
    const c = await portalContact(t, owner);
    const client = await other.post(other.ws('/clients'), { name: 'Second client', kind: 'external' });
    const cid = (client.json() as { id: string }).id;
    const made = await other.post(other.ws(`/clients/${cid}/contacts`), {
      name: 'Same person',
      email: c.email,
      portalAccess: true,
    });
    expect(made.statusCode).toBe(201);
    await askForLink(c.email);
    const a = await openPortalLink(t, await latestPortalLink(owner, c.email));
    const b = await openPortalLink(t, await latestPortalLink(other, c.email));
    const meA = (await a!.get('/api/v1/portal/me')).json() as { workspace: { id: string } };
    const meB = (await b!.get('/api/v1/portal/me')).json() as { workspace: { id: string } };
    expect(meA.workspace.id).toBe(owner.workspaceId);
    expect(meB.workspace.id).toBe(other.workspaceId);
  });

  it('sends nothing to a contact without portal access', async () => {
    const client = await owner.post(owner.ws('/clients'), { name: 'No portal', kind: 'external' });
    const cid = (client.json() as { id: string }).id;
    const email = `${uniq('off')}@client.example`;
    await owner.post(owner.ws(`/clients/${cid}/contacts`), { name: 'Off', email });
    expect((await askForLink(email)).statusCode).toBe(202);
    await expect(latestPortalLink(owner, email)).rejects.toThrow(/no portal link/);
  });
});

describe('rate limits', () => {
  it('throttles link requests per address and per IP', async () => {
    const strict = await createTestApp({}, undefined, {
      authAttemptsPerIpPerMinute: 10_000,
      portalAttemptsPerIpPerMinute: 5,
    });
    try {
      const post = (email: string) => strict.anonymous.post('/api/v1/portal/magic-link', { email });
      const same = `${uniq('flood')}@example.com`;
      const codes = [];
      for (let i = 0; i < 4; i++) codes.push((await post(same)).statusCode);
      expect(codes).toEqual([202, 202, 202, 429]);
      expect((await post(`${uniq('a')}@example.com`)).statusCode).toBe(202);
      const tooMany = await post(`${uniq('b')}@example.com`);
      expect(tooMany.statusCode).toBe(429);
      expect(tooMany.headers['content-type']).toContain('application/problem+json');
      // Guessing links is throttled by the same per-IP budget.
      expect((await strict.anonymous.get('/api/v1/portal/session?token=guess')).statusCode).toBe(429);
    } finally {
      await strict.close();
    }
  });
});

describe('portal sessions are their own thing', () => {
  it('a portal session cannot use a workspace route, and a member session cannot use the portal', async () => {
    const c = await portalContact(t, owner);
    expect((await c.get(owner.ws('/clients'))).statusCode).toBe(401);
    expect((await c.get('/api/v1/me')).statusCode).toBe(401);
    expect((await owner.get('/api/v1/portal/relationships')).statusCode).toBe(401);
    expect((await owner.get('/api/v1/portal/me')).statusCode).toBe(401);
    const token = await t.tokenClient(owner);
    expect((await token.get('/api/v1/portal/relationships')).statusCode).toBe(401);
  });

  it('revoking portal access ends the contact’s sessions at once, and the grant and login are audited', async () => {
    const c = await portalContact(t, owner);
    expect((await c.get('/api/v1/portal/me')).statusCode).toBe(200);
    const off = await owner.patch(owner.ws(`/clients/${c.clientId}/contacts/${c.contactId}`), {
      portalAccess: false,
    });
    expect(off.statusCode).toBe(200);
    expect((await c.get('/api/v1/portal/me')).statusCode).toBe(401);
    const audit = (await owner.get(owner.ws('/audit?limit=200'))).json() as {
      items: { action: string; entityId: string | null }[];
    };
    const mine = audit.items.filter((a) => a.entityId === c.contactId).map((a) => a.action);
    expect(mine).toEqual(
      expect.arrayContaining([
        'contact.portal_access_granted',
        'portal.login',
        'contact.portal_access_revoked',
      ]),
    );
  });

  it('logs out', async () => {
    const c = await portalContact(t, owner);
    expect((await c.post('/api/v1/portal/logout')).statusCode).toBe(204);
    expect((await c.get('/api/v1/portal/me')).statusCode).toBe(401);
  });

  it('refuses a cookie-carried portal write from another origin', async () => {
    const c = await portalContact(t, owner);
    const res = await c.request('POST', '/api/v1/portal/logout', undefined, {
      origin: 'https://evil.example',
    });
    expect(res.statusCode).toBe(403);
    expect((await c.get('/api/v1/portal/me')).statusCode).toBe(200);
  });
});

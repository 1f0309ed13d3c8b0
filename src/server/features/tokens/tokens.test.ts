import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, type Session, type TestApp } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
});
afterAll(() => t.close());

describe('API tokens', () => {
  it('shows the token once, works as Bearer, records last use, and stops working when revoked', async () => {
    const created = await owner.post(owner.ws('/tokens'), { name: 'CRM sync' });
    expect(created.statusCode).toBe(201);
    const { id, token } = created.json();
    expect(token).toMatch(/^tf_[0-9a-f]{32}_/);
    const listed = (await owner.get(owner.ws('/tokens')))
      .json()
      .items.find((x: { id: string }) => x.id === id);
    expect(listed).not.toHaveProperty('token');
    expect(listed.lastUsedAt).toBeNull();

    const bearer = new Client(t.app, { authorization: `Bearer ${token}` });
    const teams = await bearer.post(owner.ws('/teams'), { name: 'Made by script' });
    expect(teams.statusCode).toBe(201);
    expect(
      (await owner.get(owner.ws('/tokens'))).json().items.find((x: { id: string }) => x.id === id).lastUsedAt,
    ).not.toBeNull();

    expect((await owner.delete(owner.ws(`/tokens/${id}`))).statusCode).toBe(204);
    expect((await bearer.get(owner.ws('/teams'))).statusCode).toBe(401);
  });

  it('a read-only token reads but cannot write', async () => {
    const reader = await t.tokenClient(owner, 'read');
    expect((await reader.get(owner.ws('/teams'))).statusCode).toBe(200);
    const write = await reader.post(owner.ws('/teams'), { name: 'nope' });
    expect(write.statusCode).toBe(403);
  });

  it('a token reaches only its own workspace', async () => {
    const other = await t.signup();
    const token = await t.tokenClient(owner);
    expect((await token.get(other.ws('/teams'))).statusCode).toBe(404);
  });

  it('rejects a malformed or unknown bearer token with 401', async () => {
    const junk = new Client(t.app, { authorization: 'Bearer not-a-token' });
    expect((await junk.get(owner.ws('/teams'))).statusCode).toBe(401);
    const forged = new Client(t.app, {
      authorization: `Bearer tf_${owner.workspaceId.replaceAll('-', '')}_${'A'.repeat(43)}`,
    });
    expect((await forged.get(owner.ws('/teams'))).statusCode).toBe(401);
  });

  it('only admins manage tokens, and token creation is audited', async () => {
    const plain = await t.addMember(owner, 'member');
    expect((await plain.post(plain.ws('/tokens'), { name: 'mine' })).statusCode).toBe(403);
    await owner.post(owner.ws('/tokens'), { name: 'audited' });
    const audit = (await owner.get(owner.ws('/audit'))).json().items;
    expect(audit.some((e: { action: string }) => e.action === 'api_token.created')).toBe(true);
  });

  it('keeps tokens inside their workspace', async () => {
    const created = (await owner.post(owner.ws('/tokens'), { name: 'secret-token-name' })).json();
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/tokens') },
        { method: 'POST', url: owner.ws('/tokens'), body: { name: 'x' } },
        { method: 'DELETE', url: owner.ws(`/tokens/${created.id}`) },
      ],
      'secret-token-name',
    );
  });
});

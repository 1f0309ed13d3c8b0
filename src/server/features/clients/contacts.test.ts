import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';

let t: TestApp;
let owner: Session;
let clientId: string;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
  clientId = (await owner.post(owner.ws('/clients'), { name: uniq('Roastery'), kind: 'external' })).json().id;
});
afterAll(() => t.close());

const contactsOf = (id: string, path = '') => owner.ws(`/clients/${id}/contacts${path}`);

describe('contacts', () => {
  it('creates, reads, updates, lists and deletes a contact of a client', async () => {
    const email = `${uniq('mia')}@Example.com`;
    const created = await owner.post(contactsOf(clientId), { name: 'Mia Berg', email, role: 'Head barista' });
    expect(created.statusCode).toBe(201);
    const contact = created.json();
    expect(contact).toMatchObject({
      clientId,
      name: 'Mia Berg',
      email: email.toLowerCase(),
      role: 'Head barista',
      portalAccess: false,
    });

    expect((await owner.get(contactsOf(clientId, `/${contact.id}`))).json().email).toBe(email.toLowerCase());

    const patched = await owner.patch(contactsOf(clientId, `/${contact.id}`), { role: 'Owner' });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ name: 'Mia Berg', role: 'Owner' });

    const list = await owner.get(contactsOf(clientId, '?q=mia'));
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(contact.id);

    expect((await owner.delete(contactsOf(clientId, `/${contact.id}`))).statusCode).toBe(204);
    expect((await owner.get(contactsOf(clientId, `/${contact.id}`))).statusCode).toBe(404);
  });

  it('stores portal access when it is switched on and off', async () => {
    const contact = (
      await owner.post(contactsOf(clientId), { name: 'Jo', email: `${uniq('jo')}@example.com` })
    ).json();
    const on = await owner.patch(contactsOf(clientId, `/${contact.id}`), { portalAccess: true });
    expect(on.statusCode).toBe(200);
    expect(on.json().portalAccess).toBe(true);
    expect((await owner.get(contactsOf(clientId, `/${contact.id}`))).json().portalAccess).toBe(true);
    const off = await owner.patch(contactsOf(clientId, `/${contact.id}`), { portalAccess: false });
    expect(off.json().portalAccess).toBe(false);
  });

  it('pages through a client’s contacts by name, and lists only that client’s', async () => {
    const mine = (
      await owner.post(owner.ws('/clients'), { name: uniq('Big client'), kind: 'external' })
    ).json().id;
    const other = (await owner.post(owner.ws('/clients'), { name: uniq('Other'), kind: 'internal' })).json()
      .id;
    const made = ['Anna', 'Ben', 'Cleo', 'Dev', 'Eli'];
    for (const n of [...made].reverse())
      await owner.post(contactsOf(mine), { name: n, email: `${uniq(n)}@example.com` });
    await owner.post(contactsOf(other), { name: 'Zed', email: `${uniq('zed')}@example.com` });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await owner.get(contactsOf(mine, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      const body = res.json() as { items: { name: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((x) => x.name));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made);
  });

  it('refuses a second contact with the same email in the workspace with a 409 on email', async () => {
    const email = `${uniq('dup')}@example.com`;
    const other = (await owner.post(owner.ws('/clients'), { name: uniq('Other'), kind: 'external' })).json()
      .id;
    expect((await owner.post(contactsOf(clientId), { name: 'First', email })).statusCode).toBe(201);
    for (const [id, address] of [
      [clientId, email],
      [other, email.toUpperCase()],
    ] as const) {
      const res = await owner.post(contactsOf(id), { name: 'Second', email: address });
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors).toEqual([{ path: 'email', message: expect.any(String) }]);
    }
    const second = (
      await owner.post(contactsOf(other), { name: 'Second', email: `${uniq('b')}@example.com` })
    ).json();
    const res = await owner.patch(contactsOf(other, `/${second.id}`), { email });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors[0].path).toBe('email');

    // Another workspace may know the same person.
    const elsewhere = await t.signup();
    const theirs = (
      await elsewhere.post(elsewhere.ws('/clients'), { name: 'Theirs', kind: 'external' })
    ).json().id;
    const ok = await elsewhere.post(elsewhere.ws(`/clients/${theirs}/contacts`), { name: 'Same', email });
    expect(ok.statusCode).toBe(201);
  });

  it('names the field at fault in a 400 problem', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: 'X', email: 'not-an-email' }, 'email'],
      [{ name: 'X' }, 'email'],
      [{ name: '', email: `${uniq('x')}@example.com` }, 'name'],
      [{ name: 'X', email: `${uniq('x')}@example.com`, portalAccess: 'yes' }, 'portalAccess'],
    ];
    for (const [body, path] of cases) {
      const res = await owner.post(contactsOf(clientId), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    }
  });

  it('answers 404 for a contact asked for through another client, and for an unknown client', async () => {
    const a = clientId;
    const b = (await owner.post(owner.ws('/clients'), { name: uniq('B'), kind: 'external' })).json().id;
    const contact = (
      await owner.post(contactsOf(a), { name: 'Of A', email: `${uniq('a')}@example.com` })
    ).json();
    expect((await owner.get(contactsOf(b, `/${contact.id}`))).statusCode).toBe(404);
    expect((await owner.patch(contactsOf(b, `/${contact.id}`), { name: 'Moved?' })).statusCode).toBe(404);
    expect((await owner.delete(contactsOf(b, `/${contact.id}`))).statusCode).toBe(404);
    expect((await owner.get(contactsOf(a, `/${contact.id}`))).json().name).toBe('Of A');

    const unknown = '01900000-0000-7000-8000-000000000000';
    expect((await owner.get(contactsOf(unknown))).statusCode).toBe(404);
    const res = await owner.post(contactsOf(unknown), { name: 'X', email: `${uniq('x')}@example.com` });
    expect(res.statusCode).toBe(404);
  });

  it('goes with its client', async () => {
    const c = (await owner.post(owner.ws('/clients'), { name: uniq('Gone'), kind: 'external' })).json().id;
    const email = `${uniq('gone')}@example.com`;
    const contact = (await owner.post(contactsOf(c), { name: 'Gone', email })).json();
    expect((await owner.delete(owner.ws(`/clients/${c}`))).statusCode).toBe(204);
    expect((await owner.get(contactsOf(c, `/${contact.id}`))).statusCode).toBe(404);
    // The address is free again.
    expect((await owner.post(contactsOf(clientId), { name: 'Back', email })).statusCode).toBe(201);
  });

  it('lets a plain member manage contacts', async () => {
    const plain = await t.addMember(owner, 'member');
    const res = await plain.post(plain.ws(`/clients/${clientId}/contacts`), {
      name: 'By member',
      email: `${uniq('m')}@example.com`,
    });
    expect(res.statusCode).toBe(201);
    expect((await plain.delete(plain.ws(`/clients/${clientId}/contacts/${res.json().id}`))).statusCode).toBe(
      204,
    );
  });

  it('keeps contacts inside their workspace', async () => {
    const marker = uniq('secret-contact');
    const contact = (
      await owner.post(contactsOf(clientId), { name: marker, email: `${marker}@example.com` })
    ).json();
    await expectIsolated(
      t,
      [
        { method: 'GET', url: contactsOf(clientId) },
        { method: 'POST', url: contactsOf(clientId), body: { name: 'x', email: `${uniq('x')}@example.com` } },
        { method: 'GET', url: contactsOf(clientId, `/${contact.id}`) },
        { method: 'PATCH', url: contactsOf(clientId, `/${contact.id}`), body: { portalAccess: true } },
        { method: 'DELETE', url: contactsOf(clientId, `/${contact.id}`) },
      ],
      marker,
    );
    const still = (await owner.get(contactsOf(clientId, `/${contact.id}`))).json();
    expect(still).toMatchObject({ name: marker, portalAccess: false });
  });
});

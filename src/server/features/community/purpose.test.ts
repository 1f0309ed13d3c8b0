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

describe('purpose', () => {
  it('is empty at first, then written, read, rewritten and cleared', async () => {
    const ws = await t.signup();
    expect((await ws.get(ws.ws('/purpose'))).json()).toEqual({
      statement: null,
      updatedBy: null,
      updatedAt: null,
    });
    const statement = 'We help cafés become the best hour of their guests’ day.';
    const put = await ws.put(ws.ws('/purpose'), { statement: `  ${statement}  ` });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ statement, updatedBy: { id: ws.user.id } });
    expect((await ws.get(ws.ws('/purpose'))).json().statement).toBe(statement);

    await ws.put(ws.ws('/purpose'), { statement: 'Second thought.' });
    expect((await ws.get(ws.ws('/purpose'))).json().statement).toBe('Second thought.');

    const cleared = await ws.put(ws.ws('/purpose'), { statement: '' });
    expect(cleared.json().statement).toBeNull();
  });

  it('is written by admins; every member reads it', async () => {
    await owner.put(owner.ws('/purpose'), { statement: 'Why we do it' });
    const plain = await t.addMember(owner, 'member');
    expect((await plain.put(plain.ws('/purpose'), { statement: 'Mine now' })).statusCode).toBe(403);
    expect((await plain.get(plain.ws('/purpose'))).json().statement).toBe('Why we do it');
  });

  it('names the field at fault', async () => {
    const res = await owner.put(owner.ws('/purpose'), { statement: 'x'.repeat(2001) });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('statement');
    expect((await owner.put(owner.ws('/purpose'), {})).json().errors[0].path).toBe('statement');
  });

  it('keeps the purpose inside its workspace', async () => {
    const marker = uniq('secret-purpose');
    await owner.put(owner.ws('/purpose'), { statement: marker });
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/purpose') },
        { method: 'PUT', url: owner.ws('/purpose'), body: { statement: 'x' } },
      ],
      marker,
    );
    expect((await owner.get(owner.ws('/purpose'))).json().statement).toBe(marker);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { plantRelationship } from '../check-ins/check-ins.fixtures';

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp();
  owner = await t.signup();
});
afterAll(() => t.close());

type Topic = {
  id: string;
  title: string;
  status: string;
  voteCount: number;
  votedByMe: boolean;
  commentCount: number;
};

describe('topics', () => {
  it('raises a topic from either side and moves it across the board', async () => {
    const { relationship } = await plantRelationship(owner);
    const base = owner.ws(`/relationships/${relationship.id}/topics`);
    const res = await owner.post(base, {
      title: 'The reorder tool',
      raisedBy: 'provider',
      description: 'From the bar shift',
    });
    expect(res.statusCode).toBe(201);
    const topic = res.json();
    expect(topic).toMatchObject({
      title: 'The reorder tool',
      raisedBy: 'provider',
      status: 'proposed',
      voteCount: 0,
      votedByMe: false,
      commentCount: 0,
      checkInId: null,
      author: { kind: 'member', id: owner.user.id, name: owner.user.name },
      relationship: { id: relationship.id },
    });
    for (const status of ['exploring', 'agreed', 'done']) {
      const moved = await owner.patch(`${base}/${topic.id}`, { status });
      expect(moved.json().status).toBe(status);
    }
    const bad = await owner.patch(`${base}/${topic.id}`, { status: 'maybe' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('status');
    const noSide = await owner.post(base, { title: 'x' });
    expect(noSide.json().errors[0].path).toBe('raisedBy');

    await owner.post(base, { title: 'Delivery days', raisedBy: 'client' });
    const clientOnes = (await owner.get(`${base}?raisedBy=client`)).json().items as Topic[];
    expect(clientOnes.map((x) => x.title)).toEqual(['Delivery days']);
    const board = (await owner.get(owner.ws('/topics?status=done'))).json().items as Topic[];
    expect(board.map((x) => x.id)).toContain(topic.id);
  });

  it('turns a further topic from a check-in into the backlog, linked to that check-in', async () => {
    const { relationship } = await plantRelationship(owner);
    const other = await plantRelationship(owner);
    const checkIn = (
      await owner.post(owner.ws(`/relationships/${relationship.id}/check-ins`), {
        scheduledFor: new Date(Date.now() + 86_400_000).toISOString(),
        sendInvites: false,
      })
    ).json();
    const base = owner.ws(`/relationships/${relationship.id}/topics`);
    const created = await owner.post(base, {
      title: 'Onboarding kit',
      raisedBy: 'client',
      checkInId: checkIn.id,
    });
    expect(created.json().checkInId).toBe(checkIn.id);
    const fromIt = (await owner.get(`${base}?checkInId=${checkIn.id}`)).json().items as Topic[];
    expect(fromIt.map((x) => x.title)).toEqual(['Onboarding kit']);
    const elsewhere = await owner.post(owner.ws(`/relationships/${other.relationship.id}/topics`), {
      title: 'x',
      raisedBy: 'client',
      checkInId: checkIn.id,
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().errors[0].path).toBe('checkInId');
  });

  it('counts one vote per person, however often they vote, and lets them take it back', async () => {
    const { relationship } = await plantRelationship(owner);
    const colleague = await t.addMember(owner, 'member');
    const base = owner.ws(`/relationships/${relationship.id}/topics`);
    const topic = (await owner.post(base, { title: 'Shared backlog', raisedBy: 'client' })).json();
    const first = await owner.post(`${base}/${topic.id}/votes`);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ voteCount: 1, votedByMe: true });
    const second = await owner.post(`${base}/${topic.id}/votes`);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ voteCount: 1, votedByMe: true });
    // Without a body at all, as a script would call it.
    const bare = await colleague.request(
      'POST',
      colleague.ws(`/relationships/${relationship.id}/topics/${topic.id}/votes`),
    );
    expect(bare.statusCode).toBe(201);
    expect(bare.json()).toMatchObject({ voteCount: 2, votedByMe: true });
    expect((await owner.get(`${base}/${topic.id}`)).json()).toMatchObject({ voteCount: 2, votedByMe: true });

    expect((await owner.delete(`${base}/${topic.id}/votes`)).statusCode).toBe(204);
    expect((await owner.delete(`${base}/${topic.id}/votes`)).statusCode).toBe(204);
    expect((await owner.get(`${base}/${topic.id}`)).json()).toMatchObject({ voteCount: 1, votedByMe: false });
    const list = (await colleague.get(colleague.ws(`/relationships/${relationship.id}/topics`))).json()
      .items as Topic[];
    expect(list[0]).toMatchObject({ voteCount: 1, votedByMe: true });
  });

  it('keeps comments from both sides in order; only the author or an admin deletes one', async () => {
    const { relationship } = await plantRelationship(owner);
    const colleague = await t.addMember(owner, 'member');
    const base = owner.ws(`/relationships/${relationship.id}/topics`);
    const topic = (await owner.post(base, { title: 'Delivery weights', raisedBy: 'client' })).json();
    const c1 = await owner.post(`${base}/${topic.id}/comments`, { body: 'Worth a pilot?' });
    expect(c1.statusCode).toBe(201);
    expect(c1.json()).toMatchObject({
      body: 'Worth a pilot?',
      side: 'provider',
      author: { name: owner.user.name },
    });
    const c2 = (
      await colleague.post(colleague.ws(`/relationships/${relationship.id}/topics/${topic.id}/comments`), {
        body: 'Yes',
      })
    ).json();
    const list = (await owner.get(`${base}/${topic.id}/comments`)).json().items;
    expect(list.map((c: { body: string }) => c.body)).toEqual(['Worth a pilot?', 'Yes']);
    expect((await owner.get(`${base}/${topic.id}`)).json().commentCount).toBe(2);
    const empty = await owner.post(`${base}/${topic.id}/comments`, { body: '  ' });
    expect(empty.json().errors[0].path).toBe('body');
    const theirs = colleague.ws(
      `/relationships/${relationship.id}/topics/${topic.id}/comments/${c1.json().id}`,
    );
    expect((await colleague.delete(theirs)).statusCode).toBe(403);
    expect((await owner.delete(`${base}/${topic.id}/comments/${c2.id}`)).statusCode).toBe(204);
    // A topic: its author or an admin.
    const colleagues = (
      await colleague.post(colleague.ws(`/relationships/${relationship.id}/topics`), {
        title: 'Mine',
        raisedBy: 'provider',
      })
    ).json();
    expect(
      (await colleague.delete(colleague.ws(`/relationships/${relationship.id}/topics/${topic.id}`)))
        .statusCode,
    ).toBe(403);
    expect(
      (await colleague.delete(colleague.ws(`/relationships/${relationship.id}/topics/${colleagues.id}`)))
        .statusCode,
    ).toBe(204);
    expect((await owner.delete(`${base}/${topic.id}`)).statusCode).toBe(204);
    expect((await owner.get(`${base}/${topic.id}`)).statusCode).toBe(404);
  });

  it('pages the workspace backlog newest first', async () => {
    const s = await t.signup();
    const { relationship } = await plantRelationship(s);
    for (const title of ['A', 'B', 'C', 'D', 'E'])
      await s.post(s.ws(`/relationships/${relationship.id}/topics`), { title, raisedBy: 'provider' });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await s.get(s.ws(`/topics?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      const body = res.json() as { items: Topic[]; nextCursor: string | null };
      seen.push(...body.items.map((x) => x.title));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['E', 'D', 'C', 'B', 'A']);
    expect((await s.get(s.ws('/topics?q=c'))).json().items.map((x: Topic) => x.title)).toEqual(['C']);
  });

  it('keeps topics inside their workspace', async () => {
    const marker = uniq('secret-topic');
    const { relationship } = await plantRelationship(owner);
    const base = `/relationships/${relationship.id}/topics`;
    const topic = (
      await owner.post(owner.ws(base), { title: marker, raisedBy: 'client', description: marker })
    ).json();
    const comment = (await owner.post(owner.ws(`${base}/${topic.id}/comments`), { body: marker })).json();
    await owner.post(owner.ws(`${base}/${topic.id}/votes`));
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/topics') },
        { method: 'GET', url: owner.ws(base) },
        { method: 'POST', url: owner.ws(base), body: { title: 'x', raisedBy: 'provider' } },
        { method: 'GET', url: owner.ws(`${base}/${topic.id}`) },
        { method: 'PATCH', url: owner.ws(`${base}/${topic.id}`), body: { status: 'declined' } },
        { method: 'POST', url: owner.ws(`${base}/${topic.id}/votes`), body: {} },
        { method: 'DELETE', url: owner.ws(`${base}/${topic.id}/votes`) },
        { method: 'GET', url: owner.ws(`${base}/${topic.id}/comments`) },
        { method: 'POST', url: owner.ws(`${base}/${topic.id}/comments`), body: { body: 'x' } },
        { method: 'DELETE', url: owner.ws(`${base}/${topic.id}/comments/${comment.id}`) },
        { method: 'DELETE', url: owner.ws(`${base}/${topic.id}`) },
      ],
      marker,
    );
    expect((await owner.get(owner.ws(`${base}/${topic.id}`))).json()).toMatchObject({
      title: marker,
      status: 'proposed',
      voteCount: 1,
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { plantRelationship } from '../check-ins/check-ins.fixtures';

let t: TestApp;
let lead: Session;
let colleague: Session;
beforeAll(async () => {
  t = await createTestApp();
  lead = await t.signup();
  colleague = await t.addMember(lead, 'member');
});
afterAll(() => t.close());

type Note = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  read: boolean;
  topicId: string;
};
const notes = async (s: Session, q = '') => (await s.get(s.ws(`/notifications${q}`))).json().items as Note[];
const unread = async (s: Session) =>
  (await s.get(s.ws('/notifications/unread-count'))).json().unread as number;

describe('notifications', () => {
  it('tells the partner lead about client topics, votes and comments by others — never about their own', async () => {
    const { relationship, client } = await plantRelationship(lead);
    const before = await unread(lead);
    const base = `/relationships/${relationship.id}/topics`;
    const own = (await lead.post(lead.ws(base), { title: 'Noted by the lead', raisedBy: 'client' })).json();
    expect(await unread(lead)).toBe(before);

    const raised = (
      await colleague.post(colleague.ws(base), { title: 'Their idea', raisedBy: 'client' })
    ).json();
    await colleague.post(colleague.ws(`${base}/${raised.id}/votes`));
    await colleague.post(colleague.ws(`${base}/${raised.id}/votes`));
    await colleague.post(colleague.ws(`${base}/${own.id}/comments`), { body: 'Shall we start in March?' });
    const mine = await notes(lead);
    expect(mine.slice(0, 3).map((n) => n.kind)).toEqual(['topic_commented', 'topic_voted', 'topic_raised']);
    expect(mine[2]).toMatchObject({
      title: `${client.name} raised a topic: Their idea`,
      link: `/w/${lead.workspaceId}/relationships/${relationship.id}?topic=${raised.id}`,
      read: false,
    });
    expect(mine[0]!.body).toBe('Shall we start in March?');
    expect(await unread(lead)).toBe(before + 3);
    // The colleague is told when the lead answers on the topic they commented on.
    await lead.post(lead.ws(`${base}/${own.id}/comments`), { body: 'Yes' });
    expect((await notes(colleague)).map((n) => n.kind)).toContain('topic_commented');
  });

  it('emails the partner lead about client topics and comments, not about votes', async () => {
    const s = await t.signup();
    const other = await t.addMember(s, 'member');
    const { relationship } = await plantRelationship(s);
    const base = `/relationships/${relationship.id}/topics`;
    const topic = (await other.post(other.ws(base), { title: 'A client idea', raisedBy: 'client' })).json();
    await other.post(other.ws(`${base}/${topic.id}/votes`));
    await other.post(other.ws(`${base}/${topic.id}/comments`), { body: 'Details here' });
    const outbox = (await s.get(s.ws('/outbox?limit=200'))).json().items as {
      to: string;
      subject: string;
      text: string;
    }[];
    const toLead = outbox.filter((m) => m.to === s.user.email).map((m) => m.subject);
    expect(toLead).toHaveLength(2);
    expect(toLead.some((x) => x.includes('raised a topic'))).toBe(true);
    expect(toLead.some((x) => x.includes('commented on'))).toBe(true);
    expect(outbox.find((m) => m.subject.includes('commented on'))!.text).toContain(`?topic=${topic.id}`);
  });

  it('marks one read (and unread again), then all read', async () => {
    const s = await t.signup();
    const other = await t.addMember(s, 'member');
    const { relationship } = await plantRelationship(s);
    for (const title of ['One', 'Two', 'Three'])
      await other.post(other.ws(`/relationships/${relationship.id}/topics`), { title, raisedBy: 'client' });
    const all = await notes(s);
    expect(all).toHaveLength(3);
    const one = await s.patch(s.ws(`/notifications/${all[0]!.id}`), { read: true });
    expect(one.json()).toMatchObject({ read: true });
    expect(await unread(s)).toBe(2);
    expect((await notes(s, '?unread=true')).map((n) => n.id)).not.toContain(all[0]!.id);
    await s.patch(s.ws(`/notifications/${all[0]!.id}`), { read: false });
    expect(await unread(s)).toBe(3);
    const marked = await s.post(s.ws('/notifications/read-all'), {});
    expect(marked.json()).toEqual({ marked: 3 });
    expect(await unread(s)).toBe(0);
    const bare = await s.request('POST', s.ws('/notifications/read-all'));
    expect(bare.json()).toEqual({ marked: 0 });
  });

  it('keeps each person’s notifications their own, even from colleagues and admins', async () => {
    const s = await t.signup();
    const admin = await t.addMember(s, 'admin');
    const other = await t.addMember(s, 'member');
    const marker = uniq('secret-note');
    const { relationship } = await plantRelationship(s);
    await other.post(other.ws(`/relationships/${relationship.id}/topics`), {
      title: marker,
      raisedBy: 'client',
    });
    const [note] = await notes(s);
    expect(note!.title).toContain(marker);
    expect((await admin.get(admin.ws(`/notifications`))).body).not.toContain(marker);
    expect((await admin.patch(admin.ws(`/notifications/${note!.id}`), { read: true })).statusCode).toBe(404);
    await admin.post(admin.ws('/notifications/read-all'), {});
    expect(await unread(s)).toBe(1);
    await expectIsolated(
      t,
      [
        { method: 'GET', url: s.ws('/notifications') },
        { method: 'GET', url: s.ws('/notifications/unread-count') },
        { method: 'PATCH', url: s.ws(`/notifications/${note!.id}`), body: { read: true } },
        { method: 'POST', url: s.ws('/notifications/read-all'), body: {} },
      ],
      marker,
    );
    expect(await unread(s)).toBe(1);
  });
});

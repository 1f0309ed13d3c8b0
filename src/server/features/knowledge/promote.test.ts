import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { makeRelationship } from '../relationships/relationships.fixtures';
import { titleOf } from './promote.routes';

let t: TestApp;
let owner: Session;
beforeAll(async () => {
  t = await createTestApp({}, () => new Date('2026-07-15T09:00:00Z'));
  owner = await t.signup();
});
afterAll(() => t.close());

const answers = {
  happening: 'Two of our three clients now bring topics to check-ins.',
  emerging: 'Kestrel wants to co-own the reorder tool.',
  surprisinglyWell: 'Working at the bar.',
  harderThanExpected: 'Protecting the hours.',
  needs: 'A rule that pilot hours stay pilot hours.',
};

async function learningOn(s: Session, text: string) {
  const rel = await makeRelationship(s);
  const reflection = (
    await s.post(s.ws('/reflections'), { teamId: rel.teamId, heldOn: '2026-07-01', ...answers })
  ).json();
  const learning = (
    await s.post(s.ws(`/reflections/${reflection.id}/learnings`), { text, tags: ['Immersion'] })
  ).json();
  return { rel, reflection, learning };
}

async function experimentOn(s: Session) {
  const rel = await makeRelationship(s);
  const e = (
    await s.post(s.ws('/experiments'), {
      relationshipId: rel.id,
      teamId: rel.teamId,
      title: uniq('Reorder from the bar'),
      hypothesis: 'If baristas reorder from the bar, deliveries stop running short.',
      protectedHours: 40,
      startsOn: '2026-05-01',
      endsOn: '2026-06-30',
    })
  ).json();
  return { rel, e };
}

describe('promoting to the knowledge library', () => {
  it('turns a learning into an internal knowledge item once, however often it is pressed', async () => {
    const text = 'Baristas talk when we pour coffee with them. Interviews at a table get politeness.';
    const { reflection, learning } = await learningOn(owner, text);
    const url = owner.ws(`/reflections/${reflection.id}/learnings/${learning.id}/promote`);
    const first = await owner.post(url);
    expect(first.statusCode).toBe(201);
    const item = first.json();
    expect(item).toMatchObject({
      title: 'Baristas talk when we pour coffee with them.',
      body: text,
      tags: ['immersion'],
      visibility: 'internal',
      source: { kind: 'learning', id: learning.id },
    });
    const again = await owner.post(url);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(item.id);
    const library = (await owner.get(owner.ws('/knowledge?tag=immersion'))).json().items;
    expect(library.filter((x: { id: string }) => x.id === item.id)).toHaveLength(1);
    expect((await owner.get(owner.ws(`/knowledge/${item.id}`))).statusCode).toBe(200);
  });

  it('promotes a concluded experiment with its hypothesis and both learnings, and nothing earlier', async () => {
    const { e } = await experimentOn(owner);
    const url = owner.ws(`/experiments/${e.id}/promote`);
    const planned = await owner.post(url);
    expect(planned.statusCode).toBe(409);
    expect(planned.json().errors).toEqual([{ path: 'status', message: 'is planned, not concluded' }]);

    await owner.patch(owner.ws(`/experiments/${e.id}`), { status: 'running' });
    await owner.patch(owner.ws(`/experiments/${e.id}`), {
      status: 'concluded',
      learningsOutward: 'Cafés reorder twice as often when it takes one tap.',
      learningsInward: 'We need a designer at the bar, not in the studio.',
    });
    const res = await owner.post(url);
    expect(res.statusCode).toBe(201);
    const item = res.json();
    expect(item.title).toBe(e.title);
    expect(item.source).toEqual({ kind: 'experiment', id: e.id });
    for (const part of [
      'If baristas reorder from the bar',
      'Cafés reorder twice as often',
      'We need a designer at the bar',
    ])
      expect(item.body).toContain(part);
    expect((await owner.post(url)).json().id).toBe(item.id);
  });

  it('names an unknown learning or experiment 404, and keeps other workspaces out', async () => {
    expect((await owner.post(owner.ws(`/experiments/${crypto.randomUUID()}/promote`))).statusCode).toBe(404);
    const marker = uniq('MARKER');
    const { reflection, learning } = await learningOn(owner, `${marker} is what we learned.`);
    const { e } = await experimentOn(owner);
    await expectIsolated(
      t,
      [
        { method: 'POST', url: owner.ws(`/reflections/${reflection.id}/learnings/${learning.id}/promote`) },
        { method: 'POST', url: owner.ws(`/experiments/${e.id}/promote`) },
      ],
      marker,
    );
  });

  it('titles a learning by its first sentence, shortened when long', () => {
    expect(titleOf('One. Two.')).toBe('One.');
    expect(titleOf('A line\nand more')).toBe('A line');
    expect(titleOf('x'.repeat(200))).toHaveLength(118);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../test/harness';

let t: TestApp;
let s: Session;
let relationshipId: string;
let teamId: string;
beforeAll(async () => {
  t = await createTestApp();
  s = await t.signup();
  teamId = (await s.post(s.ws('/teams'), { name: 'Studio' })).json().id;
  const clientId = (await s.post(s.ws('/clients'), { name: 'Kestrel Roasters', kind: 'external' })).json().id;
  relationshipId = (await s.post(s.ws('/relationships'), { clientId, teamId, cadenceDays: 30 })).json().id;
});
afterAll(() => t.close());

type Result = { groups: { kind: string; hits: { id: string; title: string; parentId: string | null }[] }[] };
const hitsOf = async (q: string, kind: string) => {
  const res = await s.get(s.ws(`/search?q=${encodeURIComponent(q)}`));
  expect(res.statusCode).toBe(200);
  return (res.json() as Result).groups.find((g) => g.kind === kind)?.hits ?? [];
};

describe('search across topics and learnings', () => {
  it('finds a topic as soon as it is raised, follows its edits, and forgets it when deleted', async () => {
    const topic = await s.post(s.ws(`/relationships/${relationshipId}/topics`), {
      title: 'Oat milk logistics for cafés',
      description: 'Deliveries arrive before the baristas do',
      raisedBy: 'client',
    });
    expect(topic.statusCode).toBe(201);
    const id = topic.json().id as string;
    expect((await hitsOf('baristas', 'topic')).map((h) => [h.id, h.parentId])).toEqual([
      [id, relationshipId],
    ]);

    await s.patch(s.ws(`/relationships/${relationshipId}/topics/${id}`), {
      title: 'Cold chain for oat milk',
    });
    expect((await hitsOf('cold chain', 'topic')).map((h) => h.id)).toEqual([id]);

    expect((await s.delete(s.ws(`/relationships/${relationshipId}/topics/${id}`))).statusCode).toBe(204);
    expect(await hitsOf('baristas', 'topic')).toEqual([]);
  });

  it('finds a learning from a reflection, and forgets it when deleted', async () => {
    const reflection = await s.post(s.ws('/reflections'), {
      teamId,
      heldOn: '2026-11-20',
      happening: 'We spent a morning behind the bar',
      emerging: 'Cafés want fewer, fuller deliveries',
      surprisinglyWell: 'Asking the baristas first',
      harderThanExpected: 'Getting the owners in the room',
      needs: 'Time protected for immersion',
    });
    expect(reflection.statusCode).toBe(201);
    const reflectionId = reflection.json().id as string;
    const learning = await s.post(s.ws(`/reflections/${reflectionId}/learnings`), {
      text: 'Immersion days surface needs no interview ever did',
      tags: ['immersion'],
    });
    expect(learning.statusCode).toBe(201);
    const id = learning.json().id as string;
    expect((await hitsOf('interview', 'learning')).map((h) => [h.id, h.parentId])).toEqual([
      [id, reflectionId],
    ]);

    expect((await s.delete(s.ws(`/reflections/${reflectionId}/learnings/${id}`))).statusCode).toBe(204);
    expect(await hitsOf('interview', 'learning')).toEqual([]);

    // Deleting the reflection takes its remaining learnings out of search too.
    await s.post(s.ws(`/reflections/${reflectionId}/learnings`), { text: 'Owners decide on Mondays' });
    expect(await hitsOf('mondays', 'learning')).toHaveLength(1);
    expect((await s.delete(s.ws(`/reflections/${reflectionId}`))).statusCode).toBe(204);
    expect(await hitsOf('mondays', 'learning')).toEqual([]);
  });
});

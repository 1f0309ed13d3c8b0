import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { makeRelationship, makeTeam } from '../relationships/relationships.fixtures';

let t: TestApp;
let owner: Session;
const clock = { now: new Date('2026-06-15T09:00:00Z') };
beforeAll(async () => {
  t = await createTestApp({}, () => clock.now);
  owner = await t.signup();
});
afterAll(() => t.close());

const answers = {
  happening: 'Two of our three clients now bring topics to check-ins.',
  emerging: 'Kestrel wants to co-own the reorder tool.',
  surprisinglyWell: 'Working at the bar: baristas talk when we pour coffee with them.',
  harderThanExpected: 'Protecting the hours when a billable deadline looms.',
  needs: 'A rule that pilot hours are not moved to billable work.',
};

async function hold(s: Session, body: Record<string, unknown>) {
  const res = await s.post(s.ws('/reflections'), { heldOn: '2026-06-01', ...answers, ...body });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
}

describe('reflections', () => {
  it('records the four questions with the relationships and experiments discussed', async () => {
    const rel = await makeRelationship(owner);
    const experiment = (
      await owner.post(owner.ws('/experiments'), {
        relationshipId: rel.id,
        teamId: rel.teamId,
        title: 'Bar shifts',
        hypothesis: 'x',
        protectedHours: 10,
        startsOn: '2026-05-01',
        endsOn: '2026-06-30',
      })
    ).json();
    const r = await hold(owner, {
      teamId: rel.teamId,
      relationshipIds: [rel.id, rel.id],
      experimentIds: [experiment.id],
    });
    expect(r).toMatchObject({
      teamId: rel.teamId,
      heldOn: '2026-06-01',
      ...answers,
      relationshipIds: [rel.id],
      relationships: [{ id: rel.id, clientName: rel.client.name }],
      experiments: [{ id: experiment.id, title: 'Bar shifts' }],
      learnings: [],
      learningCount: 0,
    });

    const patched = await owner.patch(owner.ws(`/reflections/${r.id}`), {
      needs: 'Fridays free',
      relationshipIds: [],
    });
    expect(patched.json()).toMatchObject({
      needs: 'Fridays free',
      relationshipIds: [],
      experimentIds: [experiment.id],
    });

    const byExperiment = (await owner.get(owner.ws(`/reflections?experimentId=${experiment.id}`))).json();
    expect(byExperiment.items.map((x: { id: string }) => x.id)).toEqual([r.id]);
    const byRelationship = (await owner.get(owner.ws(`/reflections?relationshipId=${rel.id}`))).json();
    expect(byRelationship.items).toEqual([]);
  });

  it('records tagged learnings and finds them by tag across reflections', async () => {
    const ws = await t.signup();
    const team = await makeTeam(ws);
    const r = await hold(ws, { teamId: team.id });
    const add = (text: string, tags: string[]) =>
      ws.post(ws.ws(`/reflections/${r.id}/learnings`), { text, tags }).then((x) => x.json());
    const first = await add('Pour coffee, then ask.', ['Immersion', ' immersion ', 'Field  Work']);
    expect(first.tags).toEqual(['immersion', 'field work']);
    await add('Protect the hours in writing.', ['time']);

    const got = (await ws.get(ws.ws(`/reflections/${r.id}`))).json();
    expect(got.learnings.map((l: { text: string }) => l.text)).toEqual([
      'Pour coffee, then ask.',
      'Protect the hours in writing.',
    ]);
    expect(got.learningCount).toBe(2);

    const tagged = (await ws.get(ws.ws('/learnings?tag=IMMERSION'))).json();
    expect(tagged.items).toHaveLength(1);
    expect(tagged.items[0]).toMatchObject({
      text: 'Pour coffee, then ask.',
      reflection: { id: r.id, team: { id: team.id } },
    });

    const edited = await ws.patch(ws.ws(`/reflections/${r.id}/learnings/${first.id}`), { tags: ['bar'] });
    expect(edited.json().tags).toEqual(['bar']);
    expect((await ws.delete(ws.ws(`/reflections/${r.id}/learnings/${first.id}`))).statusCode).toBe(204);
    expect((await ws.get(ws.ws(`/reflections/${r.id}/learnings`))).json().items).toHaveLength(1);
  });

  it("shows each team's cadence and how overdue its next reflection is", async () => {
    const ws = await t.signup();
    const quiet = await makeTeam(ws, 'A quiet team');
    const busy = await makeTeam(ws, 'B busy team');
    const created = (await ws.get(ws.ws(`/teams/${quiet.id}`))).json().createdAt as string;
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const DAY = 86_400_000;
    const createdDay = Date.parse(`${created.slice(0, 10)}T00:00:00Z`);
    // Forty-five days after the teams were made: a team on the default 30 days is 15 days overdue.
    clock.now = new Date(createdDay + 45 * DAY + 9 * 3_600_000);
    await hold(ws, { teamId: busy.id, heldOn: day(createdDay + 40 * DAY) });
    const set = await ws.put(ws.ws(`/reflection-cadences/${busy.id}`), { cadenceDays: 14 });
    expect(set.json()).toMatchObject({
      cadenceDays: 14,
      isDefault: false,
      lastHeldOn: day(createdDay + 40 * DAY),
      nextDueOn: day(createdDay + 54 * DAY),
      overdueDays: 0,
    });

    const list = (await ws.get(ws.ws('/reflection-cadences'))).json();
    expect(list.items).toEqual([
      expect.objectContaining({
        teamId: quiet.id,
        cadenceDays: 30,
        isDefault: true,
        lastHeldOn: null,
        nextDueOn: day(createdDay + 30 * DAY),
        overdueDays: 15,
      }),
      expect.objectContaining({ teamId: busy.id, cadenceDays: 14, overdueDays: 0 }),
    ]);
    expect(
      (await ws.put(ws.ws(`/reflection-cadences/${busy.id}`), { cadenceDays: 3 })).json().errors[0].path,
    ).toBe('cadenceDays');
    clock.now = new Date('2026-06-15T09:00:00Z');
  });

  it('names the field at fault', async () => {
    const team = await makeTeam(owner);
    const bad = async (body: Record<string, unknown>, path: string) => {
      const res = await owner.post(owner.ws('/reflections'), {
        teamId: team.id,
        heldOn: '2026-06-01',
        ...answers,
        ...body,
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].path).toBe(path);
    };
    await bad(
      { happening: '', emerging: '', surprisinglyWell: ' ', harderThanExpected: '', needs: '' },
      'happening',
    );
    await bad({ teamId: '00000000-0000-4000-8000-000000000000' }, 'teamId');
    await bad({ relationshipIds: ['00000000-0000-4000-8000-000000000000'] }, 'relationshipIds');
    await bad({ experimentIds: ['00000000-0000-4000-8000-000000000000'] }, 'experimentIds');
    await bad({ heldOn: 'yesterday' }, 'heldOn');
    const { emerging: _, ...missing } = answers;
    const res = await owner.post(owner.ws('/reflections'), {
      teamId: team.id,
      heldOn: '2026-06-01',
      ...missing,
    });
    expect(res.json().errors[0].path).toBe('emerging');
  });

  it('keeps reflections and learnings inside their workspace', async () => {
    const marker = uniq('secret-reflection');
    const team = await makeTeam(owner);
    const r = await hold(owner, { teamId: team.id, happening: marker });
    const l = (
      await owner.post(owner.ws(`/reflections/${r.id}/learnings`), { text: marker, tags: [marker] })
    ).json();
    await expectIsolated(
      t,
      [
        { method: 'GET', url: owner.ws('/reflections') },
        {
          method: 'POST',
          url: owner.ws('/reflections'),
          body: { teamId: team.id, heldOn: '2026-01-01', ...answers },
        },
        { method: 'GET', url: owner.ws(`/reflections/${r.id}`) },
        { method: 'PATCH', url: owner.ws(`/reflections/${r.id}`), body: { needs: 'x' } },
        { method: 'DELETE', url: owner.ws(`/reflections/${r.id}`) },
        { method: 'GET', url: owner.ws('/learnings') },
        { method: 'GET', url: owner.ws(`/reflections/${r.id}/learnings`) },
        { method: 'POST', url: owner.ws(`/reflections/${r.id}/learnings`), body: { text: 'x' } },
        { method: 'GET', url: owner.ws(`/reflections/${r.id}/learnings/${l.id}`) },
        { method: 'PATCH', url: owner.ws(`/reflections/${r.id}/learnings/${l.id}`), body: { text: 'x' } },
        { method: 'DELETE', url: owner.ws(`/reflections/${r.id}/learnings/${l.id}`) },
        { method: 'GET', url: owner.ws('/reflection-cadences') },
        { method: 'PUT', url: owner.ws(`/reflection-cadences/${team.id}`), body: { cadenceDays: 14 } },
      ],
      marker,
    );
    expect((await owner.get(owner.ws(`/reflections/${r.id}`))).json().learnings[0].text).toBe(marker);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, cookieFrom, createTestApp, type TestApp, uniq } from '../test/harness';
import { type DemoSeeded, seedDemo } from './demo.seed';

let t: TestApp;
let demo: DemoSeeded;
let maya: Client;
const ws = (path: string) => `/api/v1/workspaces/${demo.workspaceId}${path}`;

beforeAll(async () => {
  t = await createTestApp();
  demo = await seedDemo(t.database.db, { tag: uniq('demo') });
  const login = await t.anonymous.post('/api/v1/auth/login', { email: demo.email, password: demo.password });
  maya = new Client(t.app, { cookie: cookieFrom(login) });
});
afterAll(() => t.close());

describe('demo community', () => {
  it('has a purpose, events past and upcoming, and a knowledge library', async () => {
    expect((await maya.get(ws('/purpose'))).json().statement).toMatch(/serve people better/);
    const upcoming = (await maya.get(ws('/events'))).json().items;
    expect(upcoming.length).toBeGreaterThanOrEqual(3);
    expect(upcoming.some((e: { rsvps: { yes: number } }) => e.rsvps.yes > 0)).toBe(true);
    const past = (await maya.get(ws('/events?when=past'))).json().items;
    expect(past.length).toBeGreaterThanOrEqual(2);
    expect(past.every((e: { notes: string | null }) => e.notes)).toBe(true);
    const library = (await maya.get(ws('/knowledge?limit=50'))).json().items;
    expect(library.length).toBeGreaterThanOrEqual(8);
    expect(new Set(library.map((k: { visibility: string }) => k.visibility))).toEqual(
      new Set(['internal', 'shared']),
    );
  });

  it('put past events on the timelines of the clients who came', async () => {
    const kestrel = (await maya.get(ws('/relationships?q=Kestrel'))).json().items[0];
    const timeline = (
      await maya.get(ws(`/relationships/${kestrel.id}/touchpoints?kind=event&limit=50`))
    ).json().items;
    expect(timeline.map((x: { summary: string }) => x.summary)).toContain(
      'Came to “Harvest cupping at Kestrel”: Hanna Kestrel, Jun Park',
    );
  });

  it('is searchable from the start: clients, relationships, knowledge and events', async () => {
    const search = async (q: string) => (await maya.get(ws(`/search?q=${encodeURIComponent(q)}`))).json();
    const kinds = (r: { groups: { kind: string }[] }) => r.groups.map((g) => g.kind);
    expect(kinds(await search('fj'))).toEqual(expect.arrayContaining(['client', 'relationship', 'contact']));
    const anders = (await search('anders')).groups.find((g: { kind: string }) => g.kind === 'contact')
      .hits[0];
    expect(anders.subtitle).toBe('COO, Fjordline Logistics · anders.holm@fjordline.example');
    expect(kinds(await search('immersion'))).toContain('knowledge');
    const cupping = await search('cupping');
    expect(cupping.groups.find((g: { kind: string }) => g.kind === 'event').hits[0].title).toBe(
      'Harvest cupping at Kestrel',
    );
  });
});

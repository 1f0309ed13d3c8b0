import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, uniq } from '../../test/harness';
import { expectIsolated } from '../../test/isolation';
import { hubspotContacts } from './corpus/generate';
import { dropAbandonedUploads, runImport, UNCOMMITTED_DAYS } from './imports.run';
import { commitImport, createImport } from './imports.store';
import { imports } from './imports.table';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const corpus = (name: string) => readFileSync(join(import.meta.dirname, 'corpus', name), 'utf8');

async function upload(s: Session, entity: string, csv: string) {
  return s.request('POST', s.ws(`/imports?entity=${entity}`), csv, { 'content-type': 'text/csv' });
}

/** Uploads, commits with the suggested mapping and waits for the report, as the app does. */
async function importFile(s: Session, entity: string, csv: string) {
  const up = await upload(s, entity, csv);
  expect(up.statusCode, up.body).toBe(201);
  const { id, suggestedMapping } = up.json();
  const commit = await s.post(s.ws(`/imports/${id}/commit`), { mapping: suggestedMapping });
  expect(commit.statusCode, commit.body).toBe(202);
  for (let i = 0; i < 300; i++) {
    const state = (await s.get(s.ws(`/imports/${id}`))).json();
    if (state.status === 'done' || state.status === 'failed') return state;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

async function clientsOf(s: Session) {
  return (await s.get(s.ws('/clients?limit=200'))).json().items as Array<{
    id: string;
    name: string;
    website: string | null;
  }>;
}

describe('importing contacts', () => {
  it('suggests the mapping of a HubSpot export and shows each broken cell in the preview', async () => {
    const s = await t.signup();
    const res = await upload(s, 'contacts', corpus('hubspot-contacts.csv'));
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.total).toBe(12);
    expect(body.suggestedMapping).toMatchObject({
      firstName: 'First Name',
      lastName: 'Last Name',
      email: 'Email',
      role: 'Job Title',
      client: 'Company Name',
      domain: 'Website URL',
    });
    const problems = Object.fromEntries(
      body.preview.map((p: { row: number; problems: unknown[] }) => [p.row, p.problems]),
    );
    expect(problems[2]).toEqual([]);
    expect(problems[7]).toEqual([{ field: 'name', message: 'is missing' }]);
    expect(problems[8]).toEqual([
      { field: 'email', message: expect.stringContaining('is not an email address') },
    ]);
    // A quoted job title spanning two lines is one cell of one row.
    expect(body.preview[3].cells['Job Title']).toBe('Director of Patient Services\n(interim)');
  });

  it('imports a HubSpot export, links contacts to clients it creates, and a second run changes nothing', async () => {
    const s = await t.signup();
    const first = await importFile(s, 'contacts', corpus('hubspot-contacts.csv'));
    expect(first).toMatchObject({
      status: 'done',
      total: 12,
      processed: 12,
      created: 6,
      updated: 0,
      skipped: 1,
      rejected: 5,
    });
    expect(first.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [7, 'name'],
      [8, 'email'],
      [9, 'email'],
      [10, 'client'],
      [13, 'email'],
    ]);
    const clients = await clientsOf(s);
    expect(clients.map((c) => c.name).sort()).toEqual([
      'Brightwater Logistics',
      'Harbor Health',
      'Kumo Design',
    ]);
    const harbor = clients.find((c) => c.name === 'Harbor Health')!;
    const contacts = (await s.get(s.ws(`/clients/${harbor.id}/contacts`))).json().items;
    expect(contacts.map((c: { email: string }) => c.email).sort()).toEqual([
      'lucia.fernandez@harbor-health.example',
      'ravi.menon@harbor-health.example',
    ]);

    // Imported contacts are found by search, with their role and client, like contacts added by hand.
    const found = (await s.get(s.ws('/search?q=Menon&kind=contact'))).json();
    expect(found.groups[0].hits[0]).toMatchObject({
      title: 'Ravi Menon',
      subtitle: expect.stringContaining('Harbor Health'),
      clientId: harbor.id,
    });

    const again = await importFile(s, 'contacts', corpus('hubspot-contacts.csv'));
    expect(again).toMatchObject({ status: 'done', created: 0, updated: 0, skipped: 7, rejected: 5 });
    expect(await clientsOf(s)).toHaveLength(3);
  });

  it('links contacts to an existing client by its domain', async () => {
    const s = await t.signup();
    const existing = (
      await s.post(s.ws('/clients'), {
        name: 'Brightwater',
        kind: 'external',
        website: 'https://www.brightwater.example',
      })
    ).json();
    await importFile(s, 'contacts', corpus('hubspot-contacts.csv'));
    const contacts = (await s.get(s.ws(`/clients/${existing.id}/contacts`))).json().items;
    expect(contacts).toHaveLength(2);
    expect((await clientsOf(s)).some((c) => c.name === 'Brightwater Logistics')).toBe(false);
  });

  it('reads a Salesforce export with a byte-order mark and semicolons', async () => {
    const s = await t.signup();
    const res = (await upload(s, 'contacts', corpus('salesforce-contacts.csv'))).json();
    expect(res.columns[0]).toBe('First Name');
    expect(res.suggestedMapping).toMatchObject({ client: 'Account Name', role: 'Title', email: 'Email' });
    expect(res.preview[2].cells.Title).toBe('Responsabile IT; Sicurezza');
    const done = await importFile(s, 'contacts', corpus('salesforce-contacts.csv'));
    expect(done).toMatchObject({ created: 3, rejected: 3 });
  });

  it('reads a file Excel saved as Windows-1252', async () => {
    const s = await t.signup();
    const latin1 = Buffer.from(
      'Email;Name;Company\nlucia@harbor.example;Lucía Fernández;Harbor Health\n',
      'latin1',
    );
    const res = await s.request('POST', s.ws('/imports?entity=contacts'), latin1 as never, {
      'content-type': 'text/csv',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().preview[0].cells.Name).toBe('Lucía Fernández');
  });

  it('imports Pipedrive and Twenty exports with the suggested mapping', async () => {
    const s = await t.signup();
    expect(await importFile(s, 'contacts', corpus('pipedrive-persons.csv'))).toMatchObject({
      created: 3,
      rejected: 3,
    });
    expect(await importFile(s, 'contacts', corpus('twenty-people.csv'))).toMatchObject({
      created: 3,
      skipped: 1,
      rejected: 1,
    });
  });

  it('downloads the rejected rows with what was wrong', async () => {
    const s = await t.signup();
    const done = await importFile(s, 'contacts', corpus('hubspot-contacts.csv'));
    const res = await s.get(s.ws(`/imports/${done.id}/rejected.csv`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.body.trim().split(/\r?\n/);
    expect(lines[0]).toContain('Import problem');
    expect(lines).toHaveLength(6);
    expect(res.body).toContain('tom.okafor(at)northpeak.example');
    expect(res.body).toContain('is not an email address');
  });

  it('resumes after a crash mid-import from the last whole batch, without duplicates', async () => {
    const s = await t.signup();
    const { db } = t.deps;
    const file = hubspotContacts(10, { prefix: uniq('crash') });
    const up = await createImport(db, s.workspaceId, s.user.id, 'contacts', file.csv);
    await commitImport(db, s.workspaceId, up.id, up.suggestedMapping);
    await expect(
      runImport(db, s.workspaceId, up.id, {
        batchSize: 3,
        beforeBatchCommit: ({ from }) => {
          if (from === 6) throw new Error('power cut');
        },
      }),
    ).rejects.toThrow('power cut');
    const mid = (await s.get(s.ws(`/imports/${up.id}`))).json();
    expect(mid).toMatchObject({ status: 'running', processed: 6, created: 6 });

    await runImport(db, s.workspaceId, up.id, { batchSize: 3 });
    let state = (await s.get(s.ws(`/imports/${up.id}`))).json();
    for (let i = 0; state.status !== 'done' && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await s.get(s.ws(`/imports/${up.id}`))).json();
    }
    expect(state).toMatchObject({ status: 'done', processed: 10, created: 10, rejected: 0 });
    let contacts = 0;
    for (const c of await clientsOf(s))
      contacts += (await s.get(s.ws(`/clients/${c.id}/contacts`))).json().items.length;
    expect(contacts).toBe(10);
  });
});

describe('importing clients and relationships', () => {
  it('dedupes clients by domain or name', async () => {
    const s = await t.signup();
    const done = await importFile(s, 'clients', corpus('hubspot-companies.csv'));
    expect(done).toMatchObject({ created: 3, skipped: 1, rejected: 2 });
    const again = await importFile(s, 'clients', corpus('hubspot-companies.csv'));
    expect(again).toMatchObject({ created: 0, updated: 0, skipped: 4 });
    expect(await importFile(s, 'clients', corpus('salesforce-accounts.csv'))).toMatchObject({
      created: 3,
      rejected: 1,
    });
    expect(await importFile(s, 'clients', corpus('twenty-companies.csv'))).toMatchObject({ created: 3 });
    expect(await importFile(s, 'clients', corpus('pipedrive-organizations.csv'))).toMatchObject({
      created: 2,
      skipped: 1,
    });
  });

  it('imports relationships to teams by name and rejects unknown teams, cadences and stages', async () => {
    const s = await t.signup();
    await s.post(s.ws('/teams'), { name: 'Advisory' });
    await s.post(s.ws('/teams'), { name: 'Delivery' });
    const done = await importFile(s, 'relationships', corpus('twofold-relationships.csv'));
    expect(done).toMatchObject({ status: 'done', created: 3, rejected: 3 });
    expect(done.errors.map((e: { field: string }) => e.field)).toEqual(['team', 'cadence', 'stage']);
    const list = (await s.get(s.ws('/relationships'))).json().items;
    const brightwater = list.find(
      (r: { client: { name: string } }) => r.client.name === 'Brightwater Logistics',
    );
    expect(brightwater).toMatchObject({ cadenceDays: 30, stage: 'advisory', pyramidLevel: 'desires' });
    expect(await importFile(s, 'relationships', corpus('twofold-relationships.csv'))).toMatchObject({
      created: 0,
      skipped: 3,
    });
  });
});

describe('bad input', () => {
  it('answers 400 naming the field', async () => {
    const s = await t.signup();
    const unknown = await upload(s, 'deals', corpus('hubspot-contacts.csv'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].path).toBe('entity');
    const json = await s.post(s.ws('/imports?entity=contacts'), { rows: [] });
    expect(json.statusCode).toBe(400);
    expect(json.json().errors[0].path).toBe('body');
    const empty = await upload(s, 'contacts', 'Email\n');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('body');

    const { id, suggestedMapping } = (await upload(s, 'contacts', corpus('hubspot-contacts.csv'))).json();
    const missing = await s.post(s.ws(`/imports/${id}/commit`), {
      mapping: { ...suggestedMapping, email: 'E-mail' },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].path).toBe('mapping.email');
    const unmapped = await s.post(s.ws(`/imports/${id}/commit`), {
      mapping: { ...suggestedMapping, email: null },
    });
    expect(unmapped.json().errors[0].path).toBe('mapping.email');
    expect((await s.post(s.ws(`/imports/${id}/commit`), { mapping: suggestedMapping })).statusCode).toBe(202);
    expect((await s.post(s.ws(`/imports/${id}/commit`), { mapping: suggestedMapping })).statusCode).toBe(409);
  });

  it('refuses a file over the upload limit with 413', async () => {
    const s = await t.signup();
    const res = await upload(s, 'contacts', `Email\n${'x@y.example\n'.repeat(5_000_000)}`);
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

describe('the list and isolation', () => {
  it('lists past imports newest first, paged', async () => {
    const s = await t.signup();
    for (let i = 0; i < 3; i++) await upload(s, 'contacts', corpus('twenty-people.csv'));
    const page1 = (await s.get(s.ws('/imports?limit=2'))).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await s.get(s.ws(`/imports?limit=2&cursor=${page1.nextCursor}`))).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
  });

  it('keeps imports inside their workspace', async () => {
    const s = await t.signup();
    const marker = uniq('ZZ-import-marker');
    const up = (await upload(s, 'contacts', `Email,${marker}\na@b.example,x\n`)).json();
    await expectIsolated(
      t,
      [
        { method: 'GET', url: s.ws('/imports') },
        { method: 'POST', url: s.ws('/imports?entity=contacts'), body: {} },
        { method: 'GET', url: s.ws(`/imports/${up.id}`) },
        { method: 'POST', url: s.ws(`/imports/${up.id}/commit`), body: { mapping: {} } },
        { method: 'GET', url: s.ws(`/imports/${up.id}/rejected.csv`) },
      ],
      marker,
    );
  });
});

describe('abandoned uploads', () => {
  it('drops an upload never committed after a week, and keeps committed imports and newer uploads', async () => {
    const s = await t.signup();
    const idOf = async () =>
      (await upload(s, 'contacts', corpus('hubspot-contacts.csv'))).json().id as string;
    const abandoned = await idOf();
    const recent = await idOf();
    const committed = await idOf();
    // Two of them were uploaded eight days ago.
    const eightDaysAgo = new Date(Date.now() - (UNCOMMITTED_DAYS + 1) * 86_400_000);
    await t.database.db
      .update(imports)
      .set({ createdAt: eightDaysAgo })
      .where(inArray(imports.id, [abandoned, committed]));
    await t.database.db
      .update(imports)
      .set({ committedAt: eightDaysAgo, status: 'done' })
      .where(eq(imports.id, committed));
    expect(await dropAbandonedUploads(t.database.db, new Date())).toBe(1);
    expect((await s.get(s.ws(`/imports/${abandoned}`))).statusCode).toBe(404);
    expect((await s.get(s.ws(`/imports/${recent}`))).statusCode).toBe(200);
    expect((await s.get(s.ws(`/imports/${committed}`))).statusCode).toBe(200);
  });
});

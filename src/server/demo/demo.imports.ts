import Papa from 'papaparse';
import type { Db } from '../db/open';
import { imports } from '../features/imports/imports.table';
import { newId } from '../platform/ids';
import { clientList } from './demo.org';

const DAY = 86_400_000;

/**
 * The studio's start, as it happened: the contacts came over from HubSpot in one import a year ago, with
 * one row left behind (no email). The contacts themselves are seeded with the clients; this is its report.
 */
export async function insertPastImport(db: Db, o: { workspaceId: string; userId: string; now: Date }) {
  const fields = [
    'Record ID',
    'First Name',
    'Last Name',
    'Email',
    'Job Title',
    'Company Name',
    'Website URL',
  ];
  const rows = clientList.flatMap((c) =>
    c.contacts.map((p) => {
      const [first, ...last] = p.name.split(' ');
      return [first ?? '', last.join(' '), p.email, p.role, c.name, c.website ?? ''];
    }),
  );
  const brokenAt = 3;
  rows.splice(brokenAt, 0, ['Sam', 'Whitfield', '', 'Office manager', clientList[0]!.name, '']);
  const csv = Papa.unparse({ fields, data: rows.map((r, i) => [String(4100 + i), ...r]) });
  const at = new Date(o.now.getTime() - 362 * DAY);
  const row = brokenAt + 2;
  await db.insert(imports).values({
    workspaceId: o.workspaceId,
    id: newId(at.getTime()),
    entity: 'contacts',
    fileName: 'hubspot-contacts-export.csv',
    csv,
    columns: fields,
    mapping: {
      firstName: 'First Name',
      lastName: 'Last Name',
      email: 'Email',
      role: 'Job Title',
      client: 'Company Name',
      domain: 'Website URL',
    },
    status: 'done',
    total: rows.length,
    processed: rows.length,
    created: rows.length - 1,
    rejected: 1,
    errors: [{ row, field: 'email', message: 'is missing' }],
    rejectedRows: [row],
    createdBy: o.userId,
    committedAt: at,
    finishedAt: new Date(at.getTime() + 4_000),
    createdAt: at,
    updatedAt: at,
  });
}

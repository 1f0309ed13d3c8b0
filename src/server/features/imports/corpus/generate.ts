// Makes HubSpot-shaped contacts exports of any size, with a known number of broken rows, for the
// throughput bench, the browser journey and the tests. Deterministic: the same arguments give the same file.

const first = [
  'Maya',
  'Jonas',
  'Aiko',
  'Ravi',
  'Lucía',
  'Tom',
  'Ines',
  'Pieter',
  'Grace',
  'Olu',
  'Chen',
  'Amara',
];
const last = [
  'Lindqvist',
  'Berg',
  'Tanaka',
  'Menon',
  'Fernández',
  'Okafor',
  'Moreau',
  'de Vries',
  "O'Neill",
  'Adeyemi',
];
const titles = [
  'Head of Operations',
  'CFO',
  'Creative Director',
  'Buyer',
  'Account Director, "Strategy"',
  'COO',
];

const header = [
  'Record ID',
  'First Name',
  'Last Name',
  'Email',
  'Phone Number',
  'Job Title',
  'Company Name',
  'Website URL',
  'Contact owner',
  'Lifecycle Stage',
  'Create Date',
];

const quote = (v: string) => `"${v.replaceAll('"', '""')}"`;

/** The kinds of broken row a real export has, in turn: what the import should report for each. */
export const brokenKinds = [
  { field: 'email', make: (r: string[]) => (r[3] = r[3]!.replace('@', ' at ')) },
  { field: 'email', make: (r: string[]) => (r[3] = '') },
  {
    field: 'name',
    make: (r: string[]) => {
      r[1] = '';
      r[2] = '';
    },
  },
  {
    field: 'client',
    make: (r: string[]) => {
      r[6] = '';
      r[7] = '';
    },
  },
];

/**
 * `rows` contacts at `companies` companies (named "Company N", domain companyN.example), every email
 * distinct; `broken` of them spread evenly through the file and each broken in one of `brokenKinds`.
 */
export function hubspotContacts(
  rows: number,
  options: { broken?: number; companies?: number; prefix?: string } = {},
) {
  const broken = options.broken ?? 0;
  const companies = options.companies ?? Math.max(1, Math.ceil(rows / 20));
  const prefix = options.prefix ?? 'contact';
  const step = broken > 0 ? Math.floor(rows / broken) : 0;
  const lines = [header.map(quote).join(',')];
  const brokenRows: number[] = [];
  for (let i = 0; i < rows; i++) {
    const c = (i % companies) + 1;
    const r = [
      String(1000 + i),
      first[i % first.length]!,
      last[(i * 7) % last.length]!,
      `${prefix}.${i}@company${c}.example`,
      i % 3 === 0 ? `+1 555 01${String(i % 100).padStart(2, '0')}` : '',
      titles[i % titles.length]!,
      `Company ${c}`,
      `company${c}.example`,
      'Sam Owner',
      i % 2 ? 'Customer' : 'Lead',
      '2025-03-04 09:12',
    ];
    // The first broken row comes early, so a preview of the first rows shows one.
    if (step && i % step === Math.min(4, step - 1) && brokenRows.length < broken) {
      brokenKinds[brokenRows.length % brokenKinds.length]!.make(r);
      brokenRows.push(i + 2);
    }
    lines.push(r.map(quote).join(','));
  }
  return { csv: `${lines.join('\r\n')}\r\n`, brokenRows };
}

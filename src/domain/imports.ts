// CSV import rules: which of our fields a CRM export's column fills, and what is wrong with a row.
// Pure functions of plain data, shared by the server (which applies them to every row) and the web
// (which re-checks the preview as the user changes the mapping).

export const importEntities = ['clients', 'contacts', 'relationships'] as const;
export type ImportEntity = (typeof importEntities)[number];

/** Our field → the CSV column that fills it (absent or null: not imported). */
export type ImportMapping = Record<string, string | null | undefined>;
export type CellProblem = { field: string; message: string };

type FieldSpec = {
  field: string;
  label: string;
  /** Column headers as CRMs write them (HubSpot, Salesforce, Pipedrive, Twenty), compared loosely. */
  known: string[];
};

const clientName = [
  'Company Name',
  'Company name',
  'Associated Company',
  'Account Name',
  'Account.Name',
  'Organization',
  'Organization - Name',
  'Person - Organization',
  'Company / Name',
  'Company',
  'Client',
  'Client name',
];
const clientDomain = [
  'Company Domain Name',
  'Website URL',
  'Website',
  'Domain',
  'Organization - Website',
  'Domain Name / Primary Link Url',
  'Company / Domain Name / Primary Link Url',
  'Company domain',
];

export const importFields: Record<ImportEntity, FieldSpec[]> = {
  contacts: [
    { field: 'firstName', label: 'First name', known: ['First Name', 'FirstName', 'Name / First Name'] },
    { field: 'lastName', label: 'Last name', known: ['Last Name', 'LastName', 'Name / Last Name'] },
    { field: 'name', label: 'Full name', known: ['Full Name', 'Name', 'Person - Name', 'Contact Name'] },
    {
      field: 'email',
      label: 'Email',
      known: ['Email', 'Email Address', 'Person - Email', 'Person - Email - Work', 'Emails / Primary Email'],
    },
    { field: 'role', label: 'Role', known: ['Job Title', 'Title', 'Person - Job title', 'Role', 'Position'] },
    { field: 'client', label: 'Client name', known: clientName },
    { field: 'domain', label: 'Client domain', known: clientDomain },
  ],
  clients: [
    {
      field: 'name',
      label: 'Name',
      known: ['Company name', 'Account Name', 'Name', 'Organization - Name', 'Company', 'Client'],
    },
    { field: 'domain', label: 'Domain', known: clientDomain },
    {
      field: 'industry',
      label: 'Industry',
      known: ['Industry', 'Organization - Industry', 'Account.Industry', 'Sector'],
    },
    { field: 'kind', label: 'Kind (external/internal)', known: ['Kind', 'Client kind'] },
  ],
  relationships: [
    { field: 'client', label: 'Client name', known: [...clientName, 'Deal - Organization'] },
    { field: 'domain', label: 'Client domain', known: clientDomain },
    { field: 'team', label: 'Team', known: ['Team', 'Team name', 'Pipeline', 'Deal - Pipeline'] },
    { field: 'cadence', label: 'Cadence', known: ['Cadence', 'Cadence (days)', 'Check-in cadence'] },
    { field: 'stage', label: 'Stage', known: ['Stage', 'Relationship stage', 'Deal Stage'] },
    { field: 'pyramidLevel', label: 'Pyramid level', known: ['Pyramid level', 'Pyramid'] },
    { field: 'ambition', label: 'Ambition', known: ['Ambition', 'Description', 'Notes', 'Goal'] },
  ],
};

const loose = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

/** For each of our fields, the first column whose header a known CRM uses for it. */
export function suggestMapping(entity: ImportEntity, columns: string[]): Record<string, string | null> {
  const byLoose = new Map<string, string>();
  for (const c of columns) if (!byLoose.has(loose(c))) byLoose.set(loose(c), c);
  const taken = new Set<string>();
  const out: Record<string, string | null> = {};
  for (const spec of importFields[entity]) {
    const hit = [spec.field, ...spec.known].map((k) => byLoose.get(loose(k))).find((c) => c && !taken.has(c));
    out[spec.field] = hit ?? null;
    if (hit) taken.add(hit);
  }
  return out;
}

/** What a mapping must name before an import can run, as field → message. */
export function mappingProblems(entity: ImportEntity, mapping: ImportMapping): CellProblem[] {
  const has = (f: string) => Boolean(mapping[f]);
  const out: CellProblem[] = [];
  if (entity === 'contacts') {
    if (!has('email')) out.push({ field: 'email', message: 'is needed: contacts are matched by email' });
    if (!has('name') && !has('firstName') && !has('lastName'))
      out.push({ field: 'name', message: 'is needed: map a full name or first and last name' });
    if (!has('client') && !has('domain'))
      out.push({ field: 'client', message: "is needed: map the client's name or domain" });
  }
  if (entity === 'clients' && !has('name')) out.push({ field: 'name', message: 'is needed' });
  if (entity === 'relationships') {
    if (!has('client') && !has('domain'))
      out.push({ field: 'client', message: "is needed: map the client's name or domain" });
    if (!has('team')) out.push({ field: 'team', message: 'is needed: relationships belong to a team' });
  }
  return out;
}

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const stages = ['transactional', 'advisory', 'partnership', 'co_creation'];
const pyramidLevels = ['expectations', 'desires', 'unrecognized_needs'];
const namedCadences: Record<string, number> = {
  weekly: 7,
  fortnightly: 14,
  biweekly: 14,
  monthly: 30,
  bimonthly: 60,
  quarterly: 90,
  halfyearly: 182,
  yearly: 365,
  annually: 365,
};

/** "acme.com" from "https://www.acme.com/about", "ACME.com" or "acme.com"; null when it is no domain. */
export function domainOf(value: string | null | undefined): string | null {
  const v = (value ?? '').trim().toLowerCase();
  if (!v) return null;
  const host = v
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/?#:]/)[0];
  return host && /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+$/u.test(host) ? host : null;
}

/** Days between check-ins from "30", "30 days", "monthly", "quarterly"…; null when unreadable. */
export function cadenceOf(value: string): number | null {
  const v = value.trim().toLowerCase();
  const named = namedCadences[v.replace(/[^a-z]/g, '')];
  if (named) return named;
  const m = /^(\d{1,3})\s*(d|days?)?$/.exec(v);
  const n = m ? Number(m[1]) : Number.NaN;
  return Number.isInteger(n) && n >= 1 && n <= 365 ? n : null;
}

const slug = (v: string) =>
  v
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export type ContactRow = {
  name: string;
  email: string;
  role: string | null;
  client: string;
  domain: string | null;
};
export type ClientRow = {
  name: string;
  domain: string | null;
  industry: string | null;
  kind: 'external' | 'internal';
};
export type RelationshipRow = {
  client: string;
  domain: string | null;
  team: string;
  cadenceDays: number;
  stage: string | null;
  pyramidLevel: string | null;
  ambition: string | null;
};
export type ImportRow = ContactRow | ClientRow | RelationshipRow;

const MAX_TEXT = 200;

/** One CSV row read through the mapping: the values we would store, or the problems that reject it. */
export function readRow(
  entity: ImportEntity,
  mapping: ImportMapping,
  cells: Record<string, string | undefined>,
): { value: ImportRow | null; problems: CellProblem[] } {
  const get = (f: string) => {
    const col = mapping[f];
    return col ? (cells[col] ?? '').trim() : '';
  };
  const problems: CellProblem[] = [];
  const text = (f: string, v: string) => {
    if (v.length > MAX_TEXT) problems.push({ field: f, message: `must be at most ${MAX_TEXT} characters` });
    return v;
  };
  const client = text('client', get('client'));
  const rawDomain = get('domain');
  const domain = domainOf(rawDomain);
  if (rawDomain && !domain) problems.push({ field: 'domain', message: `"${rawDomain}" is not a web domain` });

  if (entity === 'contacts') {
    const name = text('name', get('name') || [get('firstName'), get('lastName')].filter(Boolean).join(' '));
    const email = get('email').toLowerCase();
    if (!name) problems.push({ field: 'name', message: 'is missing' });
    if (!email) problems.push({ field: 'email', message: 'is missing' });
    else if (!emailPattern.test(email) || email.length > 254)
      problems.push({ field: 'email', message: `"${email}" is not an email address` });
    if (!client && !domain)
      problems.push({ field: 'client', message: "is missing: give the client's name or domain" });
    const value: ContactRow = {
      name,
      email,
      role: text('role', get('role')) || null,
      client: client || domain || '',
      domain,
    };
    return { value: problems.length ? null : value, problems };
  }
  if (entity === 'clients') {
    const name = text('name', get('name')) || domain || '';
    if (!name) problems.push({ field: 'name', message: 'is missing' });
    const kindCell = get('kind').toLowerCase();
    if (kindCell && kindCell !== 'external' && kindCell !== 'internal')
      problems.push({ field: 'kind', message: 'must be external or internal' });
    const value: ClientRow = {
      name,
      domain,
      industry: text('industry', get('industry')) || null,
      kind: kindCell === 'internal' ? 'internal' : 'external',
    };
    return { value: problems.length ? null : value, problems };
  }
  const team = text('team', get('team'));
  if (!client && !domain)
    problems.push({ field: 'client', message: "is missing: give the client's name or domain" });
  if (!team) problems.push({ field: 'team', message: 'is missing' });
  const cadenceCell = get('cadence');
  const cadenceDays = cadenceCell ? cadenceOf(cadenceCell) : 30;
  if (cadenceDays === null)
    problems.push({
      field: 'cadence',
      message: `"${cadenceCell}" is not a cadence: use days (1–365) or monthly, quarterly…`,
    });
  const stage = get('stage') ? slug(get('stage')) : null;
  if (stage && !stages.includes(stage))
    problems.push({ field: 'stage', message: `must be one of ${stages.join(', ')}` });
  const pyramidLevel = get('pyramidLevel') ? slug(get('pyramidLevel')) : null;
  if (pyramidLevel && !pyramidLevels.includes(pyramidLevel))
    problems.push({ field: 'pyramidLevel', message: `must be one of ${pyramidLevels.join(', ')}` });
  const ambition = get('ambition');
  if (ambition.length > 2000)
    problems.push({ field: 'ambition', message: 'must be at most 2,000 characters' });
  const value: RelationshipRow = {
    client: client || domain || '',
    domain,
    team,
    cadenceDays: cadenceDays ?? 30,
    stage,
    pyramidLevel,
    ambition: ambition || null,
  };
  return { value: problems.length ? null : value, problems };
}

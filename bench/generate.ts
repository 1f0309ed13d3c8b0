// The bench's synthetic workspaces, made deterministically and in bulk.
// The plan (how many workspaces, how big each is) comes from a seeded PRNG in JS; every row is made by
// INSERT … SELECT over generate_series, its values drawn from hashint8extended(row number, seed), so the
// database does the work in a handful of statements and the same seed always gives the same rows.

import type { Db } from '../src/server/db/open';
import { mulberry32 } from '../src/server/demo/prng';
import { hashPassword } from '../src/server/platform/auth/secrets';
import { activityStatements } from './generate-activity';
import { computeRollups } from './rollups';
import type { SqlClient } from './sql';

/** Bump when the rows change: cached databases are keyed by it. */
export const GENERATOR_VERSION = 3;
/** Workspace 0, the tenant the bench measures (the big one at L). */
export const MEASURED_WORKSPACE = 'Bench workspace 0';
export const BENCH_EMAIL = 'bench@bench.example';
export const BENCH_PASSWORD = 'bench-password-1';

export type ScaleName = 'S' | 'L';
export type Scale = {
  name: ScaleName;
  workspaces: number;
  relationships: number;
  touchpoints: number;
  /** Share of the relationships held by workspace 0, the tenant the bench measures. */
  bigShare: number;
};

export const scales: Record<ScaleName, Scale> = {
  S: { name: 'S', workspaces: 1, relationships: 1_000, touchpoints: 100_000, bigShare: 1 },
  L: { name: 'L', workspaces: 100, relationships: 10_000, touchpoints: 1_000_000, bigShare: 0.35 },
};

export type PlanRow = {
  wsNo: number;
  rels: number;
  teams: number;
  members: number;
  clients: number;
  touchpoints: number;
};

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** Workspace 0 holds `bigShare`; the rest get Pareto-like weights, so sizes are uneven like real tenants. */
export function plan(scale: Scale, seed: number): PlanRow[] {
  const rng = mulberry32(seed);
  const big = Math.round(scale.relationships * scale.bigShare);
  const others = scale.workspaces - 1;
  const weights = Array.from({ length: others }, () => 1 / (0.05 + rng.next()) ** 1.2);
  const total = weights.reduce((a, b) => a + b, 0);
  const rest = scale.relationships - big;
  const rels = [big, ...weights.map((w) => Math.max(3, Math.floor((rest * w) / total)))];
  // Rounding leaves a few over or under: settle them on the second-largest tenant.
  const drift = scale.relationships - rels.reduce((a, b) => a + b, 0);
  if (others > 0) {
    const i = rels.indexOf(Math.max(...rels.slice(1)));
    rels[i] = rels[i]! + drift;
  }
  let tpLeft = scale.touchpoints;
  return rels.map((r, wsNo) => {
    const tps = wsNo === rels.length - 1 ? tpLeft : Math.round((scale.touchpoints * r) / scale.relationships);
    tpLeft -= tps;
    return {
      wsNo,
      rels: r,
      teams: clamp(Math.ceil(r / 100), 2, 12),
      members: clamp(Math.ceil(r / 40), 2, 40),
      clients: Math.max(1, Math.ceil(r * 0.4)),
      touchpoints: tps,
    };
  });
}

/** 32 hex digits as a version-4 UUID: the API's id schema checks the version and variant bits. */
const asUuid = (hex: string) => `overlay(overlay(${hex} placing '4' from 13) placing '8' from 17)::uuid`;

const BASE = `timestamptz '2026-11-01 09:00:00+00'`;
const arr = (items: string[]) => `ARRAY[${items.map((s) => `'${s}'`).join(',')}]`;
const FIRST = arr([
  'Ana',
  'Ben',
  'Chloé',
  'Dev',
  'Elif',
  'Femi',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kai',
  'Lena',
]);
const LAST = arr(['Okafor', 'Novak', 'Silva', 'Berg', 'Tanaka', 'Moreau', 'Kowalski', 'Haddad', 'Jansen']);
const TEAMS = arr([
  'Strategy',
  'Design',
  'Engineering',
  'Data',
  'People',
  'Finance',
  'Research',
  'Delivery',
  'Brand',
  'Legal',
  'Platform',
  'Leadership',
]);
const SERVICES = arr([
  'Discovery',
  'Roadmapping',
  'Audit',
  'Coaching',
  'Build',
  'Support',
  'Training',
  'Review',
]);
const CLIENT_A = arr([
  'North',
  'Blue',
  'Iron',
  'Green',
  'Silver',
  'Bright',
  'Harbour',
  'Oak',
  'Summit',
  'River',
]);
const CLIENT_B = arr([
  'Logistics',
  'Health',
  'Foods',
  'Energy',
  'Bank',
  'Retail',
  'Labs',
  'Mobility',
  'Works',
]);
const INDUSTRY = arr(['Logistics', 'Healthcare', 'Food', 'Energy', 'Finance', 'Retail', 'Public sector']);
const STAGES = arr(['transactional', 'advisory', 'partnership', 'co_creation']);
const LEVELS = arr(['expectations', 'desires', 'unrecognized_needs']);
const KINDS = arr(['meeting', 'call', 'email', 'delivery', 'immersion', 'event', 'note']);
const SUMMARIES = arr([
  'Weekly sync on the delivery plan',
  'They asked about next quarter capacity',
  'Shared the draft and collected feedback',
  'Spent the morning with their operations team',
  'Quick call about the invoice and scope',
  'Workshop on priorities for the new year',
  'Sent the monthly report with highlights',
  'Their lead introduced us to a new department',
]);

/** The statements that fill the tables, in foreign-key order; `p` is the plan row, `$1` the password hash. */
function statements(seed: number): Array<[table: string, sql: string]> {
  const uid = (kind: string, n: string) => asUuid(`md5('${seed}:${kind}:' || p.ws_no || ':' || (${n}))`);
  // A uniform draw in [0, 2^31) for row `n` of this workspace; `salt` separates independent draws.
  const rnd = (n: string, salt: number) =>
    `(hashint8extended((p.ws_no::bigint * 100000000 + (${n}))::bigint, ${seed * 1000 + salt}) & 2147483647)::int`;
  const pick = (array: string, n: string, salt: number) =>
    `(${array})[1 + ${rnd(n, salt)} % array_length(${array}, 1)]`;
  const stageOf = (k: string) =>
    `(CASE WHEN ${rnd(k, 4)} % 100 < 40 THEN 'transactional' WHEN ${rnd(k, 4)} % 100 < 70 THEN 'advisory' WHEN ${rnd(k, 4)} % 100 < 90 THEN 'partnership' ELSE 'co_creation' END)`;
  const status = (k: string) =>
    `(CASE WHEN ${rnd(k, 6)} % 100 < 85 THEN 'active' WHEN ${rnd(k, 6)} % 100 < 95 THEN 'paused' ELSE 'ended' END)`;
  return [
    [
      'workspaces',
      `INSERT INTO workspaces (id, name, created_at)
       SELECT p.ws_id, 'Bench workspace ' || p.ws_no, ${BASE} - interval '900 days' FROM bench_plan p`,
    ],
    [
      'users',
      `INSERT INTO users (id, email, name, password_hash, created_at)
       SELECT ${uid('user', 'm')},
              CASE WHEN p.ws_no = 0 AND m = 0 THEN '${BENCH_EMAIL}' ELSE 'member' || m || '.w' || p.ws_no || '@bench.example' END,
              ${pick(FIRST, 'm', 1)} || ' ' || ${pick(LAST, 'm', 2)}, $1, ${BASE} - interval '900 days'
       FROM bench_plan p, generate_series(0, p.members - 1) m`,
    ],
    [
      'memberships',
      `INSERT INTO memberships (workspace_id, user_id, role, created_at)
       SELECT p.ws_id, ${uid('user', 'm')}, CASE WHEN m = 0 THEN 'owner' WHEN m < 3 THEN 'admin' ELSE 'member' END,
              ${BASE} - interval '900 days'
       FROM bench_plan p, generate_series(0, p.members - 1) m`,
    ],
    [
      'teams',
      `INSERT INTO teams (workspace_id, id, name, created_at, updated_at)
       SELECT p.ws_id, ${uid('team', 't')}, (${TEAMS})[1 + t], ${BASE} - interval '800 days', ${BASE} - interval '800 days'
       FROM bench_plan p, generate_series(0, p.teams - 1) t`,
    ],
    [
      'services',
      `INSERT INTO services (workspace_id, id, team_id, name, kind, created_at, updated_at)
       SELECT p.ws_id, ${uid('service', 's')}, ${uid('team', 's / 3')},
              (${SERVICES})[1 + s % 8] || ' ' || (${TEAMS})[1 + s / 3],
              CASE WHEN s % 3 = 2 THEN 'internal' ELSE 'external' END,
              ${BASE} - interval '800 days', ${BASE} - interval '800 days'
       FROM bench_plan p, generate_series(0, p.teams * 3 - 1) s`,
    ],
    [
      'clients',
      `INSERT INTO clients (workspace_id, id, name, kind, industry, website, created_at, updated_at)
       SELECT p.ws_id, ${uid('client', 'c')},
              ${pick(CLIENT_A, 'c', 30)} || ' ' || ${pick(CLIENT_B, 'c', 31)} || ' ' || c,
              CASE WHEN ${rnd('c', 32)} % 10 = 0 THEN 'internal' ELSE 'external' END,
              ${pick(INDUSTRY, 'c', 33)},
              CASE WHEN ${rnd('c', 34)} % 2 = 0 THEN 'https://client' || c || '.example' END,
              ${BASE} - make_interval(days => 100 + ${rnd('c', 35)} % 700), ${BASE} - make_interval(days => ${rnd('c', 36)} % 100)
       FROM bench_plan p, generate_series(0, p.clients - 1) c`,
    ],
    [
      'contacts',
      `INSERT INTO contacts (workspace_id, id, client_id, name, email, role, portal_access, created_at, updated_at)
       SELECT p.ws_id, ${uid('contact', 'n')}, ${uid('client', 'n / 3')},
              ${pick(FIRST, 'n', 40)} || ' ' || ${pick(LAST, 'n', 41)},
              'contact' || n || '@w' || p.ws_no || '.bench.example',
              CASE n % 3 WHEN 0 THEN 'Director' WHEN 1 THEN 'Manager' END, false,
              ${BASE} - interval '300 days', ${BASE} - interval '300 days'
       FROM bench_plan p, generate_series(0, p.clients * 3 - 1) n`,
    ],
    [
      'relationships',
      `INSERT INTO relationships (workspace_id, id, client_id, team_id, owner_id, cadence_days, ambition, stage,
                                  pyramid_level, status, last_check_in_at, next_check_in_due, health_score,
                                  created_at, updated_at)
       SELECT p.ws_id, ${uid('rel', 'k')}, ${uid('client', `${rnd('k', 2)} % p.clients`)},
              ${uid('team', `${rnd('k', 1)} % p.teams`)},
              CASE WHEN ${rnd('k', 3)} % 20 = 0 THEN NULL ELSE ${uid('user', `${rnd('k', 3)} % p.members`)} END,
              (ARRAY[14, 30, 30, 45, 60, 90])[1 + ${rnd('k', 7)} % 6],
              CASE WHEN ${rnd('k', 8)} % 3 = 0 THEN 'Grow from delivery to a shared roadmap by next year' END,
              ${stageOf('k')},
              CASE WHEN ${rnd('k', 5)} % 100 < 55 THEN 'expectations' WHEN ${rnd('k', 5)} % 100 < 85 THEN 'desires' ELSE 'unrecognized_needs' END,
              ${status('k')},
              ${BASE} - make_interval(days => ${rnd('k', 9)} % 90),
              CASE WHEN ${status('k')} = 'active' THEN (${BASE} + make_interval(days => ${rnd('k', 10)} % 120 - 30))::date END,
              CASE WHEN ${rnd('k', 11)} % 10 = 0 THEN NULL ELSE 20 + ${rnd('k', 11)} % 80 END,
              ${BASE} - make_interval(days => 200 + ${rnd('k', 12)} % 600),
              ${BASE} - make_interval(days => ${rnd('k', 13)} % 200)
       FROM bench_plan p, generate_series(0, p.rels - 1) k`,
    ],
    [
      'relationship_services',
      // About half of the team's services on each relationship.
      `INSERT INTO relationship_services (workspace_id, relationship_id, service_id)
       SELECT r.workspace_id, r.id, s.id
       FROM relationships r
       JOIN services s ON s.workspace_id = r.workspace_id AND s.team_id = r.team_id
       WHERE ascii(md5(r.id::text || s.id::text)) % 2 = 0`,
    ],
    [
      'assessments',
      // One to three entries, climbing one step at a time to the relationship's current stage; the first at
      // the start, the last within the 150 days before the data's now (so the portfolio has movements).
      `INSERT INTO assessments (workspace_id, id, relationship_id, stage, pyramid_level, note, assessed_by, assessed_at)
       SELECT r.workspace_id, ${asUuid(`md5(r.id::text || ':assessment:' || j)`)}, r.id,
              (${STAGES})[greatest(1, array_position(${STAGES}, r.stage) - (n - j))],
              CASE WHEN j = n THEN r.pyramid_level ELSE (${LEVELS})[1] END,
              CASE WHEN j = 0 THEN 'Where we started' ELSE 'Reassessed after the quarterly check-in' END,
              r.owner_id, r.created_at + (c.last - r.created_at) * j / greatest(c.n, 1)
       FROM relationships r,
            LATERAL (SELECT ascii(r.id::text) % 3 AS n,
                            ${BASE} - make_interval(days => ('x' || substr(md5(r.id::text), 1, 6))::bit(24)::int % 150) AS last) c,
            generate_series(0, c.n) j`,
    ],
    [
      'touchpoints',
      `INSERT INTO touchpoints (workspace_id, id, relationship_id, kind, initiated_by, occurred_at, summary,
                                discoveries, visibility, created_by, created_at, updated_at)
       SELECT p.ws_id, ${uid('touchpoint', 'i')}, ${uid('rel', `${rnd('i', 20)} % p.rels`)},
              t.kind, CASE WHEN ${rnd('i', 22)} % 100 < 60 THEN 'provider' ELSE 'client' END,
              t.at, ${pick(SUMMARIES, 'i', 23)},
              CASE WHEN t.kind = 'immersion' THEN 'Their planners re-key every order by hand' END,
              CASE WHEN ${rnd('i', 24)} % 10 < 4 THEN 'shared' ELSE 'internal' END,
              ${uid('user', `${rnd('i', 25)} % p.members`)}, t.at, t.at
       FROM bench_plan p, generate_series(0, p.touchpoints - 1) i,
            LATERAL (SELECT ${pick(KINDS, 'i', 21)} AS kind,
                            ${BASE} - make_interval(mins => ${rnd('i', 26)} % (730 * 24 * 60)) AS at) t`,
    ],
    ...activityStatements(seed, BASE, asUuid),
  ];
}

/**
 * Drops a table's indexes and unique constraints and returns the SQL that recreates them exactly as the
 * catalog had them: one sorted build after the load is several times faster than a million random inserts.
 */
async function dropIndexes(db: SqlClient, table: string): Promise<string> {
  const constraints = await db.query<{ name: string; def: string }>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
     WHERE conrelid = $1::regclass AND contype IN ('p', 'u')`,
    [table],
  );
  const indexes = await db.query<{ name: string; def: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS def
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)`,
    [table],
  );
  const q = (name: string) => `"${name.replaceAll('"', '""')}"`;
  await db.exec(
    [
      ...constraints.map((c) => `ALTER TABLE ${table} DROP CONSTRAINT ${q(c.name)};`),
      ...indexes.map((i) => `DROP INDEX ${q(i.name)};`),
    ].join('\n'),
  );
  return [
    ...constraints.map((c) => `ALTER TABLE ${table} ADD CONSTRAINT ${q(c.name)} ${c.def};`),
    ...indexes.map((i) => `${i.def};`),
  ].join('\n');
}

export type Generated = {
  seed: number;
  /** The UTC day the health rollups were computed for (the app's clock at generation). */
  healthDay: string;
  counts: Record<string, number>;
  /** Milliseconds per table, and in all (including VACUUM ANALYZE). */
  timings: Record<string, number>;
  generationMs: number;
};

/** Fills an empty, migrated database. Foreign-key triggers are off while loading: the rows are consistent by construction. */
export async function generate(db: SqlClient, app: Db, scale: Scale, seed: number, log: (m: string) => void) {
  const started = performance.now();
  const rows = plan(scale, seed);
  const hash = await hashPassword(BENCH_PASSWORD);
  const values = rows
    .map((r) => `(${r.wsNo}, ${r.rels}, ${r.teams}, ${r.members}, ${r.clients}, ${r.touchpoints})`)
    .join(',\n');
  await db.exec(`DROP TABLE IF EXISTS bench_plan;
    CREATE TEMP TABLE bench_plan AS
    SELECT v.*, ${asUuid(`md5('${seed}:workspace:' || v.ws_no)`)} AS ws_id
    FROM (VALUES ${values}) AS v(ws_no, rels, teams, members, clients, touchpoints);`);
  await db.exec(`SET session_replication_role = replica`);
  const timings: Record<string, number> = {};
  try {
    for (const [table, text] of statements(seed)) {
      const t0 = performance.now();
      const rebuild = table === 'touchpoints' ? await dropIndexes(db, table) : undefined;
      await db.query(text, text.includes('$1') ? [hash] : []);
      if (rebuild) await db.exec(rebuild);
      timings[table] = Math.round(performance.now() - t0);
      log(`  ${table}: ${timings[table]} ms`);
    }
  } finally {
    await db.exec(`SET session_replication_role = DEFAULT; DROP TABLE IF EXISTS bench_plan;`);
  }
  // The app's rollups read the loaded rows through the planner: give it statistics first.
  await db.exec('ANALYZE');
  const now = new Date();
  Object.assign(timings, await computeRollups(app, db, now, log));
  const t0 = performance.now();
  // A long-lived database has been vacuumed and analysed; plans and index-only scans depend on it.
  await db.exec('VACUUM ANALYZE');
  timings.vacuumAnalyze = Math.round(performance.now() - t0);
  log(`  vacuum analyze: ${timings.vacuumAnalyze} ms`);
  const counts: Record<string, number> = {};
  for (const table of [
    ...statements(seed).map(([t]) => t),
    'relationship_health',
    'health_snapshots',
    'search_documents',
  ]) {
    const [c] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = c?.n ?? 0;
  }
  const generationMs = Math.round(performance.now() - started);
  const healthDay = now.toISOString().slice(0, 10);
  return { seed, healthDay, counts, timings, generationMs } satisfies Generated;
}

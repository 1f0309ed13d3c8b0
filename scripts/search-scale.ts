// How fast search answers at 100k records: `npx tsx scripts/search-scale.ts [records] [--pg]`.
// Fills one workspace with N search documents (a realistic mix of kinds, Zipf-distributed words) plus the
// same again spread over 20 other workspaces, then times searchWorkspace — the function the route calls —
// for short prefixes, whole words and rare words. With --pg it uses DATABASE_URL (a scratch database!).
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { openDatabase } from '../src/server/db/open';
import { mulberry32 } from '../src/server/demo/prng';
import { searchWorkspace } from '../src/server/features/search/search.store';
import { type SearchKind, searchDocuments } from '../src/server/features/search/search.table';
import { workspaces } from '../src/server/platform/auth/auth.table';
import { newId } from '../src/server/platform/ids';

const records = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100_000);
const usePg = process.argv.includes('--pg');
const rng = mulberry32(42);

const syllables = [
  'ka',
  'lo',
  'mi',
  'ra',
  'fen',
  'dor',
  'sa',
  'vik',
  'tu',
  'ne',
  'bri',
  'ost',
  'hal',
  'jo',
  'pe',
  'gun',
];
const vocab = Array.from({ length: 5000 }, () => {
  const n = 2 + Math.floor(rng.next() * 3);
  return Array.from({ length: n }, () => syllables[Math.floor(rng.next() * syllables.length)]).join('');
});
// Zipf-like: a few words are everywhere, most are rare.
const word = () => vocab[Math.floor(vocab.length * rng.next() ** 3)]!;
const words = (n: number) => Array.from({ length: n }, word).join(' ');
/** A plausible workspace: many contacts and topics, some clients and relationships, few long articles. */
const mix: Array<{ kind: SearchKind; share: number; bodyWords: number }> = [
  { kind: 'contact', share: 0.3, bodyWords: 0 },
  { kind: 'topic', share: 0.25, bodyWords: 40 },
  { kind: 'client', share: 0.12, bodyWords: 3 },
  { kind: 'learning', share: 0.12, bodyWords: 30 },
  { kind: 'relationship', share: 0.12, bodyWords: 25 },
  { kind: 'event', share: 0.05, bodyWords: 40 },
  { kind: 'knowledge', share: 0.04, bodyWords: 400 },
];
function pick(): (typeof mix)[number] {
  let r = rng.next();
  for (const m of mix) {
    r -= m.share;
    if (r <= 0) return m;
  }
  return mix[0]!;
}

const dir = process.argv.find((a) => a.startsWith('--dir='))?.slice(6);
const database = usePg
  ? await openDatabase({ kind: 'postgres', url: process.env.DATABASE_URL! })
  : await openDatabase({ kind: 'pglite', ...(dir ? { pglite: await PGlite.create(dir) } : {}) });
await database.migrate();
const db = database.db;

async function fill(workspaceId: string, n: number) {
  for (let i = 0; i < n; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, n - i) }, (_, j) => {
      const { kind, bodyWords } = pick();
      return {
        workspaceId,
        entityType: kind,
        entityId: newId(),
        title: words(2 + Math.floor(rng.next() * 3)),
        subtitle: words(2),
        body: words(bodyWords),
        visibility: (i + j) % 3 === 0 ? ('shared' as const) : ('internal' as const),
      };
    });
    await db.insert(searchDocuments).values(rows);
  }
}

const t0 = performance.now();
const [existing] = await db.select().from(workspaces).where(eq(workspaces.name, 'Search scale 0'));
const measured = existing?.id ?? newId();
if (!existing) {
  await db.insert(workspaces).values({ id: measured, name: 'Search scale 0' });
  await fill(measured, records);
  for (let w = 1; w <= 20; w++) {
    const id = newId();
    await db.insert(workspaces).values({ id, name: `Search scale ${w}` });
    await fill(id, Math.floor(records / 20));
  }
  await db.execute(sql`ANALYZE search_documents`);
  console.log(
    `filled ${records} + ${records} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

const common = vocab[0]!;
const mid = vocab[400]!;
const rare = vocab[4900]!;
const queries: Array<[string, string]> = [
  ['2-letter prefix', common.slice(0, 2)],
  ['3-letter prefix', common.slice(0, 3)],
  ['common word', common],
  ['mid word', mid],
  ['rare word', rare],
  ['two words', `${common} ${mid}`],
  ['no match', 'zzqxv'],
];

for (const [label, q] of queries) {
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < 12; i++) {
    const s = performance.now();
    const groups = await searchWorkspace(db, measured, { q, limit: 5, audience: { kind: 'member' } });
    times.push(performance.now() - s);
    hits = groups.reduce((a, g) => a + g.hits.length, 0);
  }
  times.sort((a, b) => a - b);
  const [matches] = (
    (await db.execute(
      sql`SELECT count(*)::int AS n FROM search_documents WHERE workspace_id = ${measured}::uuid AND tsv @@ to_tsquery('simple', ${`${q.split(' ').join(':* & ')}:*`})`,
    )) as unknown as { rows: Array<{ n: number }> }
  ).rows;
  console.log(
    `${label.padEnd(16)} q=${JSON.stringify(q).padEnd(24)} matches=${String(matches?.n).padStart(6)} shown=${hits}  p50=${times[6]!.toFixed(1)} ms  p90=${times[10]!.toFixed(1)} ms  max=${times[11]!.toFixed(1)} ms`,
  );
}
await database.close();

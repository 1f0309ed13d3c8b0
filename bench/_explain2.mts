import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { listRelationships } from '../src/server/features/relationships/relationships.query';
import { benchPaths } from './paths';
import { readFileSync } from 'node:fs';
const pg = await PGlite.create(process.argv[2]!);
const meta = JSON.parse(readFileSync(process.argv[3]!, 'utf8'));
const logged: {sql: string; params: unknown[]}[] = [];
const db = drizzle(pg, { logger: { logQuery: (sql, params) => logged.push({ sql, params }) } }) as any;
const ws = meta.measured.workspaceId;
const time = async (label: string, f: () => Promise<unknown>) => {
  for (let i = 0; i < 3; i++) await f();
  const n = 30; const t0 = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(label.padEnd(40), ((performance.now() - t0) / n).toFixed(2), 'ms');
};
await listRelationships(db, ws, { limit: 50, stage: 'advisory', sort: 'client' } as any);
const [main, a, b] = logged;
for (let round = 0; round < 2; round++) {
await time('app list via drizzle', () => listRelationships(db, ws, { limit: 50, stage: 'advisory', sort: 'client' } as any));
await time('app main query raw', () => pg.query(main!.sql, main!.params as any[]));
await time('app q2 raw', () => pg.query(a!.sql, a!.params as any[]));
await time('app q3 raw', () => pg.query(b!.sql, b!.params as any[]));
const floor = benchPaths[0]!.floor!(meta.measured, 0);
await time('floor list', () => pg.query(floor.text, floor.params));
await time('select 1', () => pg.query('select 1'));
await time('pk lookup', () => pg.query('select * from relationships where workspace_id=$1 and id=$2', [ws, meta.measured.readIds[0]]));
}
const floor = benchPaths[0]!.floor!(meta.measured, 0);
const r = await pg.query('EXPLAIN (ANALYZE) ' + floor.text, floor.params);
console.log(r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
await pg.close();

import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { listRelationships, getRelationship } from '/work/main/src/server/features/relationships/relationships.query';
import { listTouchpoints } from '/work/main/src/server/features/touchpoints/touchpoints.store';
import { readFileSync } from 'node:fs';
const dir = process.argv[2]!;
const meta = JSON.parse(readFileSync(process.argv[3]!, 'utf8'));
const pg = await PGlite.create(dir);
const logged: {sql: string; params: unknown[]}[] = [];
const db = drizzle(pg, { logger: { logQuery: (sql, params) => logged.push({ sql, params }) } }) as any;
const ws = meta.measured.workspaceId;
const time = async (label: string, f: () => Promise<unknown>) => {
  for (let i = 0; i < 3; i++) await f();
  const n = 20; const t0 = performance.now();
  for (let i = 0; i < n; i++) await f();
  console.log(label, ((performance.now() - t0) / n).toFixed(2), 'ms');
};
logged.length = 0;
await listRelationships(db, ws, { limit: 50, stage: 'advisory', sort: 'client' } as any);
const listSql = [...logged];
await time('app list (store only)', () => listRelationships(db, ws, { limit: 50, stage: 'advisory', sort: 'client' } as any));
await time('app detail', () => getRelationship(db, ws, meta.measured.readIds[0]));
await time('app timeline', () => listTouchpoints(db, ws, meta.measured.readIds[0], { limit: 50 } as any));
for (const q of listSql) {
  const t0 = performance.now();
  const r = await pg.query('EXPLAIN (ANALYZE, BUFFERS) ' + q.sql, q.params as any[]);
  console.log('-----', q.sql.slice(0, 300), '\n', r.rows.map((x: any) => x['QUERY PLAN']).join('\n'));
}
await pg.close();

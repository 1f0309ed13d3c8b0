// `npx tsx bench/explain.ts [S|L]`: where a path's time goes. Builds the app in-process on a copy of the
// cached dataset with a logging database, injects each path's request, and puts side by side: the whole
// request (no network), every statement it issued (auth included) timed alone, and the floor — with the
// EXPLAIN ANALYZE of each. One request at a time, so the figures are service times, not queueing.
import { join } from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import type { Db } from '../src/server/db/open';
import { startMailDelivery } from '../src/server/platform/mail';
import { copyPglite, copyPostgres, ensurePglite, ensurePostgres, type Measured } from './datasets';
import { type ScaleName, scales } from './generate';
import { benchPaths } from './paths';
import { openPgliteAsServer, openPostgres, type SqlClient } from './sql';

const scale = (process.argv[2] ?? 'S') as ScaleName;
const runs = Number(process.argv[3] ?? 30);
/** Optional: only these paths (keys, comma-separated), e.g. `npx tsx bench/explain.ts S 30 health,search`. */
const only = process.argv[4]?.split(',');
/** Writes and transaction control are counted but neither re-run nor explained. */
const notRerun = (sql: string) =>
  /^\s*(insert|update|delete|begin|commit|rollback|savepoint|release)/i.test(sql);
const databaseUrl = process.env.DATABASE_URL || undefined;
const log = (m: string) => process.stderr.write(`${m}\n`);

type Captured = { sql: string; params: unknown[] };
const captured: Captured[] = [];
const logger = { logQuery: (sql: string, params: unknown[]) => captured.push({ sql, params }) };
/**
 * Named statements (db/named-statements.ts) go to the driver, not through drizzle's logger: captured from the
 * pool (re-run here unnamed, so with a plan made for their values) or, embedded, as the EXECUTE they are.
 */
const namedFamily = /^(shape|list|portfolio)_/;
function captureNamed(pool: pg.Pool) {
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((config: unknown, ...rest: unknown[]) => {
    const c = config as { name?: string; text?: string; values?: unknown[] } | null;
    if (c && typeof c === 'object' && c.text && namedFamily.test(c.name ?? ''))
      captured.push({ sql: c.text, params: c.values ?? [] });
    return query(config, ...rest);
  }) as typeof pool.query;
}
function captureExecuted(engine: { query: (...args: never[]) => unknown }) {
  const query = engine.query.bind(engine) as (...args: unknown[]) => unknown;
  engine.query = ((text: unknown, ...rest: unknown[]) => {
    if (typeof text === 'string' && /^EXECUTE /.test(text)) captured.push({ sql: text, params: [] });
    return query(text, ...rest);
  }) as typeof engine.query;
}

async function median(f: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]! * 100) / 100;
}

async function open(): Promise<{ db: Db; raw: SqlClient; measured: Measured; done(): Promise<void> }> {
  if (databaseUrl) {
    const made = await ensurePostgres(databaseUrl, scales[scale], log);
    const copy = await copyPostgres(databaseUrl, made.database);
    const pool = new pg.Pool({ connectionString: copy.url, max: 10 });
    captureNamed(pool);
    const raw = openPostgres(copy.url, 1);
    return {
      db: drizzlePg(pool, { logger }) as unknown as Db,
      raw,
      measured: made.dataset.measured,
      async done() {
        await pool.end();
        await raw.close();
        await copy.remove();
      },
    };
  }
  const made = await ensurePglite(scales[scale], log);
  const copy = copyPglite(made.dir);
  // One engine for the app and the raw statements: PGlite is single-process.
  const raw = await openPgliteAsServer(join(copy.dataDir, 'pglite'));
  captureExecuted(raw.engine);
  return {
    db: drizzlePglite(raw.engine, { logger }) as unknown as Db,
    raw,
    measured: made.dataset.measured,
    async done() {
      await raw.close();
      copy.remove();
    },
  };
}

async function main() {
  const { db, raw, measured, done } = await open();
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: 'http://bench.local' }),
    sessionSecret: 'x'.repeat(40),
  };
  const mail = startMailDelivery(db, { smtpUrl: undefined, from: config.smtpFrom });
  const app = await buildApp({ db, config, mail, now: () => new Date() }, { serveWeb: false });
  const origin = 'http://bench.local';
  try {
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin },
      payload: { email: measured.email, password: measured.password },
    });
    const cookie = String(res.headers['set-cookie']).split(';')[0]!;
    const out: string[] = [
      `# Where the time goes — ${databaseUrl ? 'PostgreSQL' : 'PGlite'}, scale ${scale}, median of ${runs}`,
      '',
    ];
    for (const path of benchPaths.filter((p) => p.app && p.floor && (!only || only.includes(p.key)))) {
      let n = 0;
      const inject = async () => {
        const r = path.app!(measured, n++);
        const reply = await app.inject({
          method: r.method,
          url: r.path,
          headers: { cookie, origin, ...(r.body ? { 'content-type': 'application/json' } : {}) },
          ...(r.body ? { payload: r.body } : {}),
        });
        if (reply.statusCode >= 400)
          throw new Error(`${path.key}: ${reply.statusCode} ${reply.body.slice(0, 200)}`);
      };
      await inject();
      captured.length = 0;
      n = 0;
      await inject();
      const statements = [...captured];
      const whole = await median(inject);
      const floor = path.floor!(measured, 0);
      let f = 0;
      const floorMs = await median(() => {
        const s = path.floor!(measured, f++);
        return raw.query(s.text, s.params);
      });
      out.push(`## ${path.title}`, '', `- request through the app (inject, no network): **${whole} ms**`);
      out.push(`- floor, one statement: **${floorMs} ms**`);
      let sum = 0;
      const lines: string[] = [];
      for (const s of statements) {
        const write = notRerun(s.sql);
        const ms = write ? Number.NaN : await median(() => raw.query(s.sql, s.params));
        if (!write) sum += ms;
        lines.push(
          `  - ${write ? 'write (not re-run)' : `${ms} ms`}: \`${s.sql.replace(/\s+/g, ' ').slice(0, 160)}…\``,
        );
      }
      out.push(
        `- the app's ${statements.length} statements, each alone: **${Math.round(sum * 100) / 100} ms** in all (reads)`,
        ...lines,
        '',
      );
      for (const s of [
        ...statements.filter((x) => !notRerun(x.sql)),
        { sql: floor.text, params: floor.params },
      ]) {
        const plan = await raw.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`,
          s.params,
        );
        const isFloor = s.sql === floor.text;
        out.push(
          `<details><summary>${isFloor ? 'floor' : 'app'}: ${s.sql.replace(/\s+/g, ' ').slice(0, 90)}…</summary>`,
          '',
          '```',
        );
        out.push(...plan.map((p) => p['QUERY PLAN']), '```', '</details>', '');
      }
    }
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    await app.close();
    await mail.stop();
    await done();
  }
}

await main();

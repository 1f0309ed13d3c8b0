// `npm run bench [-- --quick]`: every key path through the real server and as raw SQL, at scales S and L,
// on the embedded database (or on PostgreSQL when DATABASE_URL is set). See bench/README.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyPglite, copyPostgres, type Dataset, ensurePglite, ensurePostgres } from './datasets';
import { type ScaleName, scales } from './generate';
import { runApp, runFloor } from './load';
import { benchPaths } from './paths';
import { markdown, type PathResult, type Results } from './report';
import { login, startServer } from './server';
import { openPglite, openPostgres, type SqlClient } from './sql';
import { ensureWebBuilt, jsSizes, renderRelationships } from './web';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args
  .find((a) => a.startsWith('--only='))
  ?.slice(7)
  .split(',');
const scaleArg = args
  .find((a) => a.startsWith('--scales='))
  ?.slice(9)
  .split(',') as ScaleName[] | undefined;
const databaseUrl = process.env.DATABASE_URL || undefined;
const db = databaseUrl ? 'postgres' : 'pglite';

const CONNECTIONS = 10;
const settings = quick
  ? { connections: CONNECTIONS, seconds: 3, warmupSeconds: 1 }
  : { connections: CONNECTIONS, seconds: 10, warmupSeconds: 3 };

const started = performance.now();
const log = (m: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}\n`);

const results: Results = {
  date: new Date().toISOString().slice(0, 10),
  db,
  quick,
  settings,
  machine: { cpus: availableParallelism(), node: process.version },
  generation: {},
  paths: benchPaths
    .filter((p) => !only || only.includes(p.key))
    .map((p) => ({
      key: p.key,
      title: p.title,
      kind: p.kind,
      ...(p.notBuilt ? { notBuilt: p.notBuilt } : {}),
      byScale: {},
    })),
  csvImport: { notBuilt: 'POST /imports?entity=contacts' },
};
const built = benchPaths.filter((p) => !p.notBuilt && (!only || only.includes(p.key)));
const resultOf = (key: string) => results.paths.find((p) => p.key === key) as PathResult;

/** A working copy of the cached dataset: where the server runs, then where the floor runs. */
type Working = { dataDir: string; url?: string; open(): Promise<SqlClient>; remove(): Promise<void> };

async function prepare(scale: ScaleName): Promise<{ dataset: Dataset; working: Working }> {
  const t0 = performance.now();
  if (databaseUrl) {
    const { database, dataset, cached } = await ensurePostgres(databaseUrl, scales[scale], log);
    record(scale, dataset, cached, t0);
    const copy = await copyPostgres(databaseUrl, database);
    // The server still wants a DATA_DIR for its session secret.
    const secrets = mkdtempSync(join(tmpdir(), 'twofold-bench-pg-'));
    return {
      dataset,
      working: {
        dataDir: secrets,
        url: copy.url,
        open: async () => openPostgres(copy.url, CONNECTIONS),
        remove: async () => {
          await copy.remove();
          rmSync(secrets, { recursive: true, force: true });
        },
      },
    };
  }
  const { dir, dataset, cached } = await ensurePglite(scales[scale], log);
  record(scale, dataset, cached, t0);
  const copy = copyPglite(dir);
  return {
    dataset,
    working: {
      dataDir: copy.dataDir,
      open: () => openPglite(join(copy.dataDir, 'pglite')),
      remove: async () => copy.remove(),
    },
  };
}

function record(scale: ScaleName, dataset: Dataset, cached: boolean, t0: number) {
  const m = dataset.measured;
  results.generation[scale] = {
    ms: dataset.generated.generationMs,
    cached,
    counts: dataset.generated.counts,
    tenant: `${m.relationships.toLocaleString('en')} relationships, ${m.touchpoints.toLocaleString('en')} touchpoints`,
  };
  log(
    `scale ${scale}: ${cached ? 'cached dataset' : `generated in ${(dataset.generated.generationMs / 1000).toFixed(1)} s`} (ready after ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
  );
}

async function benchScale(scale: ScaleName): Promise<void> {
  const { dataset, working } = await prepare(scale);
  const m = dataset.measured;
  try {
    // The app first, through the real server on the copy…
    const server = await startServer({ dataDir: working.dataDir, databaseUrl: working.url });
    const app: Record<string, Awaited<ReturnType<typeof runApp>>> = {};
    try {
      const cookie = await login(server.baseUrl, m.email, m.password);
      for (const path of built) {
        app[path.key] = await runApp({ baseUrl: server.baseUrl, cookie, measured: m }, path, settings);
        const a = app[path.key]!;
        log(
          `${scale} app   ${path.key}: ${a.rps} req/s, p50 ${a.p50} ms${a.failures ? ` ⚠ ${a.failures}` : ''}`,
        );
      }
      if (scale === 'L') {
        results.serverRssAtL = server.memory();
        log(`server RSS at L: ${JSON.stringify(results.serverRssAtL)}`);
        try {
          const render = await renderRelationships(server.baseUrl, cookie, m.workspaceId, 1000);
          results.render = { ...render, note: `relationships page at L (${render.rows} rows via Load more)` };
          log(`render: ${JSON.stringify(render)}`);
        } catch (err) {
          log(`render skipped: ${(err as Error).message.split('\n')[0]}`);
        }
      }
    } finally {
      await server.stop();
    }
    // …then the floor on the same data, the same number of times with the same concurrency. PGlite is one
    // process's database: the server had to let go of the folder first. Writes went to relationships no
    // read path looks at, so the reads still see the answers the app gave.
    const sql = await working.open();
    try {
      for (const path of built) {
        const a = app[path.key]!;
        const floor = await runFloor(sql, path, m, {
          connections: settings.connections,
          count: a.count,
          warmupCount: Math.max(20, Math.round(a.count / 10)),
        });
        resultOf(path.key).byScale[scale] = { app: a, floor };
        log(
          `${scale} floor ${path.key}: ${floor.rps} q/s, p50 ${floor.p50} ms (overhead ${(floor.rps / a.rps).toFixed(2)}×)`,
        );
      }
    } finally {
      await sql.close();
    }
  } finally {
    await working.remove();
  }
}

async function main() {
  log(`${db}${quick ? ', quick' : ''}: ${settings.connections} connections, ${settings.seconds} s per path`);
  await ensureWebBuilt(log);
  results.js = jsSizes();
  for (const scale of scaleArg ?? (['S', 'L'] as ScaleName[])) await benchScale(scale);
  const dir = new URL('./results', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${results.date}-${db}${quick ? '-quick' : ''}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\n${markdown(results)}\n`);
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; results in ${file}`);
}

await main();

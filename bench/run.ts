// `npm run bench [-- --quick]`: every key path through the real server and as raw SQL, at scales S and L,
// on the embedded database (or on PostgreSQL when DATABASE_URL is set). See bench/README.md.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  copyPglite,
  copyPostgres,
  type Dataset,
  ensurePglite,
  ensurePostgres,
  type Measured,
} from './datasets';
import { type ScaleName, scales } from './generate';
import { benchImport } from './import';
import { type AppTarget, appSlice, floorSlice, Tally } from './load';
import { benchPaths } from './paths';
import { markdown, type PathResult, type Results } from './report';
import { login, type RunningServer, startServer } from './server';
import { openPgliteAsServer, openPostgres, type SqlClient } from './sql';
import { ensureWebBuilt, jsSizes, renderPortfolio } from './web';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const listArg = (name: string) =>
  args
    .find((a) => a.startsWith(`--${name}=`))
    ?.split('=')[1]
    ?.split(',');
const only = listArg('only');
const scaleNames = (listArg('scales') ?? ['S', 'L']) as ScaleName[];
const databaseUrl = process.env.DATABASE_URL || undefined;
const db = databaseUrl ? 'postgres' : 'pglite';

const CONNECTIONS = 10;
// Rounds before the counted ones (`measure`): 30 requests, then whole slices (two; one with --quick, which
// must finish within 3 minutes).
const settings = quick
  ? { connections: CONNECTIONS, rounds: 2, sliceSeconds: 1, warmUpRounds: 2 }
  : { connections: CONNECTIONS, rounds: 5, sliceSeconds: 2, warmUpRounds: 3 };

const started = performance.now();
const log = (m: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${m}\n`);

const built = benchPaths.filter((p) => !p.pending && (!only || only.includes(p.key)));
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
      ...(p.pending ? { pending: p.pending } : {}),
      byScale: {},
    })),
  serverRss: {},
  csvImport: { notBuilt: 'embedded database only (npx tsx bench/import.ts)' },
};

/** One scale, ready to measure: the real server on one copy of its data, the floor's connection on another. */
type Side = {
  scale: ScaleName;
  measured: Measured;
  target: AppTarget;
  server: RunningServer;
  floorDb: SqlClient;
  close(): Promise<void>;
};

function record(scale: ScaleName, dataset: Dataset, cached: boolean) {
  const m = dataset.measured;
  results.generation[scale] = {
    ms: dataset.generated.generationMs,
    cached,
    counts: dataset.generated.counts,
    tenant: `${m.relationships.toLocaleString('en')} relationships, ${m.touchpoints.toLocaleString('en')} touchpoints`,
  };
  const how = cached ? 'cached' : `generated in ${(dataset.generated.generationMs / 1000).toFixed(1)} s`;
  log(`scale ${scale}: dataset ${how}`);
}

async function openSide(scale: ScaleName): Promise<Side> {
  const cleanups: Array<() => Promise<void> | void> = [];
  const close = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  try {
    let dataset: Dataset;
    let server: RunningServer;
    let floorDb: SqlClient;
    if (databaseUrl) {
      const made = await ensurePostgres(databaseUrl, scales[scale], log);
      record(scale, made.dataset, made.cached);
      dataset = made.dataset;
      // One database serves both: the server and the floor take turns, never overlap.
      const copy = await copyPostgres(databaseUrl, made.database);
      cleanups.push(() => copy.remove());
      // The server still wants a DATA_DIR, for its session secret.
      const secrets = mkdtempSync(join(tmpdir(), 'twofold-bench-pg-'));
      cleanups.push(() => rmSync(secrets, { recursive: true, force: true }));
      server = await startServer({ dataDir: secrets, databaseUrl: copy.url });
      cleanups.push(() => server.stop());
      floorDb = openPostgres(copy.url, CONNECTIONS);
    } else {
      const made = await ensurePglite(scales[scale], log);
      record(scale, made.dataset, made.cached);
      dataset = made.dataset;
      // PGlite is one process's database: the server gets one copy, the floor (in this process) another.
      const forServer = copyPglite(made.dir);
      const forFloor = copyPglite(made.dir);
      cleanups.push(forServer.remove, forFloor.remove);
      server = await startServer({ dataDir: forServer.dataDir });
      cleanups.push(() => server.stop());
      floorDb = await openPgliteAsServer(join(forFloor.dataDir, 'pglite'));
    }
    cleanups.push(() => floorDb.close());
    const m = dataset.measured;
    const cookie = await login(server.baseUrl, m.email, m.password);
    const startMem = server.memory();
    results.serverRss[scale] = { startMb: startMem.rssMb, rssMb: startMem.rssMb, peakMb: startMem.peakMb };
    log(`scale ${scale}: server on ${server.baseUrl} (RSS ${startMem.rssMb} MB after start)`);
    return {
      scale,
      measured: m,
      target: { baseUrl: server.baseUrl, cookie, measured: m },
      server,
      floorDb,
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/**
 * Round after round, each side gets an app slice then a floor slice of the same count. The first
 * `settings.warmUpRounds` warm up (caches, JIT, pools) and size the slices: as many requests as that side answers
 * in `sliceSeconds`. One round of 30 requests was too few: the server still compiled its hot code in the
 * measured slices (its CPU a list request fell from 1.3 to 0.65 ms over them), and slices sized by that cold
 * round lasted 0.8 s, not 2. Whole slices follow it, each sizing the next again.
 */
async function measure(sides: Side[], path: (typeof built)[number]): Promise<void> {
  const tallies = sides.map(() => ({ app: new Tally(), floor: new Tally() }));
  const amounts = sides.map(() => settings.connections * 3);
  for (let round = 0; round < settings.warmUpRounds + settings.rounds; round++) {
    const offset = round * 100_000;
    for (const [i, side] of sides.entries()) {
      const a = await appSlice(side.target, path, settings.connections, amounts[i]!, offset);
      const f = await floorSlice(
        side.floorDb,
        path,
        side.measured,
        Math.max(1, a.latencies.length),
        settings.connections,
        offset,
      );
      if (round < settings.warmUpRounds) {
        const perSecond = a.latencies.length / a.seconds;
        amounts[i] = Math.min(
          5000,
          Math.max(settings.connections * 2, Math.round(perSecond * settings.sliceSeconds)),
        );
        continue;
      }
      tallies[i]!.app.add(a);
      tallies[i]!.floor.add(f);
    }
  }
  const result = results.paths.find((p) => p.key === path.key) as PathResult;
  for (const [i, side] of sides.entries()) {
    const t = tallies[i]!;
    const app = { ...t.app.stats(), ...(t.app.failures.length ? { failures: t.app.failures[0] } : {}) };
    const floor = t.floor.stats();
    result.byScale[side.scale] = { app, floor };
    log(
      `${side.scale} ${path.key}: app ${app.rps} req/s p50 ${app.p50} ms; floor ${floor.rps}/s p50 ${floor.p50} ms; ` +
        `overhead ${(floor.rps / app.rps).toFixed(2)}×${app.failures ? ` ⚠ ${app.failures}` : ''}`,
    );
  }
}

async function main() {
  // `--report=<results file>` prints the table of an earlier run again.
  const earlier = args.find((a) => a.startsWith('--report='))?.slice(9);
  if (earlier) {
    process.stdout.write(`${markdown(JSON.parse(readFileSync(earlier, 'utf8')) as Results)}\n`);
    return;
  }
  const mode = `${settings.rounds} × ${settings.sliceSeconds} s slices`;
  log(`${db}${quick ? ', quick' : ''}: ${settings.connections} connections, ${mode} per path and scale`);
  await ensureWebBuilt(log);
  results.js = jsSizes();
  const sides: Side[] = [];
  // Ctrl-C: stop the servers and remove the copies (hundreds of MB each) before leaving.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: cleaning up`);
      void Promise.allSettled(sides.map((s) => s.close())).then(() => process.exit(130));
    });
  }
  try {
    for (const scale of scaleNames) sides.push(await openSide(scale));
    for (const path of built) await measure(sides, path);
    for (const side of sides) {
      const mem = side.server.memory();
      results.serverRss[side.scale] = { ...results.serverRss[side.scale]!, ...mem };
      log(`scale ${side.scale}: server RSS ${mem.rssMb} MB, peak ${mem.peakMb} MB`);
    }
    // The portfolio page at each scale: S is the workspace of 1,000 relationships the target names, L's
    // measured tenant the bigger one (3,500). `--only=portfolioPage` measures only this.
    for (const side of only && !only.includes('portfolioPage') ? [] : sides) {
      try {
        const r = await renderPortfolio(
          side.server.baseUrl,
          side.target.cookie,
          side.measured.workspaceId,
          side.measured.relationships,
          quick ? 3 : 7,
        );
        results.portfolioRender = { ...results.portfolioRender, [side.scale]: r };
        log(`portfolio page ${side.scale}: ${JSON.stringify(r)}`);
      } catch (err) {
        log(`portfolio page ${side.scale} skipped: ${(err as Error).message.split('\n')[0]}`);
      }
    }
  } finally {
    for (const side of sides) await side.close();
  }
  // After the servers stopped, so nothing else competes: the embedded database, on disk, durable.
  if (db === 'pglite' && (!only || only.includes('csvImport'))) {
    const rows = quick ? 20_000 : 100_000;
    const importDir = mkdtempSync(join(tmpdir(), 'twofold-bench-import-'));
    try {
      results.csvImport = await benchImport(rows, importDir);
      log(`csv import: ${JSON.stringify(results.csvImport)}`);
    } finally {
      rmSync(importDir, { recursive: true, force: true });
    }
  }
  const dir = new URL('./results', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  // A run of some paths or scales only must not overwrite the last complete one.
  const partial = only || listArg('scales') ? '-partial' : '';
  const file = join(dir, `${results.date}-${db}${quick ? '-quick' : ''}${partial}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`\n${markdown(results)}\n`);
  log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s; results in ${file}`);
}

await main();

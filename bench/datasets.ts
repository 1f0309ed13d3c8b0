// Generated databases, cached so a rerun starts in seconds: a PGlite data folder under bench/.cache, or a
// PostgreSQL database per scale and generator version used as a template. Runs work on a copy, never the cache.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, migrationsFolder, openDatabase } from '../src/server/db/open';
import { runHealthPass } from '../src/server/features/health/health.worker';
import {
  BENCH_EMAIL,
  BENCH_PASSWORD,
  GENERATOR_VERSION,
  type Generated,
  generate,
  MEASURED_WORKSPACE,
  type Scale,
  type ScaleName,
} from './generate';
import { type DbKind, openPglite, openPostgres, type SqlClient, withDatabase } from './sql';

export const SEED = 20261122;
const cacheRoot = new URL('./.cache', import.meta.url).pathname;

/**
 * Cached databases are keyed by scale, generator version and the migrations they were made with: a new or
 * regenerated migration makes a new dataset (the server would otherwise migrate a cache made for another schema).
 */
function datasetKey(scale: ScaleName): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(migrationsFolder);
  return `${scale}-v${GENERATOR_VERSION}-${hash.digest('hex').slice(0, 8)}`;
}

/** What the runner needs to know about the tenant it measures. */
export type Measured = {
  workspaceId: string;
  email: string;
  password: string;
  userId: string;
  /** Relationships the detail and timeline requests rotate through (never transactional). */
  readIds: string[];
  /**
   * Transactional relationships the touchpoint writes go to: the list is filtered on another stage and the
   * reads rotate elsewhere, so the rows the writes add change no answer a read path measures.
   */
  writeIds: string[];
  relationships: number;
  touchpoints: number;
};

export type Dataset = {
  scale: ScaleName;
  kind: DbKind;
  generatorVersion: number;
  generated: Generated;
  measured: Measured;
};

async function describeMeasured(db: SqlClient): Promise<Measured> {
  const [ws] = await db.query<{ id: string }>(`SELECT id::text AS id FROM workspaces WHERE name = $1`, [
    MEASURED_WORKSPACE,
  ]);
  const workspaceId = ws!.id;
  const ids = (stageTest: string) =>
    db.query<{ id: string }>(
      `SELECT id::text AS id FROM relationships WHERE workspace_id = $1 AND ${stageTest} ORDER BY id LIMIT 200`,
      [workspaceId],
    );
  const [user] = await db.query<{ id: string }>('SELECT id::text AS id FROM users WHERE email = $1', [
    BENCH_EMAIL,
  ]);
  const [n] = await db.query<{ rels: number; tps: number }>(
    `SELECT (SELECT count(*)::int FROM relationships WHERE workspace_id = $1) AS rels,
            (SELECT count(*)::int FROM touchpoints WHERE workspace_id = $1) AS tps`,
    [workspaceId],
  );
  return {
    workspaceId,
    email: BENCH_EMAIL,
    password: BENCH_PASSWORD,
    userId: user!.id,
    readIds: (await ids(`stage <> 'transactional'`)).map((r) => r.id),
    writeIds: (await ids(`stage = 'transactional'`)).map((r) => r.id),
    relationships: n!.rels,
    touchpoints: n!.tps,
  };
}

async function fill(
  db: SqlClient,
  app: Db,
  scale: Scale,
  kind: DbKind,
  log: (m: string) => void,
): Promise<Dataset> {
  const generated = await generate(db, app, scale, SEED, log);
  const measured = await describeMeasured(db);
  return { scale: scale.name, kind, generatorVersion: GENERATOR_VERSION, generated, measured };
}

// ── PGlite ───────────────────────────────────────────────────────────────────

const pgliteCache = (scale: ScaleName) => join(cacheRoot, `pglite-${datasetKey(scale)}`);
const today = () => new Date().toISOString().slice(0, 10);

/**
 * Health rollups are due again at the next UTC midnight: a cache made on an earlier day gets the app's daily
 * pass here, once, so the server's own health worker has nothing to catch up on in the middle of a run.
 */
async function freshen(app: Db, dataset: Dataset, log: (m: string) => void): Promise<boolean> {
  if (dataset.generated.healthDay === today()) return false;
  const t0 = performance.now();
  const done = await runHealthPass(app, new Date());
  dataset.generated.healthDay = today();
  log(
    `  health rollups brought to ${today()}: ${done} relationships, ${Math.round(performance.now() - t0)} ms`,
  );
  return true;
}

/** The cached data folder for a scale (DATA_DIR layout: `<dir>/pglite`), generated on first use. */
export async function ensurePglite(
  scale: Scale,
  log: (m: string) => void,
): Promise<{ dir: string; dataset: Dataset; cached: boolean }> {
  const dir = pgliteCache(scale.name);
  const metaFile = join(dir, 'dataset.json');
  if (existsSync(metaFile)) {
    const dataset = JSON.parse(readFileSync(metaFile, 'utf8')) as Dataset;
    if (dataset.generated.healthDay !== today()) {
      const db = await openPglite(join(dir, 'pglite'));
      try {
        await freshen((await openDatabase({ kind: 'pglite', pglite: db.engine })).db, dataset, log);
      } finally {
        await db.close();
      }
      writeFileSync(metaFile, `${JSON.stringify(dataset, null, 2)}\n`);
    }
    return { dir, dataset, cached: true };
  }
  mkdirSync(cacheRoot, { recursive: true });
  // Datasets of this scale made for another schema or generator are of no further use.
  for (const stale of readdirSync(cacheRoot).filter((f) => f.startsWith(`pglite-${scale.name}-`))) {
    rmSync(join(cacheRoot, stale), { recursive: true, force: true });
  }
  // Generate beside the cache and rename at the end, so an interrupted run leaves no half-made cache.
  const building = `${dir}.building`;
  rmSync(building, { recursive: true, force: true });
  log(`generating scale ${scale.name} (PGlite) into ${building}`);
  // Plain PGlite (no fsync) to migrate and load: it is a cache, made once, then copied and synced.
  mkdirSync(join(building, 'pglite'), { recursive: true });
  const db = await openPglite(join(building, 'pglite'));
  const app = await openDatabase({ kind: 'pglite', pglite: db.engine });
  await app.migrate();
  let dataset: Dataset;
  try {
    dataset = await fill(db, app.db, scale, 'pglite', log);
  } finally {
    await db.close();
  }
  writeFileSync(join(building, 'dataset.json'), `${JSON.stringify(dataset, null, 2)}\n`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(building, dir);
  return { dir, dataset, cached: false };
}

/** A throwaway copy of the cached folder: the server and the writes it benchmarks change the data. */
export function copyPglite(dir: string): { dataDir: string; remove(): void } {
  const dataDir = mkdtempSync(join(tmpdir(), 'twofold-bench-'));
  cpSync(join(dir, 'pglite'), join(dataDir, 'pglite'), { recursive: true });
  // The server syncs to disk (ADR 005): flush the copy now, or its first checkpoint writes out the whole
  // freshly copied folder in the middle of a measurement, a stall no real installation has.
  execFileSync('sync');
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) };
}

// ── PostgreSQL ───────────────────────────────────────────────────────────────

const pgName = (scale: ScaleName) => `twofold_bench_${datasetKey(scale).toLowerCase().replaceAll('-', '_')}`;

const describe = (admin: SqlClient, database: string, dataset: Dataset) =>
  admin.query(`COMMENT ON DATABASE ${database} IS '${JSON.stringify(dataset).replaceAll("'", "''")}'`);

/** The template database for a scale, generated on first use; its comment holds the dataset description. */
export async function ensurePostgres(
  url: string,
  scale: Scale,
  log: (m: string) => void,
): Promise<{ database: string; dataset: Dataset; cached: boolean }> {
  const database = pgName(scale.name);
  const admin = openPostgres(url, 1);
  try {
    const [row] = await admin.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [database],
    );
    if (row?.comment?.startsWith('{')) {
      const dataset = JSON.parse(row.comment) as Dataset;
      const app = await openDatabase({ kind: 'postgres', url: withDatabase(url, database), poolSize: 1 });
      try {
        if (await freshen(app.db, dataset, log)) await describe(admin, database, dataset);
      } finally {
        await app.close();
      }
      return { database, dataset, cached: true };
    }
    // Datasets of this scale made for another schema or generator, and leftovers of interrupted runs.
    const stale = await admin.query<{ name: string }>(
      `SELECT datname AS name FROM pg_database WHERE datname LIKE $1`,
      [`twofold\\_bench\\_${scale.name.toLowerCase()}\\_%`],
    );
    for (const { name } of stale) await admin.exec(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    const building = `${database}_building`;
    await admin.exec(`CREATE DATABASE ${building}`);
    log(`generating scale ${scale.name} (PostgreSQL) into database ${building}`);
    const buildingUrl = withDatabase(url, building);
    const migrator = await openDatabase({ kind: 'postgres', url: buildingUrl, poolSize: 1 });
    await migrator.migrate();
    await migrator.close();
    const db = openPostgres(buildingUrl, 1);
    const app = await openDatabase({ kind: 'postgres', url: buildingUrl, poolSize: 1 });
    let dataset: Dataset;
    try {
      dataset = await fill(db, app.db, scale, 'postgres', log);
    } finally {
      await app.close();
      await db.close();
    }
    await admin.exec(`ALTER DATABASE ${building} RENAME TO ${database}`);
    await describe(admin, database, dataset);
    return { database, dataset, cached: false };
  } finally {
    await admin.close();
  }
}

/** A copy of the template (CREATE DATABASE … TEMPLATE is a file copy: seconds, not a regeneration). */
export async function copyPostgres(
  url: string,
  template: string,
): Promise<{ url: string; remove(): Promise<void> }> {
  const name = `${template}_run_${process.pid}`;
  const admin = openPostgres(url, 1);
  try {
    await admin.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.exec(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.close();
  }
  return {
    url: withDatabase(url, name),
    async remove() {
      const a = openPostgres(url, 1);
      try {
        await a.exec(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.close();
      }
    },
  };
}

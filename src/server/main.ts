import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildApp, webRoot } from './app';
import { type Config, loadConfig } from './config';
import { openDatabase } from './db/open';
import { seedDemoIfEmpty } from './demo/demo.seed';
import { ensureSearchIndexed } from './features/search/search.backfill';
import { randomToken } from './platform/auth/secrets';
import { loggerOptions } from './platform/logging';
import { startMailDelivery } from './platform/mail';
import { projectRoot } from './platform/paths';

/** Kept under DATA_DIR so sessions survive restarts without anyone having to set a secret. */
function sessionSecret(config: Config): string {
  if (config.sessionSecret) return config.sessionSecret;
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomToken(48);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

async function ensureWebBuilt(log: (m: string) => void): Promise<void> {
  if (existsSync(join(webRoot, 'index.html'))) return;
  log('Building the web app (first start only)…');
  // In a child process: the bundler's memory would otherwise stay with the server for good (ADR 006).
  const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin/vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: projectRoot,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('Building the web app failed (see above)');
}

export async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  const say = (m: string) => console.log(`[twofold] ${m}`);
  await ensureWebBuilt(say);
  config = { ...config, sessionSecret: sessionSecret(config) };

  const database = config.databaseUrl
    ? await openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : await openDatabase({ kind: 'pglite', dataDir: join(config.dataDir, 'pglite') });
  await database.migrate();
  say(`database ready (${database.kind === 'pglite' ? `embedded, ${config.dataDir}` : 'PostgreSQL'})`);
  if (config.demo) {
    const seeded = await seedDemoIfEmpty(database.db);
    if (seeded) say(`demo workspace ready — log in as ${seeded.email} / ${seeded.password}`);
  }

  // Existing data becomes findable after an upgrade (and after the index's definitions change).
  await ensureSearchIndexed(database.db, { log: say });

  const mail = startMailDelivery(database.db, { smtpUrl: config.smtpUrl, from: config.smtpFrom });
  const app = await buildApp(
    { db: database.db, config, mail, now: () => new Date() },
    { logger: loggerOptions(config.logLevel) },
  );
  mail.kick();

  const shutdown = async () => {
    await app.close();
    await mail.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  await app.listen({ port: config.port, host: config.host });
  say(`listening on ${config.publicUrl}`);
}

await main();

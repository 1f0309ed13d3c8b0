import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/open';
import { startMailDelivery } from '../src/server/platform/mail';
const dir = mkdtempSync(join(tmpdir(), 'e6-'));
const database = await openDatabase({ kind: 'pglite', dataDir: dir });
await database.migrate();
const pgl = database.pglite! as any;
const log: string[] = [];
let spent = 0;
for (const fn of ['query', 'exec', 'execProtocol']) {
  const orig = pgl[fn].bind(pgl);
  pgl[fn] = async (...a: any[]) => { const t = performance.now(); try { return await orig(...a); } finally { const d = performance.now() - t; spent += d; log.push(`${fn} ${d.toFixed(2)} ${String(typeof a[0] === 'string' ? a[0] : '[proto]').slice(0, 90)}`); } };
}
const config = { ...loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), sessionSecret: 'x'.repeat(40) };
const mail = startMailDelivery(database.db, { smtpUrl: undefined, from: config.smtpFrom });
const app = await buildApp({ db: database.db, config, mail, now: () => new Date() }, { serveWeb: false });
const su = await app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email: `a${Date.now()}@x.com`, password: 'correct horse battery', name: 'A', workspaceName: 'W' } });
const wsId = su.json().workspace.id;
const cookie = `tf_session=${su.cookies.find((c) => c.name === 'tf_session')!.value}`;
const tok = (await app.inject({ method: 'POST', url: `/api/v1/workspaces/${wsId}/tokens`, headers: { cookie, origin: config.publicUrl }, payload: { name: 't' } })).json().token;
for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url: `/api/v1/workspaces/${wsId}/teams`, headers: { authorization: `Bearer ${tok}` } });
for (const [label, req] of [['teams', { method: 'GET', url: `/api/v1/workspaces/${wsId}/teams` }], ['createTeam', { method: 'POST', url: `/api/v1/workspaces/${wsId}/teams`, payload: { name: 'T' } }]] as const) {
  log.length = 0; spent = 0;
  const t = performance.now();
  await app.inject({ ...req, headers: { authorization: `Bearer ${tok}` } } as any);
  console.log(label, 'total', (performance.now() - t).toFixed(2), 'db', spent.toFixed(2));
  console.log(log.join('\n'));
}
await app.close(); await mail.stop(); await database.close();

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/open';
import { startMailDelivery } from '../src/server/platform/mail';
for (const durable of [true, false, true, false]) {
  const dir = mkdtempSync(join(tmpdir(), 'e5-'));
  const database = durable ? await openDatabase({ kind: 'pglite', dataDir: dir }) : await openDatabase({ kind: 'pglite', pglite: await PGlite.create(dir) });
  await database.migrate();
  const config = { ...loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' }), sessionSecret: 'x'.repeat(40) };
  const mail = startMailDelivery(database.db, { smtpUrl: undefined, from: config.smtpFrom });
  const app = await buildApp({ db: database.db, config, mail, now: () => new Date() }, { serveWeb: false });
  const su = await app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: { email: `a${Date.now()}@x.com`, password: 'correct horse battery', name: 'A', workspaceName: 'W' } });
  const wsId = su.json().workspace.id;
  const cookie = `tf_session=${su.cookies.find((c) => c.name === 'tf_session')!.value}`;
  const tok = (await app.inject({ method: 'POST', url: `/api/v1/workspaces/${wsId}/tokens`, headers: { cookie, origin: config.publicUrl }, payload: { name: 't' } })).json().token;
  const h = { authorization: `Bearer ${tok}` };
  const time = async (label: string, f: () => Promise<unknown>) => {
    for (let i = 0; i < 5; i++) await f();
    const t = performance.now();
    for (let i = 0; i < 40; i++) await f();
    return `${label} ${((performance.now() - t) / 40).toFixed(2)}ms`;
  };
  const out = [
    await time('teams', () => app.inject({ method: 'GET', url: `/api/v1/workspaces/${wsId}/teams`, headers: h })),
    await time('createTeam', () => app.inject({ method: 'POST', url: `/api/v1/workspaces/${wsId}/teams`, headers: h, payload: { name: 'T' } })),
    await time('raw select 1', () => database.pglite!.query('select 1')),
    await time('raw insert', () => database.pglite!.query(`insert into audit_events (workspace_id, id, actor_kind, action, entity_type) values ('${wsId}', gen_random_uuid(), 'system', 'x', 'y')`)),
  ];
  console.log(durable ? 'durable' : 'default', out.join(' | '));
  await app.close(); await mail.stop(); await database.close();
}

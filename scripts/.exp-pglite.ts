import { fsyncSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

let fsyncs = 0;
class CountingFS extends NodeFS {
  constructor(dir: string, private durable: boolean) { super(dir); }
  override async init(pg: any, opts: any) {
    const r = await super.init(pg, opts);
    r.emscriptenOpts.preRun = [...(r.emscriptenOpts.preRun ?? []), (mod: any) => {
      mod.NODEFS.stream_ops.fsync = (stream: any) => { fsyncs++; if (this.durable && stream.nfd !== undefined) fsyncSync(stream.nfd); return 0; };
    }];
    return r;
  }
}
const defaults: string[] = (PGlite as any).defaultStartParams;
async function run(label: string, durable: boolean, params?: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'pgl-exp-'));
  const pg = await PGlite.create({ fs: new CountingFS(dir, durable), ...(params ? { startParams: params } : {}) });
  await pg.exec('create table t (id serial primary key, v text)');
  const show = await pg.query<{ fsync: string }>('show fsync');
  const wsm = await pg.query<{ wal_sync_method: string }>('show wal_sync_method');
  const sc = await pg.query<{ synchronous_commit: string }>('show synchronous_commit');
  fsyncs = 0;
  const n = 300;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await pg.query('insert into t (v) values ($1)', ['x'.repeat(200)]);
  const ms = performance.now() - t0;
  console.log(label, { fsync: show.rows[0]?.fsync, wal_sync_method: wsm.rows[0]?.wal_sync_method, synchronous_commit: sc.rows[0]?.synchronous_commit, commitsPerSec: Math.round(n / (ms / 1000)), msPerCommit: (ms / n).toFixed(2), fsyncCalls: fsyncs });
  await pg.close();
}
console.log('defaults', defaults.join(' '));

await run('no -F, fsync counted but not synced', false, [...defaults.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync']);
await run('durable', true, [...defaults.filter((p) => p !== '-F'), '-c', 'wal_sync_method=fsync']);
await run('durable fdatasync method', true, [...defaults.filter((p) => p !== '-F')]);
await run('default (-F) again', false);

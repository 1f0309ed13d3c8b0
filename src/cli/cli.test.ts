import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startEnv, startFlags } from '../../scripts/start-flags.mjs';
import { projectRoot } from '../server/platform/paths';

// The command line, run as a child process against a temporary embedded database, the way an admin would.
const dataDir = mkdtempSync(join(tmpdir(), 'twofold-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Result = { code: number; stdout: string; stderr: string };
function twofold(args: string[], input?: string): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [join(projectRoot, 'bin', 'twofold.mjs'), ...args],
      {
        cwd: projectRoot,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 120_000,
      },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin?.end(input);
    else child.stdin?.end();
  });
}

type Doc = { tables: Record<string, unknown[]>; members: { email: string }[] };
/** Rows with ids blanked, as sorted sets: what must survive a move. */
const contents = (d: Doc) =>
  Object.fromEntries(
    Object.entries(d.tables).map(([t, rows]) => [
      t,
      rows.map((r) => JSON.stringify(r).replace(/[0-9a-f-]{36}/g, '<id>')).sort(),
    ]),
  );

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

/** The processes `pid` started, each one's command line and environment (`NAME=value` words; Linux's /proc). */
function childrenOf(pid: number): { args: string[]; env: string[] }[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid !== pid) return [];
        const words = (file: string) => readFileSync(`/proc/${d}/${file}`, 'utf8').split('\0');
        return [{ args: words('cmdline'), env: words('environ') }];
      } catch {
        return []; // gone meanwhile
      }
    });
}

describe('twofold command line', () => {
  it('lists its commands, and each explains itself with --help', async () => {
    const all = await twofold(['--help']);
    expect(all.code).toBe(0);
    for (const c of ['serve', 'migrate', 'create-admin', 'demo', 'import', 'export', 'restore']) {
      expect(all.stdout).toContain(c);
    }
    const help = await twofold(['restore', '--help']);
    expect(help.stdout).toContain('Usage: twofold restore');
    expect((await twofold(['nonsense'])).code).toBe(1);
  }, 60_000);

  it('serves as npm start does: with its Node flags and environment, answering, and stopping cleanly on SIGTERM', async () => {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'twofold-serve-'));
    const serve = spawn(process.execPath, [join(projectRoot, 'bin', 'twofold.mjs'), 'serve'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        DATA_DIR: dir,
        DATABASE_URL: '',
        PORT: String(port),
        HOST: '127.0.0.1',
        DEMO: '0',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => serve.once('exit', (code) => resolve(code)));
    const healthy = () =>
      fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
    try {
      const deadline = Date.now() + 90_000;
      while (!(await healthy()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 300));
      expect(await healthy()).toBe(true);
      const flags = startFlags({ DATABASE_URL: '' });
      expect(flags).toContain('--heap-growing-percent=25');
      const server = childrenOf(serve.pid!).find(({ args }) => args.some((a) => a.endsWith('start.mjs')));
      expect(server?.args).toEqual(expect.arrayContaining(flags));
      const env = Object.entries(startEnv({ DATABASE_URL: '' })).map(([name, value]) => `${name}=${value}`);
      expect(env.length).toBeGreaterThan(0);
      expect(server?.env).toEqual(expect.arrayContaining(env));
      serve.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(await healthy()).toBe(false);
    } finally {
      serve.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("gives npm start the embedded server's allocator setting and small heap, and a server on PostgreSQL neither", async () => {
    // package.json's start script runs `env $(node scripts/start-flags.mjs) scripts/start.mjs`.
    const words = (databaseUrl: string) =>
      new Promise<string[]>((resolve, reject) =>
        execFile(
          process.execPath,
          [join(projectRoot, 'scripts', 'start-flags.mjs')],
          { env: { ...process.env, DATABASE_URL: databaseUrl } },
          (err, stdout) => (err ? reject(err) : resolve(stdout.trim().split(' '))),
        ),
      );
    const embedded = await words('');
    expect(embedded).toEqual([
      'GLIBC_TUNABLES=glibc.malloc.mmap_threshold=32768',
      'node',
      ...startFlags({ DATABASE_URL: '' }),
    ]);
    expect(embedded).toContain('--heap-growing-percent=25');
    const onPostgres = await words('postgres://127.0.0.1:5432/twofold');
    expect(onPostgres).toEqual([
      'node',
      ...startFlags({ DATABASE_URL: 'postgres://127.0.0.1:5432/twofold' }),
    ]);
    // A heap that grows by a quarter cost a balance on PostgreSQL a third of the server's CPU (ADR 006).
    expect(onPostgres).toContain('--heap-growing-percent=100');
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toBe('env $(node scripts/start-flags.mjs) scripts/start.mjs');
  });

  it('migrates, seeds the demo, exports it and restores it into a new workspace, losing nothing', async () => {
    expect((await twofold(['migrate'])).code).toBe(0);
    const demo = await twofold(['demo']);
    expect(demo.stderr).toContain('demo@twofold.studio');
    const listed = await twofold(['export']);
    expect(listed.code).toBe(2);
    const demoId = /([0-9a-f-]{36})\s+Northwind Studio/.exec(listed.stderr)?.[1];
    expect(demoId).toBeDefined();

    const exported = await twofold(['export', '--workspace', demoId!]);
    expect(exported.code, exported.stderr).toBe(0);
    const doc = JSON.parse(exported.stdout) as Doc;
    expect(doc.tables.relationships?.length).toBeGreaterThan(5);

    const refused = await twofold(['restore', '--workspace', demoId!], exported.stdout);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('already holds data');

    const restored = await twofold(['restore', '--new'], exported.stdout);
    expect(restored.code, restored.stderr).toBe(0);
    const copyId = restored.stdout.trim();
    expect(copyId).not.toBe(demoId);
    const again = JSON.parse((await twofold(['export', '--workspace', copyId])).stdout) as Doc;
    expect(contents(again)).toEqual(contents(doc));
    expect(again.members.map((m) => m.email).sort()).toEqual(doc.members.map((m) => m.email).sort());
  }, 300_000);

  it('creates an admin, with a workspace of their own', async () => {
    const res = await twofold([
      'create-admin',
      '--email',
      'ada@example.com',
      '--name',
      'Ada',
      '--password',
      'a long password',
    ]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout.trim()).toMatch(/^[0-9a-f-]{36}$/);
    const short = await twofold(['create-admin', '--email', 'bob@example.com', '--password', 'short']);
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('10 characters');
  }, 60_000);

  it('import names what it needs', async () => {
    const file = join(dataDir, 'clients.csv');
    writeFileSync(file, 'name\nAcme\n');
    const res = await twofold(['import', file, '--entity', 'clients']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--workspace');
  }, 60_000);

  it('imports a CSV into a workspace with a progress bar, reporting rejected rows; twice changes nothing', async () => {
    const admin = await twofold([
      'create-admin',
      '--email',
      'importer@example.com',
      '--name',
      'Ida',
      '--password',
      'a long password',
    ]);
    const workspaceId = admin.stdout.trim();
    const file = join(dataDir, 'contacts.csv');
    writeFileSync(
      file,
      'First Name,Last Name,Email,Company Name\nAda,Lovelace,ada@analytical.example,Analytical Engines\nBroken,Row,not-an-email,Analytical Engines\nGrace,Hopper,grace@cobol.example,Cobol Works\n',
    );
    const first = await twofold(['import', file, '--workspace', workspaceId, '--entity', 'contacts']);
    expect(first.code).toBe(1);
    expect(first.stderr).toContain('Imported 2 contacts');
    expect(first.stderr).toContain('1 rows rejected');
    const exported = JSON.parse((await twofold(['export', '--workspace', workspaceId])).stdout) as Doc;
    expect(exported.tables.contacts).toHaveLength(2);
    expect(exported.tables.clients).toHaveLength(2);
    const again = await twofold(['import', file, '--workspace', workspaceId, '--entity', 'contacts']);
    expect(again.stderr).toContain('Imported 0 contacts, 2 unchanged');
    const after = JSON.parse((await twofold(['export', '--workspace', workspaceId])).stdout) as Doc;
    expect(after.tables.contacts).toHaveLength(2);
  }, 180_000);
});

// The real server, as `npm start` runs it (the bundled server under plain Node, default logging), in a child
// process on a free loopback port. Run with `node scripts/start.mjs` rather than through npm, so the process
// we measure (RSS) is the server itself and not a launcher in front of it.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { startEnv, startFlags } from '../scripts/start-flags.mjs';

const root = new URL('..', import.meta.url).pathname;

export type RunningServer = {
  baseUrl: string;
  pid: number;
  memory(): { rssMb: number; peakMb: number };
  stop(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/** VmRSS and VmHWM (peak) from /proc, in MB. */
function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) =>
    Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
}

/** `dataDir` holds the embedded database, or only the session secret when `databaseUrl` is given. */
export async function startServer(db: {
  dataDir: string;
  databaseUrl?: string;
  /** Extra `node` flags, e.g. `--cpu-prof` to profile the server (default: `BENCH_SERVER_NODE_ARGS`). */
  nodeArgs?: string[];
}): Promise<RunningServer> {
  const nodeArgs = db.nodeArgs ?? process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...startFlags({ DATABASE_URL: db.databaseUrl }), ...nodeArgs, 'scripts/start.mjs'],
    {
      cwd: root,
      env: {
        ...process.env,
        ...startEnv({ DATABASE_URL: db.databaseUrl }),
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: baseUrl,
        DEMO: '0',
        DATA_DIR: db.dataDir,
        DATABASE_URL: db.databaseUrl ?? '',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited(child);
    clearTimeout(timer);
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${stderr}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return { baseUrl, pid: child.pid!, memory: () => memoryOf(child.pid!), stop };
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`server did not answer /healthz within 120 s:\n${stderr}`);
}

/** Logs in through the API, as the web app does; returns the session cookie to send. */
export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tf_session='));
  if (!cookie) throw new Error('login set no session cookie');
  return cookie.split(';')[0]!;
}

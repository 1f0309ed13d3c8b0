/**
 * The real Twofold server as a child process, for the crash test and the soak: started with
 * `node --import tsx src/server/main.ts` in its own process group (so a SIGKILL takes every process
 * with it), on 127.0.0.1 and a free port, on an embedded data folder or a fresh PostgreSQL database.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import pg from 'pg';

const root = new URL('..', import.meta.url).pathname;

export type Target = { kind: 'embedded'; dataDir: string } | { kind: 'postgres'; url: string };

export function freePort(): Promise<number> {
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

export class RealServer {
  private output: string[] = [];
  private exited: Promise<number | null>;
  private running = true;

  private constructor(
    private readonly child: ChildProcess,
    readonly baseUrl: string,
  ) {
    const keep = (chunk: Buffer) => {
      this.output.push(...chunk.toString().split('\n').filter(Boolean));
      if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        this.running = false;
        resolve(code);
      }),
    );
  }

  /** `nodeArgs` go before the entry point, e.g. `--cpu-prof`. */
  static async start(
    target: Target,
    port: number,
    nodeArgs: string[] = [],
    timeoutMs = 180_000,
  ): Promise<RealServer> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DEMO: '0',
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    if (target.kind === 'embedded') env.DATA_DIR = target.dataDir;
    else env.DATABASE_URL = target.url;
    const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new RealServer(child, `http://127.0.0.1:${port}`);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!server.running) throw new Error(`server exited while starting:\n${server.tail()}`);
      try {
        const res = await fetch(`${server.baseUrl}/healthz`);
        if (res.ok) return server;
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    server.kill('SIGKILL');
    throw new Error(`server did not answer /healthz within ${timeoutMs} ms:\n${server.tail()}`);
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Signals the whole process group (tsx's loader and anything it spawned). */
  kill(signal: NodeJS.Signals): void {
    if (!this.running || !this.child.pid) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // already gone
    }
  }

  waitExit(): Promise<number | null> {
    return this.exited;
  }

  /** SIGTERM (the server closes its database cleanly), SIGKILL if it takes longer than 15 s. */
  async stop(): Promise<void> {
    this.kill('SIGTERM');
    const timer = setTimeout(() => this.kill('SIGKILL'), 15_000);
    await this.exited;
    clearTimeout(timer);
  }

  tail(lines = 30): string {
    return this.output.slice(-lines).join('\n');
  }
}

/** A fresh database on the PostgreSQL server at `serverUrl`, dropped by `drop()`. */
export async function freshPostgresDatabase(
  serverUrl: string,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export type Reply = { status: number; body: unknown };

/** A JSON API caller: a session cookie (with the app's Origin, as the browser sends) or a Bearer token. */
export class Api {
  constructor(
    public baseUrl: string,
    private readonly headers: Record<string, string> = {},
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<Reply> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        origin: this.baseUrl,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...this.headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON; keep the text for the error message
    }
    return { status: res.status, body: parsed };
  }

  async must<T>(method: string, path: string, body?: unknown): Promise<T> {
    const r = await this.request(method, path, body);
    if (r.status < 200 || r.status >= 300) {
      throw new Error(`${method} ${path} → ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    }
    return r.body as T;
  }
}

export type Workspace = {
  workspaceId: string;
  /** Bearer client acting as the workspace owner (exempt from CSRF, like any script). */
  api: Api;
  token: string;
  teamId: string;
  clientId: string;
  relationshipId: string;
};

/** Signs up an owner, makes an API token, and the objects every write needs: a team, a client, a relationship. */
export async function seedWorkspace(baseUrl: string, label: string): Promise<Workspace> {
  const stamp = `${label}-${Date.now().toString(36)}-${process.pid}`;
  const signup = await fetch(`${baseUrl}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({
      email: `${stamp}@example.com`,
      password: 'correct horse battery staple',
      name: `Owner ${label}`,
      workspaceName: `Studio ${label}`,
    }),
  });
  if (signup.status !== 201) throw new Error(`signup → ${signup.status} ${await signup.text()}`);
  const cookie = (signup.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { workspace } = (await signup.json()) as { workspace: { id: string } };
  const ws = (p: string) => `/api/v1/workspaces/${workspace.id}${p}`;
  const session = new Api(baseUrl, { cookie });
  const { token } = await session.must<{ token: string }>('POST', ws('/tokens'), {
    name: `${label} token`,
    scope: 'read_write',
  });
  const api = new Api(baseUrl, { authorization: `Bearer ${token}` });
  const team = await api.must<{ id: string }>('POST', ws('/teams'), { name: `Team ${label}` });
  const client = await api.must<{ id: string }>('POST', ws('/clients'), {
    name: `Client ${label}`,
    kind: 'external',
  });
  const relationship = await api.must<{ id: string }>('POST', ws('/relationships'), {
    clientId: client.id,
    teamId: team.id,
    cadenceDays: 30,
  });
  return {
    workspaceId: workspace.id,
    api,
    token,
    teamId: team.id,
    clientId: client.id,
    relationshipId: relationship.id,
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** `--name value` or `--name=value` from argv. */
export function flag(name: string): string | undefined {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return undefined;
  const a = args[i]!;
  return a.includes('=') ? a.slice(a.indexOf('=') + 1) : (args[i + 1] ?? '');
}

export function hasFlag(name: string): boolean {
  return process.argv.slice(2).some((a) => a === `--${name}`);
}

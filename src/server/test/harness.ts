import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config';
import { type Database, openDatabase } from '../db/open';
import type { AppDeps } from '../platform/deps';
import { startMailDelivery } from '../platform/mail';

export const ORIGIN = 'http://localhost:3000';
let counter = 0;
/** A unique string for names and emails, so tests never collide and files run in parallel. */
export function uniq(prefix = 't'): string {
  counter++;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** A copy of the migrated embedded snapshot, whatever database the run uses. */
export async function openEmbeddedTestDatabase(): Promise<Database> {
  const file = inject('pgliteSnapshot');
  if (!file) {
    // A run on PostgreSQL makes no snapshot: migrate a fresh embedded database instead.
    const fresh = await openDatabase({ kind: 'pglite', pglite: await PGlite.create('memory://') });
    await fresh.migrate();
    return fresh;
  }
  const snapshot = readFileSync(file);
  return openDatabase({ kind: 'pglite', pglite: await PGlite.create({ loadDataDir: new Blob([snapshot]) }) });
}

/** A copy of the migrated snapshot (embedded), or the run's fresh PostgreSQL database. */
export async function openTestDatabase(): Promise<Database> {
  const url = inject('testDatabaseUrl');
  if (url) return openDatabase({ kind: 'postgres', url, poolSize: 4 });
  return openEmbeddedTestDatabase();
}

type Body = Record<string, unknown> | unknown[] | string | undefined;

/** Calls the app like a browser (session cookie + same-origin header) or a script (bearer token). */
export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly headers: Record<string, string> = {},
  ) {}
  request(method: InjectOptions['method'], url: string, body?: Body, headers: Record<string, string> = {}) {
    return this.app.inject({
      method,
      url,
      headers: { origin: ORIGIN, ...this.headers, ...headers },
      ...(body === undefined
        ? {}
        : typeof body === 'string'
          ? { payload: body }
          : { payload: body as object }),
    });
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body: Body = {}) => this.request('POST', url, body);
  put = (url: string, body: Body = {}) => this.request('PUT', url, body);
  patch = (url: string, body: Body = {}) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);
}

export class Session extends Client {
  constructor(
    app: FastifyInstance,
    headers: Record<string, string>,
    readonly user: { id: string; email: string; name: string },
    readonly workspaceId: string,
  ) {
    super(app, headers);
  }
  /** `/api/v1/workspaces/<this workspace><path>` */
  ws(path: string): string {
    return `/api/v1/workspaces/${this.workspaceId}${path}`;
  }
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const c = res.cookies.find((x) => x.name === 'tf_session');
  if (!c) throw new Error(`no session cookie in response ${res.statusCode}: ${res.body}`);
  return `tf_session=${c.value}`;
}

export type TestApp = {
  app: FastifyInstance;
  database: Database;
  deps: AppDeps;
  anonymous: Client;
  /** Signs up a new person with their own workspace. */
  signup(): Promise<Session>;
  /** Invites a new person into `owner`'s workspace with `role`, accepts by the emailed link, returns their session. */
  addMember(owner: Session, role: 'owner' | 'admin' | 'member'): Promise<Session>;
  /** An API token in `owner`'s workspace, used as a Bearer client. */
  tokenClient(owner: Session, scope?: 'read' | 'read_write'): Promise<Client & { tokenId: string }>;
  close(): Promise<void>;
};

export async function createTestApp(
  overrides: Partial<Config> = {},
  now?: () => Date,
  // Tests sign up many people from one address; the per-IP limit has its own test.
  limits: Pick<
    AppDeps,
    | 'loginAttemptsPerMinute'
    | 'authAttemptsPerIpPerMinute'
    | 'portalLinksPerEmailPerMinute'
    | 'portalAttemptsPerIpPerMinute'
  > = {
    authAttemptsPerIpPerMinute: 10_000,
  },
  /** A database to use instead of the run's (an embedded one while the run uses PostgreSQL, say). */
  database: Database | undefined = undefined,
): Promise<TestApp> {
  database ??= await openTestDatabase();
  const config: Config = {
    ...loadConfig({ DATA_DIR: '/nonexistent', PUBLIC_URL: ORIGIN, LOG_LEVEL: 'silent' }),
    sessionSecret: 'test-secret-test-secret-test-secret-00',
    ...overrides,
  };
  const mail = startMailDelivery(database.db, {
    smtpUrl: config.smtpUrl,
    from: config.smtpFrom,
    intervalMs: 200,
  });
  const deps: AppDeps = {
    db: database.db,
    config,
    mail,
    now: now ?? (() => new Date()),
    ...limits,
  };
  const app = await buildApp(deps, { serveWeb: false });
  await app.ready();
  const anonymous = new Client(app);

  async function signup(): Promise<Session> {
    const email = `${uniq('user')}@example.com`;
    const res = await anonymous.post('/api/v1/auth/signup', {
      email,
      password: 'correct horse battery',
      name: `Person ${uniq('n')}`,
      workspaceName: `Studio ${uniq('w')}`,
    });
    if (res.statusCode !== 201) throw new Error(`signup failed: ${res.statusCode} ${res.body}`);
    const body = res.json() as { user: Session['user']; workspace: { id: string } };
    return new Session(app, { cookie: cookieFrom(res) }, body.user, body.workspace.id);
  }

  async function addMember(owner: Session, role: 'owner' | 'admin' | 'member'): Promise<Session> {
    const email = `${uniq('invitee')}@example.com`;
    const inv = await owner.post(owner.ws('/invitations'), { email, role });
    if (inv.statusCode !== 201) throw new Error(`invite failed: ${inv.statusCode} ${inv.body}`);
    const outbox = await owner.get(owner.ws('/outbox?limit=200'));
    const msg = (outbox.json() as { items: { to: string; text: string }[] }).items.find(
      (m) => m.to === email,
    );
    const token = /\/invite\/([^\s]+)/.exec(msg?.text ?? '')?.[1];
    if (!token) throw new Error('invitation email not found in outbox');
    const res = await anonymous.post('/api/v1/invitations/accept', {
      token,
      name: 'Invited Person',
      password: 'another good password',
    });
    if (res.statusCode !== 200) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
    const body = res.json() as { user: Session['user'] };
    return new Session(app, { cookie: cookieFrom(res) }, body.user, owner.workspaceId);
  }

  async function tokenClient(owner: Session, scope: 'read' | 'read_write' = 'read_write') {
    const res = await owner.post(owner.ws('/tokens'), { name: uniq('token'), scope });
    if (res.statusCode !== 201) throw new Error(`token failed: ${res.statusCode} ${res.body}`);
    const body = res.json() as { id: string; token: string };
    return Object.assign(new Client(app, { authorization: `Bearer ${body.token}` }), { tokenId: body.id });
  }

  return {
    app,
    database,
    deps,
    anonymous,
    signup,
    addMember,
    tokenClient,
    async close() {
      await app.close();
      await mail.stop();
      await database.close();
    },
  };
}

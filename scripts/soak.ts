/**
 * `npm run soak [-- --duration 60] [--connections 100]`: the real server under mixed load.
 *
 * Starts the server (embedded database in a temp folder; a fresh database on DATABASE_URL's server when set),
 * seeds a workspace, then autocannon holds 100 connections for 60 s, each request drawn from a mix of reads
 * (lists of teams, clients, relationships; a relationship and its touchpoints) and writes (touchpoints,
 * contacts). Reports req/s, p50/p95/p99 per kind and overall, errors, timeouts and non-2xx; exits non-zero
 * on any error, timeout or non-2xx answer (every request in the mix is valid, so anything else is a bug).
 * Requests go only to 127.0.0.1. `--profile <dir>` leaves a CPU profile of the server in <dir>.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  flag,
  freePort,
  freshPostgresDatabase,
  RealServer,
  seedWorkspace,
  type Target,
  type Workspace,
} from './real-server';

type Request = { method: string; path: string; headers: Record<string, string>; body?: string };
type Context = { kind?: string; sentAt?: number };
type Result = {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodeStats: Record<string, { count: number }>;
  duration: number;
};
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  timeout: number;
  requests: Array<{
    setupRequest(req: Request, context: Context): Request;
    onResponse(status: number, body: string, context: Context): void;
  }>;
}) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const duration = Number(flag('duration') ?? 60);
const connections = Number(flag('connections') ?? 100);
/** `--profile <dir>`: the server writes a V8 CPU profile there when it stops (open it in Chrome DevTools). */
const profileDir = flag('profile');

type Mix = {
  kind: string;
  weight: number;
  build(ws: Workspace, seeded: Seeded, n: number): Omit<Request, 'headers'>;
};
type Seeded = { clientIds: string[]; relationshipIds: string[] };
const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const api = (ws: Workspace, p: string) => `/api/v1/workspaces/${ws.workspaceId}${p}`;

const mix: Mix[] = [
  { kind: 'list teams', weight: 12, build: (ws) => ({ method: 'GET', path: api(ws, '/teams?limit=50') }) },
  {
    kind: 'list clients',
    weight: 12,
    build: (ws) => ({ method: 'GET', path: api(ws, '/clients?limit=50') }),
  },
  {
    kind: 'list relationships',
    weight: 12,
    build: (ws) => ({ method: 'GET', path: api(ws, '/relationships?limit=50') }),
  },
  {
    kind: 'get relationship',
    weight: 12,
    build: (ws, s) => ({ method: 'GET', path: api(ws, `/relationships/${pick(s.relationshipIds)}`) }),
  },
  {
    kind: 'touchpoints page',
    weight: 17,
    build: (ws, s) => ({
      method: 'GET',
      path: api(ws, `/relationships/${pick(s.relationshipIds)}/touchpoints?limit=50`),
    }),
  },
  {
    kind: 'create touchpoint',
    weight: 25,
    build: (ws, s, n) => ({
      method: 'POST',
      path: api(ws, `/relationships/${pick(s.relationshipIds)}/touchpoints`),
      body: JSON.stringify({
        kind: pick(['meeting', 'call', 'email', 'immersion']),
        initiatedBy: pick(['client', 'provider']),
        occurredAt: new Date().toISOString(),
        summary: `Soak touchpoint ${n}: talked about next quarter`,
        visibility: pick(['internal', 'shared']),
      }),
    }),
  },
  {
    kind: 'create contact',
    weight: 10,
    build: (ws, s, n) => ({
      method: 'POST',
      path: api(ws, `/clients/${pick(s.clientIds)}/contacts`),
      body: JSON.stringify({ name: `Soak Contact ${n}`, email: `soak-${n}-${process.pid}@client.example` }),
    }),
  },
];
const totalWeight = mix.reduce((a, m) => a + m.weight, 0);
function draw(): Mix {
  let r = Math.random() * totalWeight;
  for (const m of mix) {
    r -= m.weight;
    if (r < 0) return m;
  }
  return mix[0]!;
}

async function seed(ws: Workspace): Promise<Seeded> {
  const clientIds = [ws.clientId];
  const relationshipIds = [ws.relationshipId];
  for (let i = 1; i <= 4; i++) {
    const c = await ws.api.must<{ id: string }>('POST', api(ws, '/clients'), {
      name: `Soak client ${i}`,
      kind: 'external',
    });
    const r = await ws.api.must<{ id: string }>('POST', api(ws, '/relationships'), {
      clientId: c.id,
      teamId: ws.teamId,
      cadenceDays: 30,
    });
    clientIds.push(c.id);
    relationshipIds.push(r.id);
  }
  for (let i = 0; i < 60; i++) {
    await ws.api.must(
      'POST',
      api(ws, `/relationships/${relationshipIds[i % relationshipIds.length]}/touchpoints`),
      {
        kind: 'meeting',
        initiatedBy: i % 2 ? 'client' : 'provider',
        occurredAt: new Date(Date.now() - i * 86_400_000).toISOString(),
        summary: `Seeded touchpoint ${i}`,
        visibility: 'internal',
      },
    );
  }
  return { clientIds, relationshipIds };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Numbers every request of the run, so created names and emails are unique. */
let sent = 0;

/** Runs the mix for `duration` seconds on `connections` connections; latencies and statuses per kind. */
async function load(url: string, ws: Workspace, seeded: Seeded, connections: number, duration: number) {
  const latencies = new Map<string, number[]>();
  const statuses = new Map<string, Map<number, number>>();
  const result = await autocannon({
    url,
    connections,
    duration,
    timeout: 10,
    requests: [
      {
        setupRequest(req, context) {
          const m = draw();
          context.kind = m.kind;
          context.sentAt = performance.now();
          const built = m.build(ws, seeded, sent++);
          return {
            ...req,
            ...built,
            headers: {
              authorization: `Bearer ${ws.token}`,
              ...(built.body ? { 'content-type': 'application/json' } : {}),
            },
          };
        },
        onResponse(status, _body, context) {
          const kind = context.kind ?? '?';
          if (context.sentAt !== undefined) {
            const list = latencies.get(kind) ?? [];
            list.push(performance.now() - context.sentAt);
            latencies.set(kind, list);
          }
          const byStatus = statuses.get(kind) ?? new Map<number, number>();
          byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
          statuses.set(kind, byStatus);
        },
      },
    ],
  });
  return { result, latencies, statuses };
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  let target: Target;
  let cleanup: () => Promise<void>;
  if (serverUrl) {
    const db = await freshPostgresDatabase(serverUrl, 'twofold_soak');
    target = { kind: 'postgres', url: db.url };
    cleanup = db.drop;
  } else {
    const dataDir = mkdtempSync(join(tmpdir(), 'twofold-soak-'));
    target = { kind: 'embedded', dataDir };
    cleanup = async () => rmSync(dataDir, { recursive: true, force: true });
  }
  const label = target.kind === 'embedded' ? 'embedded (PGlite)' : 'PostgreSQL';
  let server: RealServer | undefined;
  let failed = true;
  try {
    const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
    server = await RealServer.start(target, await freePort(), nodeArgs);
    const ws = await seedWorkspace(server.baseUrl, 'soak');
    const seeded = await seed(ws);
    console.log(`soak: ${label} at ${server.baseUrl}`);

    // A short warm-up (JIT, first queries, connection setup) is not part of the figures, but must not fail either.
    const warm = await load(server.baseUrl, ws, seeded, Math.min(10, connections), Math.min(3, duration));
    console.log(
      `soak: ${connections} connections for ${duration} s (after a ${warm.result.duration} s warm-up)`,
    );
    const { result, latencies, statuses } = await load(server.baseUrl, ws, seeded, connections, duration);

    const all = [...latencies.values()].flat().sort((a, b) => a - b);
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    for (const m of mix) {
      const l = (latencies.get(m.kind) ?? []).sort((a, b) => a - b);
      const codes = [...(statuses.get(m.kind) ?? new Map<number, number>()).entries()]
        .map(([c, k]) => `${c}×${k}`)
        .join(' ');
      console.log(
        `  ${m.kind.padEnd(20)} ${String(l.length).padStart(7)} req  p50 ${ms(percentile(l, 50)).padStart(7)}  ` +
          `p95 ${ms(percentile(l, 95)).padStart(7)}  p99 ${ms(percentile(l, 99)).padStart(7)}  ${codes}`,
      );
    }
    const fiveXx = Object.entries(result.statusCodeStats)
      .filter(([code]) => Number(code) >= 500)
      .reduce((a, [, v]) => a + v.count, 0);
    failed = [result, warm.result].some((r) => r.errors > 0 || r.timeouts > 0 || r.non2xx > 0);
    console.log(
      `soak ${label}: ${result.requests.total} requests in ${result.duration} s, ${result.requests.average.toFixed(0)} req/s, ` +
        `p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}, p99 ${ms(percentile(all, 99))}, ` +
        `max ${ms(all.at(-1) ?? 0)}; ${result.errors} errors, ${result.timeouts} timeouts, ` +
        `${result.non2xx} non-2xx (${fiveXx} 5xx)` +
        `${warm.result.non2xx + warm.result.errors > 0 ? `; warm-up: ${warm.result.errors} errors, ${warm.result.non2xx} non-2xx` : ''}` +
        `${failed ? ' — FAILED' : ''}`,
    );
    if (failed && server) console.log(server.tail());
  } finally {
    await server?.stop();
    await cleanup();
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});

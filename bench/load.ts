// Driving load: autocannon against the app, and the same number of floor statements against the database,
// both with the same concurrency. Latencies are collected the same way on both sides (each request's or
// statement's own time, including its wait in any queue), so their percentiles compare like with like.
import autocannon, { type Result } from 'autocannon';
import type { Measured } from './datasets';
import type { BenchPath } from './paths';
import type { SqlClient } from './sql';

export type Stats = {
  count: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
};

export function stats(latencies: number[], seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  // Nearest rank: the smallest latency with at least p% of the samples at or below it.
  const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    count: sorted.length,
    seconds: round(seconds),
    rps: round(sorted.length / seconds),
    p50: round(at(50)),
    p95: round(at(95)),
    p99: round(at(99)),
  };
}

export type AppTarget = { baseUrl: string; cookie: string; measured: Measured };

/** One autocannon run; a warm-up starts the rotation at another `offset` (writes then differ), like the floor's. */
async function cannon(
  target: AppTarget,
  path: BenchPath,
  connections: number,
  seconds: number,
  offset: number,
): Promise<{ latencies: number[]; seconds: number; failures: string | undefined }> {
  const make = path.app!;
  let n = offset;
  const first = make(target.measured, n);
  const latencies: number[] = [];
  const started = performance.now();
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.baseUrl,
        connections,
        duration: seconds,
        headers: {
          cookie: target.cookie,
          origin: target.baseUrl,
          ...(first.body ? { 'content-type': 'application/json' } : {}),
        },
        requests: [
          {
            method: first.method,
            setupRequest: (req) => {
              const r = make(target.measured, n++);
              return { ...req, method: r.method, path: r.path, ...(r.body ? { body: r.body } : {}) };
            },
          },
        ],
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      if (status < 400) latencies.push(ms);
    });
  });
  const elapsed = (performance.now() - started) / 1000;
  const bad = result.non2xx + result.errors + result.timeouts;
  const failures = bad
    ? `${bad} failed of ${result.requests.total} (${JSON.stringify(result.statusCodeStats)})`
    : undefined;
  return { latencies, seconds: Math.min(elapsed, result.duration || elapsed), failures };
}

export async function runApp(
  target: AppTarget,
  path: BenchPath,
  o: { connections: number; seconds: number; warmupSeconds: number },
): Promise<Stats & { failures?: string }> {
  if (o.warmupSeconds > 0) await cannon(target, path, o.connections, o.warmupSeconds, 100_000);
  const run = await cannon(target, path, o.connections, o.seconds, 0);
  if (!run.failures) return stats(run.latencies, run.seconds);
  // Say why: one failing request's answer is usually enough.
  const r = path.app!(target.measured, 0);
  const res = await fetch(`${target.baseUrl}${r.path}`, {
    method: r.method,
    headers: { cookie: target.cookie, origin: target.baseUrl, 'content-type': 'application/json' },
    ...(r.body ? { body: r.body } : {}),
  });
  const sample = `${res.status} ${(await res.text()).slice(0, 300)}`;
  return { ...stats(run.latencies, run.seconds), failures: `${run.failures}; e.g. ${sample}` };
}

/** Runs statements 0…count-1 of the path's floor with `connections` of them in flight at a time. */
async function pour(
  db: SqlClient,
  path: BenchPath,
  measured: Measured,
  count: number,
  connections: number,
  offset: number,
): Promise<{ latencies: number[]; seconds: number }> {
  const make = path.floor!;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const n = offset + next++;
      const s = make(measured, n);
      const t0 = performance.now();
      await db.query(s.text, s.params);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

export async function runFloor(
  db: SqlClient,
  path: BenchPath,
  measured: Measured,
  o: { connections: number; count: number; warmupCount: number },
): Promise<Stats> {
  if (o.warmupCount > 0) await pour(db, path, measured, o.warmupCount, o.connections, 100_000);
  const run = await pour(db, path, measured, o.count, o.connections, 0);
  return stats(run.latencies, run.seconds);
}

// Driving load in slices: a slice of autocannon against the app (a fixed number of requests, every one
// answered before the slice ends, so no abandoned request keeps the server busy into the next slice), then
// a slice of exactly as many floor statements against the database with the same concurrency. The runner
// alternates slices (app, floor; S, L), so a neighbour's burst of CPU on this shared machine lands on both
// sides of every ratio instead of one. Latencies are collected the same way on both sides (each request's
// or statement's own time, including its wait in any queue), so their percentiles compare like with like.
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

/** Latencies and busy time gathered over several slices. */
export class Tally {
  latencies: number[] = [];
  seconds = 0;
  failures: string[] = [];

  add(slice: { latencies: number[]; seconds: number; failures?: string }): void {
    this.latencies.push(...slice.latencies);
    this.seconds += slice.seconds;
    if (slice.failures) this.failures.push(slice.failures);
  }

  stats(): Stats {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    // Nearest rank: the smallest latency with at least p% of the samples at or below it.
    const at = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
    const round = (x: number) => Math.round(x * 100) / 100;
    return {
      count: sorted.length,
      seconds: round(this.seconds),
      rps: round(sorted.length / this.seconds),
      p50: round(at(50)),
      p95: round(at(95)),
      p99: round(at(99)),
    };
  }
}

export type AppTarget = { baseUrl: string; cookie: string; measured: Measured };
export type Slice = { latencies: number[]; seconds: number; failures?: string };

/** `amount` requests through autocannon; request n (from `offset` on) is the path's n-th request. */
export async function appSlice(
  target: AppTarget,
  path: BenchPath,
  connections: number,
  amount: number,
  offset: number,
): Promise<Slice> {
  const make = path.app!;
  let n = offset;
  const first = make(target.measured, n);
  const latencies: number[] = [];
  const started = performance.now();
  let lastAnswer = started;
  const result = await new Promise<Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: target.baseUrl,
        connections,
        amount,
        // A slow answer is a latency to report, not a failure: only a stuck server should time out.
        timeout: 120,
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
      lastAnswer = performance.now();
      if (status < 400) latencies.push(ms);
    });
  });
  // Autocannon notices that the amount is reached only on its next sampling tick: the slice lasts from the
  // start to the last answer, not to when autocannon returns.
  const seconds_ = (lastAnswer - started) / 1000;
  const bad = result.non2xx + result.errors + result.timeouts;
  if (!bad) return { latencies, seconds: seconds_ };
  return { latencies, seconds: seconds_, failures: await explainFailure(target, path, bad, result) };
}

/** One failing request's answer usually says why. */
async function explainFailure(target: AppTarget, path: BenchPath, bad: number, result: Result) {
  const r = path.app!(target.measured, 0);
  const res = await fetch(`${target.baseUrl}${r.path}`, {
    method: r.method,
    headers: { cookie: target.cookie, origin: target.baseUrl, 'content-type': 'application/json' },
    ...(r.body ? { body: r.body } : {}),
  });
  const sample = `${res.status} ${(await res.text()).slice(0, 300)}`;
  return `${bad} failed of ${result.requests.total} (${JSON.stringify(result.statusCodeStats)}), e.g. ${sample}`;
}

/** Floor statements offset…offset+count-1, `connections` of them in flight at a time. */
export async function floorSlice(
  db: SqlClient,
  path: BenchPath,
  measured: Measured,
  count: number,
  connections: number,
  offset: number,
): Promise<Slice> {
  const make = path.floor!;
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < count) {
      const s = make(measured, offset + next++);
      const t0 = performance.now();
      await db.query(s.text, s.params);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return { latencies, seconds: (performance.now() - started) / 1000 };
}

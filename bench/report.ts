// The results file and the Markdown table: every figure next to its target from issue 9.
import type { ScaleName } from './generate';
import type { Stats } from './load';
import type { JsSizes, PortfolioRender } from './web';

export type PathResult = {
  key: string;
  title: string;
  kind: 'read' | 'write';
  /** Why the path is not measured (`notBuilt`: the route, in results written before 2026-11-22 evening). */
  pending?: string;
  notBuilt?: string;
  byScale: Partial<Record<ScaleName, { app: Stats & { failures?: string }; floor: Stats }>>;
};

export type Results = {
  date: string;
  db: 'pglite' | 'postgres';
  quick: boolean;
  /** `warmUpRounds`: absent in runs before 2026-11-24's last, which warmed up with one round of 30 requests. */
  settings: { connections: number; rounds: number; sliceSeconds: number; warmUpRounds?: number };
  machine: { cpus: number; node: string };
  generation: Partial<
    Record<ScaleName, { ms: number; cached: boolean; counts: Record<string, number>; tenant: string }>
  >;
  paths: PathResult[];
  /** The server's memory: after start and login, and after every run (VmRSS, and VmHWM as the peak). */
  serverRss: Partial<Record<ScaleName, { startMb: number; rssMb: number; peakMb: number }>>;
  js?: JsSizes;
  /** The portfolio page in Chromium, per scale (from 2026-11-23). */
  portfolioRender?: Partial<Record<ScaleName, PortfolioRender>>;
  /** Earlier runs: the relationships page standing in for the portfolio page before it existed. */
  render?: { firstPageMs: number; rows: number; lastStepMs: number; totalMs: number; note: string };
  csvImport: {
    notBuilt?: string;
    rows?: number;
    totalMs?: number;
    rowsPerSecond?: number;
    rejected?: number;
  };
};

export const targets = {
  overhead: 1.5,
  growth: 1.5,
  rssMb: 256,
  initialJsKb: 250,
  renderMs: 1000,
  csvImportS: 30,
};

const pendingOf = (p: PathResult) =>
  p.pending ?? (p.notBuilt ? `not built yet (\`${p.notBuilt}\`)` : undefined);
const ratio = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '—');
const mark = (ok: boolean) => (ok ? '✅ pass' : '❌ miss');

/**
 * Overhead, two ways, both app over floor at the same concurrency and count: the median latency ratio (the
 * same kind of ratio as growth, and steady when this shared machine stalls for a few seconds now and then)
 * and the throughput ratio (the capacity an answer costs, which such a stall drags down). A path meets the
 * target only when both do.
 */
export const overheadOf = (r: { app: Stats; floor: Stats }) => r.app.p50 / r.floor.p50;
const throughputRatio = (r: { app: Stats; floor: Stats }) => r.floor.rps / r.app.rps;
const worstOverhead = (r: { app: Stats; floor: Stats }) => Math.max(overheadOf(r), throughputRatio(r));
/** Growth: the app's median latency at L over the same at S. */
export function growthOf(p: PathResult): number {
  const s = p.byScale.S;
  const l = p.byScale.L;
  return s && l ? l.app.p50 / s.app.p50 : Number.NaN;
}

function pathsTable(r: Results): string[] {
  const lines = [
    '| path | scale | app req/s | app p50 / p95 / p99 ms | floor /s | floor p50 / p95 / p99 ms | overhead (p50) | by throughput | target |',
    '|---|---|--:|--:|--:|--:|--:|--:|---|',
  ];
  for (const p of r.paths) {
    if (pendingOf(p)) {
      lines.push(`| ${p.title} | — | ${pendingOf(p)} | | | | | | ≤ ${targets.overhead}× |`);
      continue;
    }
    for (const [scale, m] of Object.entries(p.byScale)) {
      const o = overheadOf(m);
      const target =
        p.kind === 'read' ? `≤ ${targets.overhead}× ${mark(worstOverhead(m) <= targets.overhead)}` : 'info';
      lines.push(
        `| ${p.title} | ${scale} | ${m.app.rps} | ${m.app.p50} / ${m.app.p95} / ${m.app.p99} | ${m.floor.rps} | ${m.floor.p50} / ${m.floor.p95} / ${m.floor.p99} | ${ratio(o)} | ${ratio(throughputRatio(m))} | ${target} |` +
          (m.app.failures ? ` ⚠ ${m.app.failures}` : ''),
      );
    }
  }
  return lines;
}

/**
 * The portfolio page: median over fresh-context loads of navigation start → `portfolio:rendered`, with the
 * request and answer marks in between. The target names 1,000 relationships (scale S); L's tenant is shown too.
 */
function portfolioRows(r: Results): string[] {
  const byScale = Object.entries(r.portfolioRender ?? {});
  if (byScale.length === 0) {
    // Runs before the page existed measured a stand-in (the `render` row below).
    const why = r.render ? 'not built yet' : 'not measured';
    return [
      `| portfolio of 1,000 relationships rendered in Chromium | ${why} | < ${targets.renderMs} ms | — |`,
    ];
  }
  return byScale.map(([scale, x]) => {
    const m = x.median;
    const what = `${scale}: rendered ${m.renderedMs} ms after navigation start (data requested at ${m.requestedMs} ms, answered at ${m.answeredMs} ms); median of ${x.loads} fresh loads, slowest ${x.worstMs} ms`;
    const title =
      x.relationships === 1000
        ? 'portfolio of 1,000 relationships rendered in Chromium'
        : `portfolio of ${x.relationships.toLocaleString('en')} relationships rendered in Chromium`;
    return `| ${title} | ${what} | < ${targets.renderMs} ms | ${mark(m.renderedMs < targets.renderMs)} |`;
  });
}

function targetsTable(r: Results): string[] {
  const lines = ['| figure | measured | target | result |', '|---|---|---|---|'];
  for (const p of r.paths.filter((x) => x.kind === 'read')) {
    if (pendingOf(p)) {
      lines.push(`| overhead and growth: ${p.title} | ${pendingOf(p)} | ≤ ${targets.overhead}× | — |`);
      continue;
    }
    const scales = Object.entries(p.byScale);
    const shown = scales.map(
      ([s, m]) => `${s} ${ratio(overheadOf(m))} (throughput ${ratio(throughputRatio(m))})`,
    );
    const worst = Math.max(...scales.map(([, m]) => worstOverhead(m)));
    lines.push(
      `| overhead over the floor: ${p.title} | ${shown.join(', ')} | ≤ ${targets.overhead}× | ${mark(worst <= targets.overhead)} |`,
    );
    const g = growthOf(p);
    if (Number.isFinite(g)) {
      const floorG = p.byScale.L!.floor.p50 / p.byScale.S!.floor.p50;
      lines.push(
        `| growth L/S (p50): ${p.title} | ${ratio(g)} (floor ${ratio(floorG)}) | ≤ ${targets.growth}× | ${mark(g <= targets.growth)} |`,
      );
    }
  }
  for (const p of r.paths.filter((x) => x.kind === 'write' && !pendingOf(x))) {
    const o = Object.entries(p.byScale).map(([s, m]) => `${s} ${ratio(overheadOf(m))}`);
    lines.push(`| ${p.title}: app over floor | ${o.join(', ')} | none (write) | info |`);
  }
  const imp = r.csvImport;
  lines.push(
    imp.totalMs !== undefined && imp.rows
      ? `| CSV import, ${imp.rows.toLocaleString('en-GB')} contacts, embedded | ${(imp.totalMs / 1000).toFixed(1)} s upload to done (${imp.rowsPerSecond} rows/s, ${imp.rejected} rejected) | < ${targets.csvImportS} s for 100,000 | ${imp.rows >= 100_000 ? mark(imp.totalMs / 1000 < targets.csvImportS) : 'info'} |`
      : `| CSV import, 100k contacts, embedded | ${imp.notBuilt ?? 'not measured'} | < ${targets.csvImportS} s | — |`,
  );
  const rss = r.serverRss.L;
  if (rss) {
    const atS = r.serverRss.S ? `; at S ${r.serverRss.S.rssMb} MB` : '';
    lines.push(
      `| server RSS at scale L | ${rss.rssMb} MB (peak ${rss.peakMb} MB, ${rss.startMb} MB after start${atS}) | < ${targets.rssMb} MB | ${mark(rss.peakMb < targets.rssMb)} |`,
    );
  }
  if (r.js) {
    lines.push(
      `| initial JS, gzip | ${r.js.initialKb} KB in ${r.js.initialFiles} files (lazy: ${r.js.lazyKb} KB in ${r.js.lazyFiles}) | ≤ ${targets.initialJsKb} KB | ${mark(r.js.initialKb <= targets.initialJsKb)} |`,
    );
  }
  lines.push(...portfolioRows(r));
  if (r.render) {
    const x = r.render;
    lines.push(
      `| stand-in: ${x.note}, Chromium | first 50 rows ${x.firstPageMs} ms after navigation; ${x.rows} rows re-rendered in ${x.lastStepMs} ms (last "Load more"), ${x.totalMs} ms from navigation | < ${targets.renderMs} ms for 1,000 | ${x.rows >= 1000 ? mark(x.lastStepMs < targets.renderMs) : 'info'} |`,
    );
  }
  const gen = Object.entries(r.generation).map(
    ([s, g]) => `${s} ${(g.ms / 1000).toFixed(1)} s${g.cached ? ' (cached)' : ''}`,
  );
  lines.push(`| data generation | ${gen.join(', ')} | fast (bulk) | info |`);
  return lines;
}

const warmUp = (r: Results) =>
  r.settings.warmUpRounds ? `${r.settings.warmUpRounds} warm-up rounds` : 'a warm-up slice of 30 requests';

export function markdown(r: Results): string {
  const tenants = Object.entries(r.generation)
    .map(([s, g]) => `${s}: ${g.tenant}`)
    .join('; ');
  return [
    `### ${r.date}, ${r.db === 'pglite' ? 'embedded (PGlite)' : 'PostgreSQL'}${r.quick ? ', quick' : ''}`,
    '',
    `${r.settings.connections} connections; per path and scale ${r.settings.rounds} slices of about ${r.settings.sliceSeconds} s (a fixed number of requests, sized by ${warmUp(r)}), ` +
      `each followed by the floor: the same number of statements with the same concurrency, on a copy of the same data. ` +
      `${r.machine.cpus} cores, Node ${r.machine.node}. ` +
      `Measured tenant — ${tenants}.`,
    '',
    ...targetsTable(r),
    '',
    ...pathsTable(r),
    '',
  ].join('\n');
}

// The web app's side: how much JS a first visit downloads, and how long the portfolio page takes to show in Chromium.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const webRoot = new URL('../dist/web', import.meta.url).pathname;

/** Builds the web app from the current sources, for production: a leftover build (say, a test's) is not measured. */
export async function ensureWebBuilt(log: (m: string) => void): Promise<void> {
  log('building the web app (vite build)…');
  process.env.NODE_ENV = 'production';
  const { build } = await import('vite');
  await build({ logLevel: 'warn', mode: 'production' });
}

const gzipSize = (file: string) =>
  existsSync(`${file}.gz`)
    ? readFileSync(`${file}.gz`).length
    : gzipSync(readFileSync(file), { level: 9 }).length;

/** Relative static imports of a built chunk (`import"./x.js"`, `from"./x.js"`), not `import("./x.js")`. */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\/[^"']+\.js)["']/g)) found.add(m[1]!);
  return [...found];
}

export type JsSizes = { initialKb: number; initialFiles: number; lazyKb: number; lazyFiles: number };

/**
 * Initial JS = the entry scripts and modulepreloads index.html names, plus everything they import statically
 * (a browser cannot start without them); lazy = every other chunk. Sizes are gzip, as served.
 */
export function jsSizes(): JsSizes {
  const html = readFileSync(join(webRoot, 'index.html'), 'utf8');
  const named = [
    ...html.matchAll(/<script[^>]*\bsrc="\/([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g),
  ].map((m) => m[1]!);
  const initial = new Set<string>();
  const queue = [...named];
  while (queue.length > 0) {
    const rel = queue.pop()!;
    if (initial.has(rel)) continue;
    initial.add(rel);
    const dir = rel.slice(0, rel.lastIndexOf('/') + 1);
    for (const imp of staticImports(readFileSync(join(webRoot, rel), 'utf8'))) {
      queue.push(join(dir, imp));
    }
  }
  const all = readdirSync(join(webRoot, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const lazy = all.filter((f) => !initial.has(f));
  const kb = (files: string[]) =>
    Math.round(files.reduce((sum, f) => sum + gzipSize(join(webRoot, f)), 0) / 102.4) / 10;
  return {
    initialKb: kb([...initial]),
    initialFiles: initial.size,
    lazyKb: kb(lazy),
    lazyFiles: lazy.length,
  };
}

/** One load of the portfolio page, from the page's own performance marks (ms after navigation start). */
export type PortfolioLoad = {
  /** `portfolio:requested`: the page asked for /insights/portfolio. */
  requestedMs: number;
  /** The answer's last byte arrived (the request's resource timing). */
  answeredMs: number;
  /** `portfolio:rendered`: the answer is on screen (the effect after its commit). */
  renderedMs: number;
};

export type PortfolioRender = {
  relationships: number;
  /** Loads counted (a warm-up load before them is not). */
  loads: number;
  /** Median of each mark over the counted loads. */
  median: PortfolioLoad;
  /** The slowest counted load's `renderedMs`. */
  worstMs: number;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The portfolio (home) page in Chromium, logged in as the bench user: each load in a fresh browser context
 * (empty HTTP cache, like a first visit), reading the marks the page sets itself — navigation start → data
 * requested → data rendered. One warm-up load, then `loads` counted.
 */
export async function renderPortfolio(
  baseUrl: string,
  cookie: string,
  workspaceId: string,
  relationships: number,
  loads: number,
): Promise<PortfolioRender> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
  try {
    const counted: PortfolioLoad[] = [];
    for (let i = 0; i <= loads; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        const [name, ...value] = cookie.split('=');
        await context.addCookies([{ name: name!, value: value.join('='), url: baseUrl }]);
        const page = await context.newPage();
        await page.goto(`${baseUrl}/w/${workspaceId}`);
        await page.waitForFunction(
          () => performance.getEntriesByName('portfolio:rendered').length > 0,
          null,
          {
            timeout: 60_000,
          },
        );
        // No named helpers inside: the TypeScript loader would wrap them in a function the page lacks.
        const load = await page.evaluate(() => ({
          requestedMs: performance.getEntriesByName('portfolio:requested')[0]?.startTime ?? Number.NaN,
          answeredMs:
            (
              performance.getEntriesByType('resource').find((e) => e.name.includes('/insights/portfolio')) as
                | PerformanceResourceTiming
                | undefined
            )?.responseEnd ?? Number.NaN,
          renderedMs: performance.getEntriesByName('portfolio:rendered')[0]?.startTime ?? Number.NaN,
        }));
        if (i > 0) counted.push(load);
        // The page goes on to ask for more (the balance summary, the first steps' lists); each load is a
        // first visit, so the next starts once those are answered, not while the server still computes them.
        await page.waitForLoadState('networkidle', { timeout: 60_000 });
      } finally {
        await context.close();
      }
    }
    const med = (k: keyof PortfolioLoad) => Math.round(median(counted.map((l) => l[k])));
    return {
      relationships,
      loads: counted.length,
      median: {
        requestedMs: med('requestedMs'),
        answeredMs: med('answeredMs'),
        renderedMs: med('renderedMs'),
      },
      worstMs: Math.round(Math.max(...counted.map((l) => l.renderedMs))),
    };
  } finally {
    await browser.close();
  }
}

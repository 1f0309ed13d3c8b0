// The web app's side: how much JS a first visit downloads, and how long a big list takes to show in Chromium.
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

export type RenderTimes = {
  /** Navigation start → the first 50 rows on screen. */
  firstPageMs: number;
  rows: number;
  /** The last "Load more": click → all `rows` on screen, i.e. one render of the whole list. */
  lastStepMs: number;
  /** Navigation start → all `rows` on screen. */
  totalMs: number;
};

/**
 * The relationships page in Chromium, logged in as the bench user: time to the first 50 rows, then "Load more"
 * (the list's only way to show more) until `want` rows or the time budget is spent.
 */
export async function renderRelationships(
  baseUrl: string,
  cookie: string,
  workspaceId: string,
  want: number,
  budgetMs: number,
): Promise<RenderTimes> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const [name, ...value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value.join('='), url: baseUrl }]);
    const page = await context.newPage();
    const rows = () => page.locator('tbody tr').count();
    await page.goto(`${baseUrl}/w/${workspaceId}/relationships`);
    await page.waitForFunction(() => document.querySelectorAll('tbody tr').length >= 50, null, {
      timeout: 60_000,
    });
    const firstPageMs = await page.evaluate(() => {
      performance.mark('bench:first-page');
      return performance.now();
    });
    const more = page.getByRole('button', { name: 'Load more' });
    let lastStepMs = firstPageMs;
    const deadline = Date.now() + budgetMs;
    while ((await rows()) < want && (await more.count()) > 0 && Date.now() < deadline) {
      const before = await rows();
      const t0 = await page.evaluate(() => performance.now());
      await more.click();
      await page.waitForFunction((n) => document.querySelectorAll('tbody tr').length > n, before, {
        timeout: 60_000,
      });
      lastStepMs = (await page.evaluate(() => performance.now())) - t0;
    }
    const totalMs = await page.evaluate(() => {
      performance.mark('bench:all-rows');
      return performance.now();
    });
    return {
      firstPageMs: Math.round(firstPageMs),
      rows: await rows(),
      lastStepMs: Math.round(lastStepMs),
      totalMs: Math.round(totalMs),
    };
  } finally {
    await browser.close();
  }
}

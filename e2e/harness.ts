import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const screenshots = join(root, 'e2e', 'screenshots');

/** A port nobody listens on right now (the OS picks it; we release it for the server to take). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Servers still running, killed if the test process ends without stopping them (a crash or a timeout). */
const running = new Set<number>();
process.once('exit', () => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

export type RunningServer = {
  url: string;
  /** What the server printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
};

/**
 * Starts the real server (`src/server/main.ts`) as its own process group on a fresh embedded database,
 * exactly as a person would run it, and waits until it answers /healthz.
 */
export async function startServer(
  options: { demo?: boolean; smtpUrl?: string } = {},
): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'twofold-e2e-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: url,
    DEMO: options.demo ? '1' : '0',
    LOG_LEVEL: 'warn',
    SMTP_URL: options.smtpUrl ?? '',
    DATABASE_URL: '',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid !== undefined) running.add(child.pid);
  let log = '';
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });

  const stop = async () => {
    await killGroup(child);
    if (child.pid !== undefined) running.delete(child.pid);
    rmSync(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with ${child.exitCode} before it was ready:\n${log}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not answer /healthz within 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, output: () => log, stop };
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const pid = child.pid;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
    await exited;
  }
}

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

export type OpenBrowser = {
  browser: Browser;
  page: Page;
  /** Uncaught exceptions in any page: a journey that ends with any has found a bug. */
  pageErrors: string[];
  /** Another person: a page in a fresh context (no shared cookies) of the same browser. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
};

/** Debian's Chromium driven by playwright-core (no browser download), one fresh context per call. */
export async function openBrowser(options: { phone?: boolean; baseURL?: string } = {}): Promise<OpenBrowser> {
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
  const pageErrors: string[] = [];
  const newPage = async () => {
    const context = await browser.newContext({
      viewport: options.phone ? PHONE : DESKTOP,
      ...(options.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      reducedMotion: 'reduce',
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    return page;
  };
  const page = await newPage();
  return { browser, page, pageErrors, newPage, close: () => browser.close() };
}

/** Saves a full-page screenshot to e2e/screenshots/<name>.png for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

let counter = 0;
/** A unique suffix for names and emails. */
export function uniq(prefix = 'e2e'): string {
  counter++;
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${counter}`;
}

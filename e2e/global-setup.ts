import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const root = new URL('..', import.meta.url).pathname;

/** Newest modification time of the files the web bundle is built from. */
function newestSource(): number {
  let newest = 0;
  const walk = (dir: string, keep: (file: string) => boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p, keep);
      else if (keep(p)) newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(join(root, 'src', 'web'), () => true);
  // The web app imports the server's contract files (and the shared pieces of the platform).
  walk(join(root, 'src', 'server'), (p) => p.endsWith('.contract.ts'));
  // …and the pure rules it shares with the server (the import preview re-checks rows with them).
  walk(join(root, 'src', 'domain'), (p) => !p.includes('.test.'));
  for (const f of ['vite.config.ts', 'package-lock.json']) {
    const p = join(root, f);
    if (existsSync(p)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app once per run (only when the sources are newer), so every server serves it. */
export default async function setup(): Promise<void> {
  const index = join(root, 'dist', 'web', 'index.html');
  if (process.env.CI !== 'true' && existsSync(index) && statSync(index).mtimeMs > newestSource()) return;
  // The test runner sets NODE_ENV=test, which Vite would honour with React's development build: the
  // browser tests must drive what users get (and leave behind what `npm start` would serve).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

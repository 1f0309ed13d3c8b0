#!/usr/bin/env node
// `npx twofold <command>`: bundles the command line's TypeScript into one ES module (our code only;
// packages stay in node_modules) and runs it with plain Node; `serve` starts the server as `npm start` does.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { build, stop } from 'esbuild';

if (process.argv[2] === 'serve' && !process.argv.includes('--help')) {
  // The server as `npm start` runs it, with the same Node flags (package.json's start script: the young
  // generation's size and the heap's growing factor, ADR 006), which only apply when Node starts.
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const flags = pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
  const start = new URL('../scripts/start.mjs', import.meta.url).pathname;
  // Its own process group, so a terminal's Ctrl+C reaches it once, through here, not also directly: a second
  // SIGINT would cut its graceful shutdown short.
  const server = spawn(process.execPath, [...flags, start], { stdio: 'inherit', detached: true });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
} else {
  await runCommand();
}

async function runCommand() {
  const outfile = new URL('../dist/cli/main.mjs', import.meta.url).pathname;
  await build({
    entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  await stop();
  process.setSourceMapsEnabled(true);
  const { run } = await import(outfile);
  process.exitCode = await run(process.argv.slice(2));
}

#!/usr/bin/env node
// `npx twofold <command>`: the command line's TypeScript bundled and run with plain Node (scripts/bundle.mjs);
// `serve` starts the server as `npm start` does.
import { spawn } from 'node:child_process';
import { bundleAndImport } from '../scripts/bundle.mjs';
import { startEnv, startFlags } from '../scripts/start-flags.mjs';

if (process.argv[2] === 'serve' && !process.argv.includes('--help')) {
  // The server as `npm start` runs it, with the same Node flags and environment.
  const start = new URL('../scripts/start.mjs', import.meta.url).pathname;
  // Its own process group, so a terminal's Ctrl+C reaches it once, through here, not also directly: a second
  // SIGINT would cut its graceful shutdown short.
  const server = spawn(process.execPath, [...startFlags(process.env), start], {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, ...startEnv(process.env) },
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
} else {
  await runCommand();
}

async function runCommand() {
  const { run } = await bundleAndImport('src/cli/main.ts', 'dist/cli/main.mjs');
  process.exitCode = await run(process.argv.slice(2));
}

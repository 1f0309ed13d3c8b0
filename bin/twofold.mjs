#!/usr/bin/env node
// `npx twofold <command>`: bundles the command line's TypeScript into one ES module (our code only;
// packages stay in node_modules) and runs it with plain Node, the way `npm start` runs the server.
import { build, stop } from 'esbuild';

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

// `npm start`: bundle the server's TypeScript into one ES module (our code only; packages stay in
// node_modules) and run it with plain Node. No TypeScript loader stays in the running server, which keeps
// its memory within budget (ADR 006). Bundling takes well under a second, so it runs on every start.
import { build, stop } from 'esbuild';

const outfile = new URL('../dist/server/main.mjs', import.meta.url).pathname;
await build({
  entryPoints: [new URL('../src/server/main.ts', import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
await stop(); // the bundler's helper process is not needed while the server runs
process.setSourceMapsEnabled(true);
await import(outfile);

// Bundles one of our TypeScript entry points into an ES module (our code only; packages stay in
// node_modules) and imports it under plain Node: `npm start` runs the server this way, `npx twofold` the
// command line. No TypeScript loader stays in the running process, which keeps its memory within budget
// (ADR 006). Bundling takes well under a second, so it runs on every start.
import { build, stop } from 'esbuild';

/** `entry` and `outfile` are paths relative to the project root. */
export async function bundleAndImport(entry, outfile) {
  const out = new URL(`../${outfile}`, import.meta.url).pathname;
  await build({
    entryPoints: [new URL(`../${entry}`, import.meta.url).pathname],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  await stop(); // the bundler's helper process is not needed while ours runs
  process.setSourceMapsEnabled(true);
  return import(out);
}

// Bundles one of our TypeScript entry points into an ES module (our code only; packages stay in
// node_modules) and imports it under plain Node: `npm start` runs the server this way, `npx twofold` the
// command line. No TypeScript loader stays in the running process, which keeps its memory within budget
// (ADR 006). Bundling takes well under a second, so it runs on every start.
import { build, stop } from 'esbuild';

/** `entry` and `outfile` are paths relative to the project root. */
export async function bundleAndImport(entry, outfile) {
  const out = new URL(`../${outfile}`, import.meta.url).pathname;
  const { metafile } = await build({
    entryPoints: [new URL(`../${entry}`, import.meta.url).pathname],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Stack traces name our files and lines; the sources themselves would only sit in memory.
    sourcemap: 'linked',
    sourcesContent: false,
    metafile: true,
    logLevel: 'warning',
  });
  await stop(); // the bundler's helper process is not needed while ours runs
  // The packages load before source maps are turned on, so Node keeps only our bundle's map, not the
  // ones many packages ship (~3 MB of the server's memory, ADR 006). In the bundle's order: some packages
  // count on being loaded before others.
  const packages = Object.values(metafile.outputs).flatMap((o) => o.imports.filter((i) => i.external));
  for (const { path } of packages) await import(path);
  process.setSourceMapsEnabled(true);
  return import(out);
}

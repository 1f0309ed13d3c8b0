// The code of the home page beyond the initial script — its screen, the shell around it and what they import
// — named in the build's manifest, so the page's HTML can ask the browser to fetch it at once (Link:
// modulepreload) instead of after the initial script has run and asked for it (ADR 006).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One chunk of Vite's build manifest (`dist/web/.vite/manifest.json`), keyed by source path. */
type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; css?: string[] };
export type Manifest = Record<string, ManifestChunk>;

/** The home page's lazy modules, as `src/web/app.tsx` imports them. */
const HOME_MODULES = ['ui/Shell.tsx', 'features/home/HomePage.tsx'];

/**
 * The files the home page loads after the initial script: its modules and every chunk they import, their
 * styles, in import order; the entry (already in the HTML) left out. Unknown modules: nothing.
 */
export function homeScreenFiles(manifest: Manifest): { scripts: string[]; styles: string[] } {
  const scripts: string[] = [];
  const styles: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || chunk.isEntry || seen.has(key)) return;
    seen.add(key);
    for (const dep of chunk.imports ?? []) visit(dep);
    scripts.push(`/${chunk.file}`);
    for (const css of chunk.css ?? []) if (!styles.includes(`/${css}`)) styles.push(`/${css}`);
  };
  for (const key of HOME_MODULES) visit(key);
  return { scripts, styles };
}

/** The initial script and its styles, as the page's HTML names them. */
export function entryFiles(manifest: Manifest): { scripts: string[]; styles: string[] } {
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  return entry
    ? { scripts: [`/${entry.file}`], styles: (entry.css ?? []).map((f) => `/${f}`) }
    : { scripts: [], styles: [] };
}

const links = ({ scripts, styles }: { scripts: string[]; styles: string[] }) => [
  ...styles.map((f) => `<${f}>; rel=preload; as=style; crossorigin`),
  ...scripts.map((f) => `<${f}>; rel=modulepreload; crossorigin`),
];

/**
 * The Link header's entries for the home page's code, read once from the build (none without one): `entry`
 * goes before the page's data, `screen` after. A browser opens six connections to a host over HTTP/1.1 and
 * sends the header's requests before the HTML's own, so the initial script — everything waits for it to run —
 * would otherwise queue behind the data and the screen's code (ADR 006).
 */
export function homeScreenLinks(webRoot: string): { entry: string[]; screen: string[] } {
  const path = join(webRoot, '.vite', 'manifest.json');
  if (!existsSync(path)) return { entry: [], screen: [] };
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  return { entry: links(entryFiles(manifest)), screen: links(homeScreenFiles(manifest)) };
}

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

/** The Link header's entries for the home page's code, read once from the build (none without one). */
export function homeScreenLinks(webRoot: string): string[] {
  const path = join(webRoot, '.vite', 'manifest.json');
  if (!existsSync(path)) return [];
  const { scripts, styles } = homeScreenFiles(JSON.parse(readFileSync(path, 'utf8')) as Manifest);
  return [
    ...styles.map((f) => `<${f}>; rel=preload; as=style; crossorigin`),
    ...scripts.map((f) => `<${f}>; rel=modulepreload; crossorigin`),
  ];
}

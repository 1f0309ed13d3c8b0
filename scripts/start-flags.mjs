// The Node flags `npm start` gives the server (package.json's start script: V8's helper threads, the young
// generation's size and the heap's growing factor, ADR 006). They only apply when Node starts, so whatever
// starts the server itself — `twofold serve`, the bench — passes them too.
import { readFileSync } from 'node:fs';

export function startFlags() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
}

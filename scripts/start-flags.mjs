// The Node flags and environment `npm start` gives the server (package.json's start script: V8's helper
// threads, the young generation's size and the heap's growing factor, how the C library hands out memory;
// ADR 006). They only apply when the process starts, so whatever starts the server itself — `twofold serve`,
// the bench — passes them too.
import { readFileSync } from 'node:fs';

function startWords() {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  return pkg.scripts.start.split(/\s+/);
}

export function startFlags() {
  return startWords().filter((word) => word.startsWith('--'));
}

/** The `NAME=value` words in front of `node`, as an environment to add to the process's own. */
export function startEnv() {
  const env = {};
  for (const word of startWords()) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word);
    if (!match) break;
    env[match[1]] = match[2];
  }
  return env;
}

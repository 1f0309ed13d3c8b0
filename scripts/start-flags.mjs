// The Node flags and environment the server starts with, wherever it is started: `npm start` (package.json runs
// `env $(node scripts/start-flags.mjs) scripts/start.mjs`), `twofold serve` and the bench. They only apply when
// the process starts, so whatever starts the server passes them (ADR 006).
import { pathToFileURL } from 'node:url';

// One V8 helper thread, 8 MB semi-spaces, a heap that grows by a quarter: the server's memory (ADR 006).
const FLAGS = ['--v8-pool-size=1', '--max-semi-space-size=8', '--heap-growing-percent=25'];

export function startFlags() {
  return [...FLAGS];
}

/**
 * The environment to add for a server that will run with `env` (its `DATABASE_URL` chooses the database).
 * Embedded, every allocation of 32 KB or more is a mapping of its own, returned when freed: V8's compiles of
 * PGlite's code otherwise leave tens of MB in the C library's arenas. On PostgreSQL nothing compiles at run
 * time, and every socket read (64 KB) would be a mapping and its page faults: the list took twice the server's
 * CPU a request, the balance a third more.
 */
export function startEnv(env = process.env) {
  return env.DATABASE_URL ? {} : { GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=32768' };
}

// Run directly: the words in front of the start script, for `env`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const words = Object.entries(startEnv()).map(([name, value]) => `${name}=${value}`);
  console.log([...words, 'node', ...FLAGS].join(' '));
}

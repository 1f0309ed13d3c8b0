// The Node flags and environment the server starts with, wherever it is started: `npm start` (package.json runs
// `env $(node scripts/start-flags.mjs) scripts/start.mjs`), `twofold serve` and the bench. They only apply when
// the process starts, so whatever starts the server passes them, chosen by its `DATABASE_URL` (ADR 006).
import { pathToFileURL } from 'node:url';

// Embedded, PGlite's memory shares the process: one V8 helper thread, 8 MB semi-spaces and a heap that grows
// by a quarter keep the whole within the memory budget.
const EMBEDDED_FLAGS = ['--v8-pool-size=1', '--max-semi-space-size=8', '--heap-growing-percent=25'];
// On PostgreSQL the heap is the process's memory: a heap that grew by only a quarter was marked and compacted
// every few balances (a third of the server's CPU for one), and 8 MB semi-spaces moved a balance's inputs twice.
const POSTGRES_FLAGS = ['--v8-pool-size=1', '--max-semi-space-size=16', '--heap-growing-percent=100'];

export function startFlags(env = process.env) {
  return [...(env.DATABASE_URL ? POSTGRES_FLAGS : EMBEDDED_FLAGS)];
}

/**
 * The environment to add for a server that will run with `env`.
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
  console.log([...words, 'node', ...startFlags()].join(' '));
}

/**
 * Who is calling, remembered for a few seconds (ADR 015). Every request names its caller by a session
 * cookie or an API token; looking them (and their role in the path's workspace) up is one statement, as
 * costly as the small read the request is for. A page asks several things at once and a client polls, so
 * the same caller comes back within seconds.
 *
 * What keeps it honest: an entry lives at most `CALLER_TTL_MS`, never past its session's expiry; every
 * write in this process that can change an answer (logout, a role, a membership, a revoked token, a
 * restore) forgets every entry, and a lookup that raced with such a write is not remembered. On other
 * app nodes sharing one PostgreSQL, such a change takes effect within `CALLER_TTL_MS`.
 */
export const CALLER_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

type Entry = { value: unknown; until: number };
const entries = new Map<string, Entry>();
let generation = 0;

/** After a write to sessions, memberships or API tokens: nothing remembered may answer again. */
export function forgetCallers(): void {
  generation++;
  entries.clear();
}

/**
 * The remembered answer for `key`, or `load`'s (remembered until `until(value)` at the latest when found).
 * Not-found is never remembered: the next request asks again.
 */
export async function rememberedCaller<T>(
  key: string,
  load: () => Promise<T | undefined>,
  until: (value: T) => number,
): Promise<T | undefined> {
  const now = Date.now();
  const hit = entries.get(key);
  if (hit && hit.until > now) return hit.value as T;
  if (hit) entries.delete(key);
  const asked = generation;
  const value = await load();
  if (value === undefined || asked !== generation) return value;
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, { value, until: Math.min(now + CALLER_TTL_MS, until(value)) });
  return value;
}

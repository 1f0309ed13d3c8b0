/**
 * Runs at most `limit` calls of a task at once, the rest in arrival order. For reads whose working set
 * grows with the tenant (the balance holds a year of a workspace's records while it computes): ten at
 * once held ten copies and took the embedded server past 1 GB; one at a time costs no throughput there
 * (one thread does all the work anyway) and bounds the memory to one copy.
 */
export function limitConcurrency(limit: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

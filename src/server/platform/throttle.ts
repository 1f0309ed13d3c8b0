import { AppError } from './errors';

/**
 * Counts events per key in a fixed one-minute window. In process memory: enough for one node; behind a
 * load balancer each node throttles on its own (ADR 004 notes the trade-off).
 */
export class MinuteThrottle {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly perMinute: number) {}

  /** Counts one event; throws 429 once the key has had its share this minute. */
  hit(key: string, now = Date.now()): void {
    const w = this.windows.get(key);
    if (!w || now - w.start >= 60_000) {
      if (this.windows.size > 10_000) this.sweep(now);
      this.windows.set(key, { start: now, count: 1 });
      return;
    }
    w.count++;
    if (w.count > this.perMinute)
      throw new AppError('too_many_requests', 'Too many attempts; wait a minute and try again');
  }

  check(key: string, now = Date.now()): void {
    const w = this.windows.get(key);
    if (w && now - w.start < 60_000 && w.count >= this.perMinute) {
      throw new AppError('too_many_requests', 'Too many attempts; wait a minute and try again');
    }
  }

  private sweep(now: number): void {
    for (const [k, w] of this.windows) if (now - w.start >= 60_000) this.windows.delete(k);
  }
}

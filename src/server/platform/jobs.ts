/**
 * A background loop that runs one pass of work at a time: on a timer, when kicked, or when asked directly.
 * The timer only decides *when* to look; *what* to do is always read from the database (rows with a due
 * time, claimed with FOR UPDATE SKIP LOCKED), so any number of nodes can run the same loop.
 */
export type JobLoop = {
  /** Run a pass soon (e.g. after a commit that created due work). */
  kick(): void;
  /** One pass now; resolves with what the pass returned. Concurrent calls share the running pass. */
  runNow(): Promise<number>;
  stop(): Promise<void>;
};

export function startJobLoop(options: {
  pass: () => Promise<number>;
  intervalMs: number;
  /** Delay of the first timed pass (defaults to the interval). */
  firstDelayMs?: number;
  log?: (msg: string, err?: unknown) => void;
}): JobLoop {
  let running: Promise<number> | undefined;
  let stopped = false;

  function runNow(): Promise<number> {
    if (running) return running;
    running = options.pass().finally(() => {
      running = undefined;
    });
    return running;
  }
  const tick = () => {
    if (stopped) return;
    runNow().catch((err) => options.log?.('background pass failed', err));
  };

  let timer: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    tick();
    timer = setInterval(tick, options.intervalMs);
    timer.unref();
  }, options.firstDelayMs ?? options.intervalMs);
  first.unref();

  return {
    kick: tick,
    runNow,
    async stop() {
      stopped = true;
      clearTimeout(first);
      if (timer) clearInterval(timer);
      await running?.catch(() => {});
    },
  };
}

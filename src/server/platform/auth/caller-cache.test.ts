import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALLER_TTL_MS, forgetCallers, rememberedCaller } from './caller-cache';

describe('the caller is remembered for a few seconds', () => {
  afterEach(() => {
    vi.useRealTimers();
    forgetCallers();
  });

  const counting = (value: string | undefined) => {
    const load = vi.fn(async () => value);
    return load;
  };

  it('asks the database once within the time to live, and again after it', async () => {
    vi.useFakeTimers();
    const load = counting('ada');
    const never = () => Number.POSITIVE_INFINITY;
    expect(await rememberedCaller('k', load, never)).toBe('ada');
    vi.advanceTimersByTime(CALLER_TTL_MS - 1);
    expect(await rememberedCaller('k', load, never)).toBe('ada');
    expect(load).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(await rememberedCaller('k', load, never)).toBe('ada');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('never past the expiry the answer carries (a session ending sooner)', async () => {
    vi.useFakeTimers();
    const load = counting('ada');
    const endsSoon = () => Date.now() + 1_000;
    await rememberedCaller('k', load, endsSoon);
    vi.advanceTimersByTime(1_000);
    await rememberedCaller('k', load, endsSoon);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not remember a caller it could not find', async () => {
    const load = counting(undefined);
    await rememberedCaller('k', load, () => Number.POSITIVE_INFINITY);
    await rememberedCaller('k', load, () => Number.POSITIVE_INFINITY);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets everything after a write, and does not keep an answer read while that write happened', async () => {
    const never = () => Number.POSITIVE_INFINITY;
    await rememberedCaller('k', counting('member'), never);
    forgetCallers();
    expect(await rememberedCaller('k', counting('admin'), never)).toBe('admin');

    // A lookup that started before a role change and answered after it holds the old role: not kept.
    const stale = rememberedCaller(
      'other',
      async () => {
        forgetCallers();
        return 'old role';
      },
      never,
    );
    expect(await stale).toBe('old role');
    expect(await rememberedCaller('other', counting('new role'), never)).toBe('new role');
  });
});

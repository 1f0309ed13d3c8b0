import { describe, expect, it } from 'vitest';
import { type ExperimentStatus, nextStatuses, statusChangeRefusal } from './experiment-status';

const all: ExperimentStatus[] = ['planned', 'running', 'concluded', 'stopped'];

describe('experiment status', () => {
  it('goes planned → running → concluded | stopped, and lets a planned one be dropped', () => {
    const allowed = all.flatMap((from) =>
      all.filter((to) => to !== from && statusChangeRefusal(from, to) === null).map((to) => `${from}→${to}`),
    );
    expect(allowed.sort()).toEqual([
      'planned→running',
      'planned→stopped',
      'running→concluded',
      'running→stopped',
    ]);
    expect(all.every((s) => statusChangeRefusal(s, s) === null)).toBe(true);
  });

  it('says why a change is refused', () => {
    expect(statusChangeRefusal('planned', 'concluded')).toBe(
      'a planned experiment can only become running or stopped',
    );
    expect(statusChangeRefusal('concluded', 'running')).toBe('the experiment is concluded; that is final');
    expect(nextStatuses('stopped')).toEqual([]);
  });
});

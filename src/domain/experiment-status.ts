// Where an experiment may go from each status: planned → running → concluded | stopped, and a planned one
// may be dropped (stopped) before it starts. Concluded and stopped are final.

export type ExperimentStatus = 'planned' | 'running' | 'concluded' | 'stopped';

const next: Record<ExperimentStatus, ExperimentStatus[]> = {
  planned: ['running', 'stopped'],
  running: ['concluded', 'stopped'],
  concluded: [],
  stopped: [],
};

/** Why `from → to` is not allowed, or null when it is (staying put is always allowed). */
export function statusChangeRefusal(from: ExperimentStatus, to: ExperimentStatus): string | null {
  if (from === to || next[from].includes(to)) return null;
  if (next[from].length === 0) return `the experiment is ${from}; that is final`;
  return `a ${from} experiment can only become ${next[from].join(' or ')}`;
}

/** The statuses an experiment can move to next (for the board's buttons). */
export function nextStatuses(from: ExperimentStatus): ExperimentStatus[] {
  return next[from];
}

import type { ExperimentStatus } from '../../../server/features/experiments/experiments.contract';

export const statusOrder: ExperimentStatus[] = ['planned', 'running', 'concluded', 'stopped'];

export const statusInfo: Record<ExperimentStatus, { label: string; color: string; meaning: string }> = {
  planned: { label: 'Planned', color: 'gray', meaning: 'Agreed, with time protected; not started yet' },
  running: {
    label: 'Running',
    color: 'blue',
    meaning: 'Under way: time logged on it counts against its budget',
  },
  concluded: { label: 'Concluded', color: 'teal', meaning: 'Done, with what we learned outward and inward' },
  stopped: {
    label: 'Stopped',
    color: 'orange',
    meaning: 'Ended early or dropped; still worth a line on why',
  },
};

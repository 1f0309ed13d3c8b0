import { useQueryClient } from '@tanstack/react-query';
import type { Experiment, ExperimentPatch } from '../../../server/features/experiments/experiments.contract';
import { patch } from '../../ui/api';
import { notifySaved, showApiError } from '../../ui/forms';
import { useWorkspace } from '../../ui/workspace';

/** Saves a change to an experiment and refreshes everything that shows it (boards, pages, the balance). */
export function useExperimentSave() {
  const { apiPath } = useWorkspace();
  const qc = useQueryClient();
  return async (
    e: Experiment,
    body: ExperimentPatch,
    message: string,
    setErrors?: (x: Record<string, string>) => void,
  ) => {
    try {
      await patch<Experiment>(apiPath(`/experiments/${e.id}`), body);
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['experiments'] }),
        qc.invalidateQueries({ queryKey: ['experiment', e.id] }),
        qc.invalidateQueries({ queryKey: ['balance'] }),
      ]);
      notifySaved(message);
      return true;
    } catch (err) {
      showApiError(err, setErrors);
      return false;
    }
  };
}

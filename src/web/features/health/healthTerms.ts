import type { HealthEvidence } from '../../../server/features/health/health.contract';

export const evidenceLabel: Record<HealthEvidence['kind'], string> = {
  touchpoint: 'Touchpoint',
  checkIn: 'Check-in',
  topic: 'Topic',
  experiment: 'Experiment',
  pulse: 'Pulse',
  assessment: 'Assessment',
};

/** Where a record behind a health number lives in the app (a path inside the workspace). */
export function evidencePath(e: HealthEvidence): string {
  const rel = `/relationships/${e.relationshipId}`;
  switch (e.kind) {
    case 'touchpoint':
      return `${rel}#touchpoint-${e.id}`;
    case 'checkIn':
      return `${rel}/check-ins/${e.id}`;
    case 'topic':
      return `${rel}?topic=${e.id}`;
    case 'experiment':
      return `/experiments/${e.id}`;
    case 'pulse':
      return `/pulses/${e.id}`;
    default:
      return rel;
  }
}

/** Green from 70, yellow from 40, red below: the same bands as the relationship list's badge. */
export const scoreColor = (score: number | null) =>
  score === null ? 'gray' : score >= 70 ? 'teal' : score >= 40 ? 'yellow' : 'red';

import type { PulseKind } from '../../../server/features/pulses/pulses.contract';

export const kindInfo: Record<PulseKind, { label: string; color: string; description: string }> = {
  client: {
    label: 'Client',
    color: 'blue',
    description:
      'Contacts rate how meaningfully the team contributes to their work, and say what would add value.',
  },
  employee: {
    label: 'Employee',
    color: 'grape',
    description:
      'A team’s people rate how meaningful their work is and whether they have room to work differently. Anonymous: results show from 3 answers.',
  },
  service: {
    label: 'Service',
    color: 'teal',
    description: 'Colleagues rate how much an internal service makes their work easier and better.',
  },
};

/** A 0–10 average in words people read at a glance. */
export const scoreColor = (avg: number | null) =>
  avg === null ? 'gray' : avg >= 8 ? 'teal' : avg >= 6.5 ? 'yellow' : 'red';

export const percent = (rate: number) => `${Math.round(rate * 100)}%`;

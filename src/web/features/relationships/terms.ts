import type {
  PyramidLevel,
  RelationshipStatus,
  Stage,
} from '../../../server/features/relationships/relationships.contract';

// How the app names a relationship's stage, pyramid level and status, with what each means in practice.

export const stageOrder: Stage[] = ['transactional', 'advisory', 'partnership', 'co_creation'];

export const stageInfo: Record<Stage, { label: string; color: string; meaning: string }> = {
  transactional: { label: 'Transactional', color: 'gray', meaning: 'We supply what is asked.' },
  advisory: { label: 'Advisory', color: 'blue', meaning: 'We advise on their questions.' },
  partnership: { label: 'Partnership', color: 'teal', meaning: 'We shape the work together.' },
  co_creation: { label: 'Co-creation', color: 'grape', meaning: 'We build what is new, together.' },
};

/** Bottom to top of the truth pyramid. */
export const levelOrder: PyramidLevel[] = ['expectations', 'desires', 'unrecognized_needs'];

export const levelInfo: Record<PyramidLevel, { label: string; color: string; meaning: string }> = {
  expectations: { label: 'Expectations', color: 'gray', meaning: 'We meet what they expect of us.' },
  desires: { label: 'Desires', color: 'cyan', meaning: 'We meet what they wish for, co-creating.' },
  unrecognized_needs: {
    label: 'Unrecognised needs',
    color: 'violet',
    meaning: 'We meet needs they had not named yet.',
  },
};

export const statusInfo: Record<RelationshipStatus, { label: string; color: string }> = {
  active: { label: 'Active', color: 'teal' },
  paused: { label: 'Paused', color: 'yellow' },
  ended: { label: 'Ended', color: 'gray' },
};

export const stageOptions = stageOrder.map((s) => ({ value: s, label: stageInfo[s].label }));
export const levelOptions = levelOrder.map((l) => ({ value: l, label: levelInfo[l].label }));
export const statusOptions = (Object.keys(statusInfo) as RelationshipStatus[]).map((s) => ({
  value: s,
  label: statusInfo[s].label,
}));

// Formatters are built once: a new Intl.DateTimeFormat per call was the top cost of rendering long lists.
const dateOnly = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateLocal = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeLocal = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** "12 Mar 2026" for a date or timestamp, in the reader's locale. */
export function formatDate(value: string): string {
  return value.length === 10
    ? dateOnly.format(new Date(`${value}T00:00:00Z`))
    : dateLocal.format(new Date(value));
}

export function formatDateTime(value: string): string {
  return dateTimeLocal.format(new Date(value));
}

/** Today as YYYY-MM-DD in the reader's own time zone (the day they see on their calendar). */
export function localToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

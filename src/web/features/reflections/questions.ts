import type { ReflectionInput } from '../../../server/features/reflections/reflections.contract';

type Answer = keyof Pick<
  ReflectionInput,
  'happening' | 'emerging' | 'surprisinglyWell' | 'harderThanExpected' | 'needs'
>;

/** The four questions of a reflection (the fourth in two parts), in the order a team answers them. */
export const questions: { key: Answer; label: string; hint: string }[] = [
  { key: 'happening', label: 'What is actually happening?', hint: 'Facts first: what did we see, hear, do?' },
  { key: 'emerging', label: 'What is emerging?', hint: 'Patterns, weak signals, new questions' },
  {
    key: 'surprisinglyWell',
    label: 'What works surprisingly well, and why?',
    hint: 'So we can do more of it on purpose',
  },
  {
    key: 'harderThanExpected',
    label: 'What proves harder than expected?',
    hint: 'Where we got stuck, honestly',
  },
  {
    key: 'needs',
    label: '…and what do we need for that?',
    hint: 'Time, help, a decision, a change in how we work',
  },
];

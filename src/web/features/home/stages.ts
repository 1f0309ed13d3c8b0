import type { PyramidLevel, Stage } from '../../../server/features/relationships/relationships.contract';

// How the home page names the stages and pyramid levels, with what each means in practice.

export const stageOrder: Stage[] = ['transactional', 'advisory', 'partnership', 'co_creation'];

export const stageInfo: Record<Stage, { label: string; color: string; meaning: string }> = {
  transactional: { label: 'Transactional', color: 'gray', meaning: 'We supply what is asked.' },
  advisory: { label: 'Advisory', color: 'blue', meaning: 'We advise on their questions.' },
  partnership: { label: 'Partnership', color: 'teal', meaning: 'We shape the work together.' },
  co_creation: { label: 'Co-creation', color: 'grape', meaning: 'We build what is new, together.' },
};

export const levelOrder: PyramidLevel[] = ['expectations', 'desires', 'unrecognized_needs'];

export const levelLabel: Record<PyramidLevel, string> = {
  expectations: 'expectations',
  desires: 'desires',
  unrecognized_needs: 'unrecognised needs',
};

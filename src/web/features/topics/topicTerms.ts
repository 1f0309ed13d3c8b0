import type { TopicSide, TopicStatus } from '../../../server/features/topics/topics.contract';

// How the app names a topic's status (the board's columns) and the side that raised it.

export const statusOrder: TopicStatus[] = ['proposed', 'exploring', 'agreed', 'done', 'declined'];

export const topicStatusInfo: Record<TopicStatus, { label: string; color: string; meaning: string }> = {
  proposed: { label: 'Proposed', color: 'gray', meaning: 'Raised; nobody has looked into it yet.' },
  exploring: {
    label: 'Exploring',
    color: 'blue',
    meaning: 'Both sides are finding out whether it is worth doing.',
  },
  agreed: { label: 'Agreed', color: 'teal', meaning: 'Both sides want it; it is being planned or done.' },
  done: { label: 'Done', color: 'green', meaning: 'It happened.' },
  declined: { label: 'Declined', color: 'red', meaning: 'Not now — with the reason in the comments.' },
};

export const statusOptions = statusOrder.map((s) => ({ value: s, label: topicStatusInfo[s].label }));

export const sideInfo: Record<TopicSide, { label: string; color: string }> = {
  provider: { label: 'Raised by us', color: 'indigo' },
  client: { label: 'Raised by them', color: 'grape' },
};

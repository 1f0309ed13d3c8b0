import type { Agenda } from './check-ins.contract';

// A plain value (no schema library), so the web app can offer "restore the default" without loading zod.

/** The agenda every workspace starts with. */
export const defaultAgenda: Agenda = {
  businessUpdate: {
    title: 'How business is going',
    questions: [
      'What has changed in your business since we last spoke?',
      'What are you proud of at the moment, and what keeps you up at night?',
    ],
  },
  unusedCapacity: {
    title: 'Unused capacity',
    questions: ['Where do you have people, time or skills to spare in the coming weeks?'],
  },
  furtherTopics: {
    title: 'Further topics',
    questions: [
      'What else could we take on together?',
      'What have you noticed that nobody has asked us about yet?',
    ],
  },
  waysOfWorking: {
    title: 'Ways of working',
    questions: ['What would make working together easier or faster?', 'What should either of us stop doing?'],
  },
};

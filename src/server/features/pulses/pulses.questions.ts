import type { PulseKind, PulseQuestions } from './pulses.contract';

// What each kind of round asks, and the emails that carry the links. `subject` is the team (client and
// employee rounds) or the service (service rounds).

export function questionsOf(kind: PulseKind, subject: string): PulseQuestions['questions'] {
  if (kind === 'client')
    return [
      {
        key: 'score',
        text: `How meaningfully does ${subject} contribute to your work?`,
        type: 'scale',
        required: true,
      },
      { key: 'comment', text: 'What would make us more valuable to you?', type: 'text', required: false },
    ];
  if (kind === 'employee')
    return [
      { key: 'score', text: 'How meaningful is your work?', type: 'scale', required: true },
      {
        key: 'secondScore',
        text: 'Do you have room to work differently with clients?',
        type: 'scale',
        required: true,
      },
      {
        key: 'comment',
        text: 'Anything you want to add? (optional, anonymous)',
        type: 'text',
        required: false,
      },
    ];
  return [
    {
      key: 'score',
      text: `How much does ${subject} make your work easier and better?`,
      type: 'scale',
      required: true,
    },
    {
      key: 'comment',
      text: 'What would make it more useful to you? (optional)',
      type: 'text',
      required: false,
    },
  ];
}

export const SECOND_QUESTION = 'Do you have room to work differently with clients?';

/** The link a recipient opens: a public page of the web app, no login. */
export const responseUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/$/, '')}/respond/${token}`;

const day = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

export function pulseMail(
  m: { kind: PulseKind; subject: string; askedBy: string; closesOn: string; name: string; url: string },
  reminder: boolean,
): { subject: string; text: string } {
  const [first] = questionsOf(m.kind, m.subject);
  const intro =
    m.kind === 'client'
      ? `${m.askedBy} would like to know how ${m.subject} is doing for you.`
      : m.kind === 'employee'
        ? `${m.subject}'s pulse: two quick questions about your work. Your answer is anonymous — results are shown only as a group of at least three, never linked to you.`
        : `A quick question about ${m.subject}, one of our internal services.`;
  const subject = reminder
    ? `Reminder: ${first!.text.replace(/\?$/, '')} — open until ${day(m.closesOn)}`
    : m.kind === 'client'
      ? `${m.askedBy}: how meaningfully does ${m.subject} contribute to your work?`
      : m.kind === 'employee'
        ? `${m.subject} pulse: how meaningful is your work?`
        : `How much does ${m.subject} make your work easier?`;
  const text = [
    `Hello ${m.name},`,
    '',
    reminder ? `A reminder — we have not heard from you yet. ${intro}` : intro,
    '',
    `It takes a minute: ${m.url}`,
    '',
    `The link is personal and works once, until ${day(m.closesOn)}. No account needed.`,
    '',
    `— ${m.askedBy}`,
  ].join('\n');
  return { subject, text };
}

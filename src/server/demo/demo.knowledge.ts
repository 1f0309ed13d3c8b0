import type { PersonKey } from './demo.org';

// The demo studio's knowledge library: plain data; demo.community.ts inserts it.

export type ArticleSeed = {
  title: string;
  tags: string[];
  visibility: 'internal' | 'shared';
  by: PersonKey;
  daysAgo: number;
  body: string;
};

export const articleList: ArticleSeed[] = [
  {
    title: 'How we run an immersion day',
    tags: ['immersion', 'method'],
    visibility: 'shared',
    by: 'priya',
    daysAgo: 120,
    body: `Spend a day **in your client's world** before you propose anything. Not a workshop: their shift, their counter, their queue.

## Before
- Agree one question you want to understand, not a solution you want to test.
- Ask who does the work on the floor, and ask to work *beside* them.

## On the day
1. Arrive when they arrive. Leave when they leave.
2. Do the work where you safely can — pour the coffee, sort the parcels, answer the phone.
3. Write down what surprised you, in their words.

## After
Share three discoveries with the client within a week, and log them on the relationship as an *immersion* touchpoint.

> "Working behind the bar for a morning told us more than the whole brief." — Hanna, Kestrel Coffee Roasters`,
  },
  {
    title: 'The partner check-in: four questions',
    tags: ['check-ins', 'partnership'],
    visibility: 'shared',
    by: 'maya',
    daysAgo: 95,
    body: `A check-in is held **outside** the current project, on the relationship's cadence. Both sides prepare the same four questions:

1. How is our business doing?
2. What capacity do we have that nobody is using?
3. Which further topics could we take on together?
4. How could we work together more efficiently?

Keep it to an hour. Write the outcomes as topics, so both sides can vote on them in the portal.`,
  },
  {
    title: 'Reading the relationship truth pyramid',
    tags: ['pyramid', 'method'],
    visibility: 'internal',
    by: 'jonas',
    daysAgo: 80,
    body: `The pyramid has three levels, and most relationships stop at the first:

- **Expectations** — we deliver what was asked, on time.
- **Desires** — we meet what they *wish* for, and build it with them.
- **Unrecognised needs** — we meet needs they had not named yet.

Moving up is not a sales step. It comes from immersion, honest check-ins and time protected for discovery. When you assess a relationship, write *why* in the note: the history is only useful with reasons.`,
  },
  {
    title: 'Protecting discovery time without losing the week',
    tags: ['time', 'inward'],
    visibility: 'internal',
    by: 'lena',
    daysAgo: 60,
    body: `Utilisation alone tells you how busy we are, not how we are growing. We log four kinds of time: *billable*, *partnership*, *learning* and *internal*.

## What works
- A fixed half-day a week per team for partnership work, in the calendar like any client meeting.
- Experiments get a **time budget** up front, so nobody has to apologise for using it.

## What proved harder
Finance months eat the half-day first. We now move it, never drop it.`,
  },
  {
    title: 'What Kestrel taught us about wholesale',
    tags: ['cafés', 'learning'],
    visibility: 'internal',
    by: 'tomas',
    daysAgo: 40,
    body: `Kestrel's cafés don't buy coffee, they buy a **calmer morning rush**. Three things we only learned by being there:

- Grinder settings drift with the weather; baristas adjust by taste, not by the manual.
- Training sticks when it happens *during* service, in ten-minute pieces.
- The owner reads the roaster's newsletter — the staff never do.

We used the library's *How we run an immersion day*; log what you learn in other cafés the same way.`,
  },
  {
    title: 'Running a small experiment with a client',
    tags: ['experiments', 'partnership'],
    visibility: 'shared',
    by: 'priya',
    daysAgo: 30,
    body: `Small, time-boxed and shared: an experiment is a promise to learn, not to deliver.

- **Hypothesis** — one sentence both sides agree on.
- **Time budget** — protected hours, agreed up front.
- **Safety** — what happens if it does not work.

When it ends, write down what we learned **outward** (about the client) and **inward** (about ourselves) — even when it failed.`,
  },
  {
    title: 'Design systems start with the people who live with them',
    tags: ['design-systems', 'method'],
    visibility: 'shared',
    by: 'aiko',
    daysAgo: 18,
    body: `A component library nobody asked for is shelfware. Start by sitting with the people who will use it every day:

1. Collect the screens they *actually* ship, not the ones in the brand book.
2. Name components in their words.
3. Publish the first five, then listen for a month.

Questions? Write to [the design team](mailto:design@northwind.example).`,
  },
  {
    title: 'Internal clients are clients: serving Finance and Sales',
    tags: ['internal-services', 'partnership'],
    visibility: 'internal',
    by: 'lena',
    daysAgo: 9,
    body: `Our own Finance and Sales teams are clients of People & Operations. Leadership is a service too — of course it is.

We give internal relationships the same cadence, check-ins and pulses as external ones. The first service pulse asked one question: *how much does our service make your work easier and better?* The answers are in the relationship's timeline.`,
  },
];

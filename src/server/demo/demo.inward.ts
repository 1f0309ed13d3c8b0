import type { ClientKey, PersonKey, TeamKey } from './demo.org';

// The demo studio's inward movement, written so the balance tells a story:
// - Design moves on both fronts: experiments with protected time, a reflection every four weeks, partnership
//   and learning time that grew over the year, while its relationships climbed the stages.
// - People & Operations moves outward only: its internal clients moved up the stages, but it logs ~4%
//   partnership and learning time, runs no experiment, and has not reflected since early in the year.
// - Strategy & Research started inward this season (an experiment at Harbour, reflections since summer)
//   while its relationships barely moved.

export type ExperimentSeed = {
  team: TeamKey;
  client: ClientKey;
  title: string;
  hypothesis: string;
  protectedHours: number;
  safety: string;
  commitment: string;
  /** Days from today (negative: in the past). */
  startsIn: number;
  endsIn: number;
  status: 'planned' | 'running' | 'concluded' | 'stopped';
  /** When it moved to running and to its end, in days from today. */
  startedIn?: number;
  endedIn?: number;
  learningsOutward?: string;
  learningsInward?: string;
  by: PersonKey;
};

export const experimentSeeds: ExperimentSeed[] = [
  {
    team: 'design',
    client: 'kestrel',
    title: 'Baristas reorder from the bar',
    hypothesis:
      'If baristas can flag a light delivery and reorder from the bar in one tap, cafés stop quietly dropping the blends that arrive short.',
    protectedHours: 60,
    safety:
      'Pilot hours are not counted against billable targets; a failed prototype is a result, not a miss.',
    commitment: 'Hanna sponsors it; Jun and two baristas join the Thursday build session.',
    startsIn: -60,
    endsIn: 30,
    status: 'running',
    startedIn: -60,
    by: 'priya',
  },
  {
    team: 'design',
    client: 'aldwin',
    title: 'Referral letters reach the kiosk',
    hypothesis: 'If GP referrals show up at the check-in kiosk, patients queue once instead of twice.',
    protectedHours: 40,
    safety: "Samir's team may say no to the integration; we learn what blocks it either way.",
    commitment: 'Nadia gives us two clinic mornings a month; we give 40 hours outside the contract.',
    startsIn: -210,
    endsIn: -110,
    status: 'concluded',
    startedIn: -205,
    endedIn: -110,
    learningsOutward:
      'The queue halves when referrals reach the kiosk, and the clerks became the project’s loudest advocates.',
    learningsInward:
      'Shadowing reception taught us more in one morning than three workshops; we now start every hospital project at the front desk.',
    by: 'priya',
  },
  {
    team: 'design',
    client: 'ledgerly',
    title: 'Bookkeepers in the sprint review',
    hypothesis:
      "If three of Ledgerly's customers join sprint reviews, the invoice editor is designed for month-end, not for demos.",
    protectedHours: 24,
    safety: 'Sofia agreed that customer feedback may stop a feature that is already built.',
    commitment: 'Kai invites the bookkeepers; Tomás runs the sessions.',
    startsIn: -150,
    endsIn: -60,
    status: 'concluded',
    startedIn: -148,
    endedIn: -58,
    learningsOutward: 'Bookkeepers cut two features we were sure about and asked for one nobody had drawn.',
    learningsInward:
      'We defend our designs less when the people using them are in the room; critique got kinder and faster.',
    by: 'tomas',
  },
  {
    team: 'design',
    client: 'meridian',
    title: 'A Sunday family pop-up at the entrance',
    hypothesis:
      'If families meet a person, not a sign, in their first ten minutes, more of them come back within a year.',
    protectedHours: 16,
    safety: 'Rosa can call it off on the day if the desk is short-staffed.',
    commitment: 'Two Sundays, Tomás and a visitor-services colleague.',
    startsIn: 20,
    endsIn: 80,
    status: 'planned',
    by: 'tomas',
  },
  {
    team: 'strategy',
    client: 'harbour',
    title: 'A morning in a branch',
    hypothesis:
      "If we spend mornings in a branch with small-business customers, we bring Claire a topic the bank hasn't briefed us on.",
    protectedHours: 24,
    safety: 'No deliverable is expected; the only output is what we saw.',
    commitment: 'Claire opens the Harbour Street branch to us on two Tuesdays.',
    startsIn: -70,
    endsIn: 20,
    status: 'running',
    startedIn: -70,
    by: 'jonas',
  },
  {
    team: 'strategy',
    client: 'fjordline',
    title: 'Depot handover pilot',
    hypothesis: 'If drivers see the paperwork on their handhelds, each shift gains twenty minutes.',
    protectedHours: 20,
    safety: 'Anders agreed a failed pilot will not affect the framework contract.',
    commitment: 'Nobody at Fjordline took it on; stopped before it started.',
    startsIn: -60,
    endsIn: 0,
    status: 'stopped',
    endedIn: -40,
    by: 'aiko',
  },
];

export type ReflectionSeed = {
  team: TeamKey;
  daysAgo: number;
  clients: ClientKey[];
  experiments: string[];
  happening: string;
  emerging: string;
  surprisinglyWell: string;
  harderThanExpected: string;
  needs: string;
  learnings: { text: string; tags: string[] }[];
};

/** Each team's cadence, days. */
export const reflectionCadences: Record<TeamKey, number> = { design: 28, strategy: 30, people: 30 };

const designThemes = [
  {
    clients: ['kestrel'] as ClientKey[],
    happening: 'Kestrel brings topics to check-ins now; we no longer have to dig for them.',
    emerging: 'Baristas want a say in how deliveries are planned, not just in what is delivered.',
    surprisinglyWell: 'Working a shift behind the bar: people talk when you pour coffee with them.',
    harderThanExpected: 'Keeping pilot hours free when a billable deadline looms.',
    needs: 'A standing rule that protected hours are not moved to client work.',
    learning: {
      text: 'Immersion first, workshop second: we learn more behind the bar than in a meeting room.',
      tags: ['immersion', 'kestrel'],
    },
  },
  {
    clients: ['aldwin'] as ClientKey[],
    happening: 'The outpatient work moved from the kiosk to the first ten minutes of a visit.',
    emerging: "The clerks see problems the project board doesn't; they are becoming co-designers.",
    surprisinglyWell: 'Fortnightly sessions where Nadia sets half the agenda.',
    harderThanExpected: 'Getting IT into the room early enough to matter.',
    needs: "An introduction to Samir's roadmap meeting.",
    learning: {
      text: 'Invite the people who carry the workaround, not only the people who commissioned the fix.',
      tags: ['co-creation', 'healthcare'],
    },
  },
  {
    clients: ['ledgerly', 'meridian'] as ClientKey[],
    happening: "Ledgerly's governance group runs without us half the time, which is the point.",
    emerging: 'Meridian asks us about capacity openly; the partnership conversation has started there too.',
    surprisinglyWell: 'Customers in sprint reviews: critique got kinder and faster.',
    harderThanExpected: 'Saying no to scope creep without sounding like a supplier.',
    needs: 'A shared way to talk about unused capacity at check-ins.',
    learning: {
      text: 'Share our capacity openly at check-ins; clients fill it with their real problems.',
      tags: ['check-ins', 'capacity'],
    },
  },
];

const strategyThemes = [
  {
    clients: ['harbour'] as ClientKey[],
    happening: 'A year of briefs and decks at Harbour; the relationship is polite and stuck.',
    emerging: 'Claire opened a branch to us. First time we see their customers, not their slides.',
    surprisinglyWell: 'Asking for a morning instead of a meeting got a yes.',
    harderThanExpected: 'Not turning what we saw in the branch into another deck.',
    needs: 'Time that is not billed, and the patience to come back twice.',
    learning: {
      text: 'Ask for a morning in their world instead of an hour in ours.',
      tags: ['immersion', 'banking'],
    },
  },
  {
    clients: ['fjordline', 'brightwater'] as ClientKey[],
    happening: 'Fjordline replies to reports, not to invitations; Brightwater is new and curious.',
    emerging: "Brightwater's 'billing complaints' are about people moving house.",
    surprisinglyWell: 'Listening in on the call queue: a morning of it reframed the brief.',
    harderThanExpected: 'Deciding whether we want more with Fjordline, or are fine supplying.',
    needs: 'An honest conversation with Anders about what he wants from us.',
    learning: {
      text: 'Not every relationship has to become a partnership; decide on purpose.',
      tags: ['portfolio'],
    },
  },
];

const peopleTheme = {
  clients: ['ownFinance', 'ownSales'] as ClientKey[],
  happening: 'Finance and Sales treat us as a service now; they ask before they decide.',
  emerging: 'Sales wants to co-design onboarding, not just receive it.',
  surprisinglyWell: 'Asking colleagues how leadership can make their work easier.',
  harderThanExpected: 'Finding time for anything beyond the request queue.',
  needs: 'Protected time to reflect, which we keep postponing.',
  learning: {
    text: 'Internal clients are clients: the same check-ins work two desks away.',
    tags: ['internal service'],
  },
};

function cycle<T>(items: T[], i: number): T {
  return items[i % items.length]!;
}

export const reflectionSeeds: ReflectionSeed[] = [
  // Design: every four weeks, all year.
  ...Array.from({ length: 12 }, (_, i) => {
    const theme = cycle(designThemes, i);
    const daysAgo = 318 - i * 28;
    return {
      team: 'design' as const,
      daysAgo,
      experiments: [
        ...(daysAgo <= 205 && daysAgo >= 100 ? ['Referral letters reach the kiosk'] : []),
        ...(daysAgo <= 148 && daysAgo >= 50 ? ['Bookkeepers in the sprint review'] : []),
        ...(daysAgo <= 60 ? ['Baristas reorder from the bar'] : []),
      ],
      ...theme,
      learnings: [theme.learning],
    };
  }),
  // Strategy: started this season.
  ...[118, 88, 58, 27].map((daysAgo, i) => {
    const theme = cycle(strategyThemes, i);
    return {
      team: 'strategy' as const,
      daysAgo,
      experiments: daysAgo <= 70 ? ['A morning in a branch'] : [],
      ...theme,
      learnings: [theme.learning],
    };
  }),
  // People & Operations: early in the year, then nothing.
  ...[330, 300, 262].map((daysAgo) => ({
    team: 'people' as const,
    daysAgo,
    experiments: [],
    ...peopleTheme,
    learnings: [peopleTheme.learning],
  })),
];

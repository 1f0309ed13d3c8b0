import type { RelationshipSeed } from './demo.relationships';

// Client relationships that moved over the year, with the assessments that say why.

export const growingRelationships: RelationshipSeed[] = [
  {
    client: 'kestrel',
    team: 'design',
    services: ['serviceDesign'],
    owner: 'priya',
    crew: ['priya', 'tomas', 'aiko'],
    cadenceDays: 30,
    ambition:
      'Become the partner Kestrel designs its wholesale service with — so cafés feel Kestrel understands their morning rush better than any other roaster.',
    status: 'active',
    startedDaysAgo: 360,
    lastCheckInDaysAgo: 12,
    missedCheckIns: 0.1,
    perMonth: 1.8,
    trend: 0.7,
    clientShare: 0.45,
    sharedShare: 0.75,
    topics: [
      'the café onboarding kit',
      'wholesale pricing tiers',
      'the reorder tool',
      'delivery-day routines',
    ],
    deliverables: [
      'the onboarding kit prototype',
      'the reorder-flow prototype',
      'the café journey map',
      'the packaging label spec',
    ],
    assessments: [
      {
        daysAgo: 355,
        stage: 'transactional',
        level: 'expectations',
        by: 'priya',
        note: 'Started as a packaging refresh: clear brief, fixed fee, three milestones. They expect good labels on time, and that is the whole relationship for now.',
      },
      {
        daysAgo: 270,
        stage: 'advisory',
        level: 'expectations',
        by: 'priya',
        note: 'Hanna asked us to sit in on the wholesale pricing discussion. We advise beyond the brief now, but still on their questions.',
      },
      {
        daysAgo: 180,
        stage: 'partnership',
        level: 'desires',
        by: 'priya',
        note: 'Co-designing the café onboarding kit with Omar and two café owners. Shared backlog since spring, and Hanna brings topics to check-ins unprompted.',
      },
      {
        daysAgo: 45,
        stage: 'co_creation',
        level: 'unrecognized_needs',
        by: 'maya',
        note: "The bar shifts surfaced the delivery-weight problem nobody had named. We are building the café reorder tool together, with Kestrel's baristas in the team.",
      },
    ],
    immersions: [
      {
        daysAgo: 150,
        by: 'tomas',
        summary: "Worked a Saturday shift behind the bar at Kestrel's partner café on Dock Street.",
        discoveries:
          'Baristas re-weigh every delivery because bag weights vary by up to 40 g and there is no way to flag it to the roastery, so they quietly stop ordering the blends that come in light.',
      },
      {
        daysAgo: 95,
        by: 'aiko',
        summary: "Rode along on Kestrel's Tuesday delivery van: nine cafés in four hours.",
        discoveries:
          'Most cafés reorder by texting the driver a photo of the empty shelf; only two of the nine use the order form.',
      },
      {
        daysAgo: 20,
        by: 'priya',
        summary: 'Spent a morning at the roastery cupping table with Jun and three café owners.',
        discoveries:
          'Café owners care less about tasting notes than about how a blend behaves in milk at 6 am with a new barista on the machine.',
      },
    ],
  },
  {
    client: 'meridian',
    team: 'design',
    services: ['serviceDesign'],
    owner: 'tomas',
    crew: ['tomas', 'priya'],
    cadenceDays: 45,
    ambition:
      'Help the Meridian welcome people who have never been to a museum, designed with the front-of-house team who meet them every day.',
    status: 'active',
    startedDaysAgo: 330,
    lastCheckInDaysAgo: 20,
    missedCheckIns: 0.1,
    perMonth: 1.5,
    trend: 0.3,
    clientShare: 0.3,
    sharedShare: 0.65,
    topics: [
      'the family visit journey',
      'wayfinding from the tram stop',
      'the membership renewal letters',
      'the school visits booking flow',
    ],
    deliverables: [
      'the visitor journey blueprint',
      'wayfinding prototypes for the east wing',
      'the school booking prototype',
    ],
    assessments: [
      {
        daysAgo: 320,
        stage: 'advisory',
        level: 'expectations',
        by: 'tomas',
        note: 'Brought in to advise on the visitor journey after a poor survey year. Esther wants answers; we keep asking to meet the front-of-house team.',
      },
      {
        daysAgo: 200,
        stage: 'advisory',
        level: 'desires',
        by: 'tomas',
        note: "Rosa's team co-wrote the family-visit prototype with us. Still their questions and our answers, but they now shape what we test.",
      },
      {
        daysAgo: 90,
        stage: 'partnership',
        level: 'desires',
        by: 'priya',
        note: 'Felix and Esther bring their own topics to check-ins (the school visits flow came from them), and we share our capacity openly.',
      },
    ],
    immersions: [
      {
        daysAgo: 215,
        by: 'tomas',
        summary: 'Spent a Sunday on the visitor services desk with Rosa.',
        discoveries:
          'Half the questions at the desk are about the cloakroom and buggy parking, not the exhibitions; families decide in the first ten minutes whether they will come back.',
      },
      {
        daysAgo: 110,
        by: 'priya',
        summary: 'Followed two school groups from coach drop-off to the lunch room.',
        discoveries:
          'Teachers spend the first twenty minutes counting children at the entrance because there is nowhere to stand out of the rain.',
      },
    ],
  },
  {
    client: 'aldwin',
    team: 'design',
    services: ['serviceDesign'],
    owner: 'priya',
    crew: ['priya', 'tomas', 'aiko'],
    cadenceDays: 21,
    ambition:
      'Outpatients that feel like one hospital, not six departments: designed with the nurses and clerks who hold it together today.',
    status: 'active',
    startedDaysAgo: 350,
    lastCheckInDaysAgo: 8,
    missedCheckIns: 0.15,
    perMonth: 1.8,
    trend: 0.2,
    clientShare: 0.35,
    sharedShare: 0.6,
    topics: [
      'outpatient check-in',
      'referral letters',
      'the waiting-room information screens',
      'appointment reminders by text',
    ],
    deliverables: [
      'the outpatient service blueprint',
      'the check-in kiosk prototype',
      'reminder text variants for testing',
    ],
    assessments: [
      {
        daysAgo: 345,
        stage: 'advisory',
        level: 'expectations',
        by: 'priya',
        note: 'Asked to advise on a new check-in kiosk. Nadia is clear the brief is the kiosk, but open to how we get there.',
      },
      {
        daysAgo: 230,
        stage: 'partnership',
        level: 'desires',
        by: 'priya',
        note: "A fortnightly working session with Nadia, Peter and two clerks; they set half the agenda. 'The kiosk' became 'the first ten minutes of a visit'.",
      },
      {
        daysAgo: 60,
        stage: 'partnership',
        level: 'unrecognized_needs',
        by: 'priya',
        note: "Shadowing reception showed patients queue twice because referrals don't reach the kiosk. Nobody had asked for that fix; Samir's IT team has put it on their roadmap with us.",
      },
    ],
    immersions: [
      {
        daysAgo: 75,
        by: 'aiko',
        summary: 'Shadowed the outpatient reception for a morning with Ingrid.',
        discoveries:
          "Patients queue twice: the check-in kiosk can't see referrals from the GP portal, so a clerk re-keys them while the queue grows.",
      },
      {
        daysAgo: 30,
        by: 'tomas',
        summary: 'Sat in the eye clinic waiting room for three hours with Peter.',
        discoveries:
          "People miss their call because the screen shows room numbers that don't match the signs on the doors.",
      },
    ],
  },
  {
    client: 'greenfield',
    team: 'strategy',
    services: ['brand'],
    owner: 'jonas',
    crew: ['jonas', 'maya'],
    cadenceDays: 45,
    ambition:
      'Help the co-op tell its members why it exists, in words the Thursday volunteers would use too.',
    status: 'active',
    startedDaysAgo: 300,
    lastCheckInDaysAgo: 30,
    missedCheckIns: 0.1,
    perMonth: 1.3,
    trend: 0.3,
    clientShare: 0.3,
    sharedShare: 0.7,
    topics: ['the member newsletter', 'the bulk-bin range', 'the annual member meeting', 'store signage'],
    deliverables: [
      'the member story workshop outcomes',
      'newsletter templates',
      'the brand platform one-pager',
    ],
    assessments: [
      {
        daysAgo: 295,
        stage: 'transactional',
        level: 'expectations',
        by: 'jonas',
        note: 'A one-off brief for a new logo. Ben wanted files; we delivered files.',
      },
      {
        daysAgo: 170,
        stage: 'advisory',
        level: 'expectations',
        by: 'jonas',
        note: 'Ruth invited us to the member council to advise on the annual meeting. Advising now, still on their agenda.',
      },
      {
        daysAgo: 50,
        stage: 'advisory',
        level: 'desires',
        by: 'maya',
        note: 'Members co-wrote the brand platform with us at the annual meeting; the council asks for our view before decisions, not after.',
      },
    ],
    immersions: [
      {
        daysAgo: 120,
        by: 'maya',
        summary: 'Stacked shelves with the Thursday volunteer crew at the Greenfield store.',
        discoveries:
          'Members choose the co-op for the bulk bins, yet the bins are the first thing cut when the store is short-staffed. Nobody had connected the two.',
      },
    ],
  },
  {
    client: 'ledgerly',
    team: 'design',
    services: ['designSystems'],
    owner: 'maya',
    crew: ['maya', 'tomas', 'priya'],
    cadenceDays: 21,
    ambition:
      "A design system Ledgerly's product teams own themselves, and a seat in their roadmap conversations long after our components ship.",
    status: 'active',
    startedDaysAgo: 365,
    lastCheckInDaysAgo: 3,
    missedCheckIns: 0.05,
    perMonth: 2,
    trend: 0.4,
    clientShare: 0.5,
    sharedShare: 0.75,
    topics: [
      'the component library',
      'the invoice editor redesign',
      'accessibility of the forms',
      'design system governance',
    ],
    deliverables: [
      'the colour and spacing tokens',
      'the form components release',
      'the governance playbook',
      'the invoice editor prototype',
    ],
    assessments: [
      {
        daysAgo: 360,
        stage: 'advisory',
        level: 'expectations',
        by: 'maya',
        note: "Hired to audit the UI and advise on a design system. Sofia's team expects a report with recommendations.",
      },
      {
        daysAgo: 240,
        stage: 'partnership',
        level: 'expectations',
        by: 'maya',
        note: "A joint squad with Daniel's designers: they pair with us on components and we sit in their sprint reviews.",
      },
      {
        daysAgo: 130,
        stage: 'partnership',
        level: 'desires',
        by: 'tomas',
        note: 'Kai brings customer-success tickets to our check-ins; we shape the invoice editor roadmap together.',
      },
      {
        daysAgo: 25,
        stage: 'co_creation',
        level: 'desires',
        by: 'maya',
        note: "Ledgerly's team and ours run the governance group together, and the invoice editor was co-designed with bookkeepers from three of their customers.",
      },
    ],
    immersions: [
      {
        daysAgo: 140,
        by: 'tomas',
        summary: "Spent month-end close with one of Ledgerly's customers, a four-person bookkeeping firm.",
        discoveries:
          'They keep a paper checklist beside the app because the invoice editor hides the VAT status two clicks deep.',
      },
    ],
  },
];

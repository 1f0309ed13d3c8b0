import type { Role } from '../platform/auth/auth.table';

// The demo studio itself: its people, teams, services and clients. Plain data; demo.seed.ts inserts it.

export const STUDIO_NAME = 'Northwind Studio';

export type PersonKey = 'maya' | 'jonas' | 'priya' | 'tomas' | 'aiko' | 'lena';

/** `maya` is the demo user (owner); the others are colleagues nobody logs in as. */
export const people: { key: PersonKey; name: string; local: string; role: Role }[] = [
  { key: 'maya', name: 'Maya Lindqvist', local: 'demo', role: 'owner' },
  { key: 'jonas', name: 'Jonas Berger', local: 'jonas', role: 'admin' },
  { key: 'priya', name: 'Priya Raman', local: 'priya', role: 'admin' },
  { key: 'tomas', name: 'Tomás Ferreira', local: 'tomas', role: 'member' },
  { key: 'aiko', name: 'Aiko Tanaka', local: 'aiko', role: 'member' },
  { key: 'lena', name: 'Lena Vogel', local: 'lena', role: 'member' },
];

export type TeamKey = 'strategy' | 'design' | 'people';

export const teamList: { key: TeamKey; name: string; description: string }[] = [
  {
    key: 'strategy',
    name: 'Strategy & Research',
    description:
      'Brand strategy and research sprints — and the partner conversations that start when the brief ends.',
  },
  {
    key: 'design',
    name: 'Design',
    description: 'Service design and design systems, built with the people who will live with them.',
  },
  {
    key: 'people',
    name: 'People & Operations',
    description:
      'Our services to colleagues: leadership, hiring and onboarding, finance partnering. Our clients sit two desks away.',
  },
];

export type ServiceKey =
  | 'brand'
  | 'research'
  | 'serviceDesign'
  | 'designSystems'
  | 'leadership'
  | 'hiring'
  | 'finance';

export const serviceList: {
  key: ServiceKey;
  team: TeamKey;
  name: string;
  kind: 'external' | 'internal';
  description: string;
}[] = [
  {
    key: 'brand',
    team: 'strategy',
    name: 'Brand strategy',
    kind: 'external',
    description: 'Positioning, brand architecture and the story an organisation tells about itself.',
  },
  {
    key: 'research',
    team: 'strategy',
    name: 'Research sprints',
    kind: 'external',
    description: 'Two to four weeks in the field with the people who use the service, ending in decisions.',
  },
  {
    key: 'serviceDesign',
    team: 'design',
    name: 'Service design',
    kind: 'external',
    description: 'Journeys, blueprints and prototypes of a service, tested at the front line.',
  },
  {
    key: 'designSystems',
    team: 'design',
    name: 'Design systems',
    kind: 'external',
    description: 'Shared components and guidelines that product teams actually adopt.',
  },
  {
    key: 'leadership',
    team: 'people',
    name: 'Leadership',
    kind: 'internal',
    description:
      'Leadership is a service, of course it is: clearing the way so teams can do their best work, and asking them how.',
  },
  {
    key: 'hiring',
    team: 'people',
    name: 'Hiring & onboarding',
    kind: 'internal',
    description: 'Finding, hiring and welcoming new colleagues, with the team they will join in the room.',
  },
  {
    key: 'finance',
    team: 'people',
    name: 'Finance partnering',
    kind: 'internal',
    description: 'Budgets, forecasts and pricing advice for the teams that carry them.',
  },
];

export type ClientKey =
  | 'kestrel'
  | 'harbour'
  | 'meridian'
  | 'fjordline'
  | 'aldwin'
  | 'greenfield'
  | 'ledgerly'
  | 'brightwater'
  | 'atlas'
  | 'ownFinance'
  | 'ownSales'
  | 'ownDesign';

export type ContactSeed = { name: string; email: string; role: string; portalAccess?: boolean };

export const clientList: {
  key: ClientKey;
  name: string;
  kind: 'external' | 'internal';
  industry: string;
  website: string | null;
  contacts: ContactSeed[];
}[] = [
  {
    key: 'kestrel',
    name: 'Kestrel Coffee Roasters',
    kind: 'external',
    industry: 'Specialty coffee roasting (wholesale to cafés)',
    website: 'https://kestrelcoffee.example',
    contacts: [
      { name: 'Hanna Kestrel', email: 'hanna@kestrelcoffee.example', role: 'Founder', portalAccess: true },
      { name: 'Omar Said', email: 'omar.said@kestrelcoffee.example', role: 'Head of wholesale' },
      { name: 'Jun Park', email: 'jun.park@kestrelcoffee.example', role: 'Café trainer' },
    ],
  },
  {
    key: 'harbour',
    name: 'Harbour Savings Bank',
    kind: 'external',
    industry: 'Regional banking',
    website: 'https://harbourbank.example',
    contacts: [
      {
        name: 'Claire Dubois',
        email: 'claire.dubois@harbourbank.example',
        role: 'Head of customer experience',
      },
      { name: 'Martin Hale', email: 'martin.hale@harbourbank.example', role: 'Procurement manager' },
    ],
  },
  {
    key: 'meridian',
    name: 'The Meridian Museum',
    kind: 'external',
    industry: 'Museums and culture',
    website: 'https://meridianmuseum.example',
    contacts: [
      { name: 'Esther Okonjo', email: 'e.okonjo@meridianmuseum.example', role: 'Director of audiences' },
      { name: 'Felix Brandt', email: 'f.brandt@meridianmuseum.example', role: 'Head of learning' },
      { name: 'Rosa Lima', email: 'r.lima@meridianmuseum.example', role: 'Visitor services manager' },
    ],
  },
  {
    key: 'fjordline',
    name: 'Fjordline Logistics',
    kind: 'external',
    industry: 'Freight and logistics',
    website: 'https://fjordline.example',
    contacts: [{ name: 'Anders Holm', email: 'anders.holm@fjordline.example', role: 'COO' }],
  },
  {
    key: 'aldwin',
    name: 'St. Aldwin University Hospital',
    kind: 'external',
    industry: 'Healthcare (university hospital)',
    website: 'https://staldwin-hospital.example',
    contacts: [
      {
        name: 'Dr. Nadia Rahman',
        email: 'nadia.rahman@staldwin-hospital.example',
        role: 'Clinical lead, outpatients',
        portalAccess: true,
      },
      {
        name: 'Peter Quinn',
        email: 'peter.quinn@staldwin-hospital.example',
        role: 'Patient experience manager',
      },
      { name: 'Ingrid Sol', email: 'ingrid.sol@staldwin-hospital.example', role: 'Nurse manager' },
      { name: 'Samir Haddad', email: 'samir.haddad@staldwin-hospital.example', role: 'IT product owner' },
    ],
  },
  {
    key: 'greenfield',
    name: 'Greenfield Food Co-op',
    kind: 'external',
    industry: 'Food retail co-operative',
    website: 'https://greenfieldcoop.example',
    contacts: [
      { name: 'Ruth Adeyemi', email: 'ruth@greenfieldcoop.example', role: 'Member council chair' },
      { name: 'Ben Carter', email: 'ben@greenfieldcoop.example', role: 'Store operations lead' },
    ],
  },
  {
    key: 'ledgerly',
    name: 'Ledgerly',
    kind: 'external',
    industry: 'B2B software (accounting for small firms)',
    website: 'https://ledgerly.example',
    contacts: [
      { name: 'Sofia Marin', email: 'sofia@ledgerly.example', role: 'VP Product', portalAccess: true },
      { name: 'Daniel Wu', email: 'daniel.wu@ledgerly.example', role: 'Design lead' },
      { name: 'Kai Jensen', email: 'kai.jensen@ledgerly.example', role: 'Customer success lead' },
    ],
  },
  {
    key: 'brightwater',
    name: 'Brightwater Utilities',
    kind: 'external',
    industry: 'Water utility',
    website: 'https://brightwater.example',
    contacts: [
      { name: 'Owen Price', email: 'owen.price@brightwater.example', role: 'Head of customer operations' },
      { name: 'Leah Morgan', email: 'leah.morgan@brightwater.example', role: 'Research coordinator' },
    ],
  },
  {
    key: 'atlas',
    name: 'Atlas Vocational College',
    kind: 'external',
    industry: 'Vocational education',
    website: 'https://atlascollege.example',
    contacts: [
      { name: 'Mira Novak', email: 'mira.novak@atlascollege.example', role: 'Dean of students' },
      { name: 'Tariq Aziz', email: 'tariq.aziz@atlascollege.example', role: 'Digital learning lead' },
    ],
  },
  {
    key: 'ownFinance',
    name: 'Our own Finance team',
    kind: 'internal',
    industry: 'Internal department',
    website: null,
    contacts: [{ name: 'Hugo Martens', email: 'hugo.martens@northwind.example', role: 'Finance manager' }],
  },
  {
    key: 'ownSales',
    name: 'Our own Sales team',
    kind: 'internal',
    industry: 'Internal department',
    website: null,
    contacts: [
      { name: 'Zoe Achterberg', email: 'zoe.achterberg@northwind.example', role: 'Head of new business' },
      { name: 'Malik Osei', email: 'malik.osei@northwind.example', role: 'Account manager' },
    ],
  },
  {
    key: 'ownDesign',
    name: 'Our own Design team',
    kind: 'internal',
    industry: 'Internal department',
    website: null,
    contacts: [{ name: 'Noor Haddou', email: 'noor.haddou@northwind.example', role: 'Senior designer' }],
  },
];

import { eq } from 'drizzle-orm';
import type { Db } from '../db/open';
import { contacts } from '../features/clients/clients.table';
import { eventRsvps, events } from '../features/community/events.table';
import { purposes } from '../features/community/purpose.table';
import { recordAttendance } from '../features/community/rsvps.store';
import { knowledgeItems } from '../features/knowledge/knowledge.table';
import { newId } from '../platform/ids';
import { articleList } from './demo.knowledge';
import type { PersonKey } from './demo.org';

// The demo studio's community: its purpose, past events with notes (whose attendance is already on the
// relationships' timelines), upcoming ones with answers, and the knowledge library (demo.knowledge.ts).

const DAY = 86_400_000;
const HOUR = 3_600_000;

export const PURPOSE =
  'We help organisations serve people better — by learning their world as well as our own craft. We measure ourselves by what our clients can do after we leave, and we keep room, every week, to get better at partnering.';

type Answer = 'yes' | 'no' | 'maybe' | null;
type EventSeed = {
  title: string;
  /** Days from today (negative: past), at 17:00 UTC. */
  inDays: number;
  hours: number;
  location: string;
  audience: 'internal' | 'clients' | 'community';
  by: PersonKey;
  description: string;
  notes?: string;
  members: Partial<Record<PersonKey, Answer>>;
  /** Contacts by email. */
  contacts: Record<string, Answer>;
};

const eventList: EventSeed[] = [
  {
    title: 'Reflection day: a year of partnering',
    inDays: -70,
    hours: 6,
    location: 'Northwind Studio, the long table',
    audience: 'internal',
    by: 'maya',
    description: 'A day away from client work: what moved, what stalled, and what we want to try next.',
    notes:
      'Two movements side by side: three relationships moved up a stage, while our partnership time fell in finance months. We agreed on a protected half-day per team.',
    members: { maya: 'yes', jonas: 'yes', priya: 'yes', tomas: 'yes', aiko: 'maybe', lena: 'yes' },
    contacts: {},
  },
  {
    title: 'Service design breakfast: what the museum learned from its visitors',
    inDays: -40,
    hours: 2,
    location: 'Northwind Studio, Canal Street 12',
    audience: 'clients',
    by: 'priya',
    description:
      'The Meridian Museum shares what a season of visitor research changed in their galleries. Coffee from Kestrel.',
    notes:
      'Fourteen came. Esther showed the new family route; Hanna asked how museums train front-of-house staff — a topic for Kestrel too.',
    members: { priya: 'yes', maya: 'yes', jonas: 'maybe' },
    contacts: {
      'e.okonjo@meridianmuseum.example': 'yes',
      'f.brandt@meridianmuseum.example': 'yes',
      'hanna@kestrelcoffee.example': 'yes',
      'sofia@ledgerly.example': 'no',
    },
  },
  {
    title: 'Harvest cupping at Kestrel',
    inDays: -12,
    hours: 3,
    location: 'Kestrel Coffee Roasters, the roastery',
    audience: 'community',
    by: 'tomas',
    description: 'Taste the new harvest with the roasters and the cafés they supply.',
    notes:
      'Cafés compared notes on the morning rush. Ruth wants to try the same format with the co-op’s suppliers.',
    members: { tomas: 'yes', aiko: 'yes' },
    contacts: {
      'hanna@kestrelcoffee.example': 'yes',
      'jun.park@kestrelcoffee.example': 'yes',
      'ruth@greenfieldcoop.example': 'yes',
      'ben@greenfieldcoop.example': 'maybe',
    },
  },
  {
    title: 'Open studio: design systems evening',
    inDays: 9,
    hours: 3,
    location: 'Northwind Studio, Canal Street 12',
    audience: 'clients',
    by: 'aiko',
    description: 'Clients show the components their own teams built. Drinks and demos.',
    members: { aiko: 'yes', tomas: 'maybe', maya: 'yes' },
    contacts: {
      'sofia@ledgerly.example': null,
      'daniel.wu@ledgerly.example': 'yes',
      'samir.haddad@staldwin-hospital.example': null,
    },
  },
  {
    title: 'Leadership as a service: a conversation with our own teams',
    inDays: 23,
    hours: 2,
    location: 'Online (link in the invitation)',
    audience: 'internal',
    by: 'lena',
    description: 'How People & Operations serves Finance and Sales, and what they would change.',
    members: { lena: 'yes', maya: null, jonas: null, priya: 'maybe' },
    contacts: {},
  },
  {
    title: 'Community meet-up: working behind the bar',
    inDays: 45,
    hours: 3,
    location: 'Kestrel Coffee Roasters, Harbour Street café',
    audience: 'community',
    by: 'maya',
    description:
      'Clients and colleagues trade stories of immersion days: what you learn when you do the other side’s work for a morning.',
    members: { maya: 'yes' },
    contacts: {
      'hanna@kestrelcoffee.example': null,
      'omar.said@kestrelcoffee.example': null,
      'owen.price@brightwater.example': null,
      'mira.novak@atlascollege.example': null,
    },
  },
];

export async function insertCommunity(
  db: Db,
  ctx: { workspaceId: string; now: Date; userId: (key: PersonKey) => string },
): Promise<void> {
  const { workspaceId, now, userId } = ctx;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  await db
    .insert(purposes)
    .values({ workspaceId, statement: PURPOSE, updatedBy: userId('maya'), updatedAt: ago(300) });

  await db.insert(knowledgeItems).values(
    articleList.map((a) => ({
      workspaceId,
      id: newId(),
      title: a.title,
      body: a.body,
      tags: a.tags,
      visibility: a.visibility,
      createdBy: userId(a.by),
      updatedBy: userId(a.by),
      createdAt: ago(a.daysAgo),
      updatedAt: ago(a.daysAgo),
    })),
  );

  const contactRows = await db
    .select({ id: contacts.id, email: contacts.email })
    .from(contacts)
    .where(eq(contacts.workspaceId, workspaceId));
  const contactId = new Map(contactRows.map((c) => [c.email, c.id]));
  const today17 = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 17);

  for (const e of eventList) {
    const startsAt = new Date(today17 + e.inDays * DAY);
    const created = new Date(Math.min(startsAt.getTime() - 21 * DAY, now.getTime()));
    const id = newId(created.getTime());
    const [row] = await db
      .insert(events)
      .values({
        workspaceId,
        id,
        title: e.title,
        description: e.description,
        location: e.location,
        startsAt,
        endsAt: new Date(startsAt.getTime() + e.hours * HOUR),
        audience: e.audience,
        notes: e.notes ?? null,
        createdBy: userId(e.by),
        createdAt: created,
        updatedAt: e.notes ? new Date(Math.min(startsAt.getTime() + DAY, now.getTime())) : created,
      })
      .returning();
    const answered = (a: Answer) =>
      a ? { response: a, respondedAt: new Date(created.getTime() + 2 * DAY) } : {};
    const people = [
      ...Object.entries(e.members).map(([key, a]) => ({
        userId: userId(key as PersonKey),
        contactId: null,
        a,
      })),
      ...Object.entries(e.contacts)
        .filter(([email]) => contactId.has(email))
        .map(([email, a]) => ({ userId: null, contactId: contactId.get(email)!, a })),
    ];
    await db.insert(eventRsvps).values(
      people.map((p) => ({
        workspaceId,
        id: newId(),
        eventId: id,
        userId: p.userId,
        contactId: p.contactId,
        invitedAt: created,
        createdAt: created,
        ...answered(p.a ?? null),
      })),
    );
    // Past events with notes: the clients who came already have the event on their timeline.
    if (row!.notes) await recordAttendance(db, workspaceId, row!, userId(e.by), row!.updatedAt);
  }
}

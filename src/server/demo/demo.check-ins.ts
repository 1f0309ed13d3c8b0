import { defaultAgenda } from '../features/check-ins/check-in-agenda.contract';
import type { checkInContexts, checkIns } from '../features/check-ins/check-ins.table';
import { newId } from '../platform/ids';
import type { PersonKey } from './demo.org';
import type { RelationshipSeed } from './demo.relationships';
import type { PlannedTouchpoint } from './demo.touchpoints';
import type { Rng } from './prng';

// The demo's partner check-ins: the last few held ones of every relationship with both sides' context
// (the most recent client side filled by the contact, older ones by us on their behalf), a skipped one
// with its reason, and the next ones already in the calendar for some — so the Check-ins page shows
// overdue, this week and later for real.

const DAY = 86_400_000;

export type DemoPerson = { id: string; name: string; email: string };
export type DemoRelationship = {
  id: string;
  clientName: string;
  seed: RelationshipSeed;
  plan: PlannedTouchpoint[];
  owner: DemoPerson;
  contacts: DemoPerson[];
};
export type DemoCheckIn = { id: string; relationshipId: string; heldAt: Date };

/** Days from today of check-ins already planned, by client: this week, and a few weeks out. */
const scheduledAhead: Partial<Record<RelationshipSeed['client'], number>> = {
  brightwater: 4,
  ownSales: 3,
  kestrel: 16,
  ledgerly: 17,
};

const ours = {
  businessUpdate: [
    'Two new wholesale clients this quarter, and a service designer joins us in spring.',
    'A quieter month after the autumn launches; we are using it for a research sprint of our own.',
    'Busy: three projects land in the same fortnight. The team is tired but proud of the work.',
    'We moved the studio to a four-day week for January and are watching what it does to the work.',
  ],
  unusedCapacity: [
    '{person} has two free days a week from next month.',
    'A researcher is free for three weeks after the next release.',
    'Half a day a week of design time that no project has claimed yet.',
    '',
  ],
  waysOfWorking: [
    'One shared backlog instead of status emails.',
    'Shorter working sessions, with their operations lead in the room.',
    'Send the agenda two days ahead, so both sides come prepared.',
  ],
};

const theirs = {
  businessUpdate: [
    'Sales are up, but the team is stretched thin and hiring is slow.',
    'A hard winter: two sites closed for refurbishment, reopening in March.',
    'New leadership since the spring; every budget is under review.',
    'Steady. The board wants to see the new service live before summer.',
  ],
  unusedCapacity: [
    'Their operations lead can join two working sessions a month.',
    'Their analyst has spare time while the refurbishment runs.',
    '',
    '',
  ],
  waysOfWorking: [
    'Fewer meetings, more shared documents.',
    'Decide in the session, not by email afterwards.',
    'Bring the front-line staff in earlier, not only for testing.',
  ],
};

const fill = (s: string, person: string) => s.replaceAll('{person}', person);

export function planCheckIns(
  rng: Rng,
  workspaceId: string,
  rel: DemoRelationship,
  crewName: (key: PersonKey) => string,
  now: Date,
): {
  checkIns: (typeof checkIns.$inferInsert)[];
  contexts: (typeof checkInContexts.$inferInsert)[];
  held: DemoCheckIn[];
} {
  const { seed } = rel;
  const attendees = [
    { name: rel.owner.name, email: rel.owner.email, kind: 'owner' as const },
    ...rel.contacts.slice(0, 2).map((c) => ({ name: c.name, email: c.email, kind: 'contact' as const })),
  ];
  const base = {
    workspaceId,
    relationshipId: rel.id,
    durationMinutes: 60,
    agenda: defaultAgenda,
    attendees,
    sequence: 0,
    createdBy: rel.owner.id,
  };
  const rows: (typeof checkIns.$inferInsert)[] = [];
  const contexts: (typeof checkInContexts.$inferInsert)[] = [];
  const held: DemoCheckIn[] = [];
  const recent = rel.plan
    .filter((t) => t.checkIn)
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())
    // Eight months of them: enough for the balance's check-ins-on-time over the months it shows.
    .filter((t) => t.occurredAt.getTime() > now.getTime() - 240 * DAY);
  let contextsLeft = 2;
  for (const t of recent) {
    const id = newId(t.occurredAt.getTime());
    const scheduledFor = new Date(t.occurredAt);
    const createdAt = new Date(scheduledFor.getTime() - 14 * DAY);
    if (t.checkIn === 'missed') {
      rows.push({
        ...base,
        id,
        scheduledFor,
        status: 'skipped',
        notes: t.summary,
        createdAt,
        updatedAt: scheduledFor,
      });
      continue;
    }
    rows.push({
      ...base,
      id,
      scheduledFor,
      status: 'held',
      heldAt: t.occurredAt,
      notes: t.summary,
      createdAt,
      updatedAt: t.occurredAt,
    });
    held.push({ id, relationshipId: rel.id, heldAt: t.occurredAt });
    if (contextsLeft === 0) continue;
    const byContact = contextsLeft === 2 && rel.contacts.length > 0;
    contextsLeft--;
    const [first = 'the work', second = first] = [rng.pick(seed.topics), rng.pick(seed.topics)];
    const contact = rel.contacts[0];
    contexts.push(
      {
        workspaceId,
        id: newId(),
        checkInId: id,
        side: 'provider',
        businessUpdate: rng.pick(ours.businessUpdate),
        unusedCapacity: fill(rng.pick(ours.unusedCapacity), crewName(rng.pick(seed.crew))),
        furtherTopics: first === second ? first : `${first}\n${second}`,
        waysOfWorking: rng.pick(ours.waysOfWorking),
        filledByKind: 'provider',
        filledByUserId: rel.owner.id,
        filledByName: rel.owner.name,
        updatedAt: t.occurredAt,
      },
      {
        workspaceId,
        id: newId(),
        checkInId: id,
        side: 'client',
        businessUpdate: rng.pick(theirs.businessUpdate),
        unusedCapacity: rng.pick(theirs.unusedCapacity),
        furtherTopics: rng.pick(seed.topics),
        waysOfWorking: rng.pick(theirs.waysOfWorking),
        filledByKind: byContact ? 'client' : 'provider_on_behalf',
        filledByUserId: byContact ? null : rel.owner.id,
        filledByContactId: null,
        filledByName: byContact && contact ? contact.name : rel.owner.name,
        updatedAt: t.occurredAt,
      },
    );
  }
  const ahead = scheduledAhead[seed.client];
  if (ahead !== undefined && seed.status === 'active') {
    const scheduledFor = new Date(now.getTime() + ahead * DAY);
    scheduledFor.setUTCHours(10, 0, 0, 0);
    rows.push({
      ...base,
      id: newId(),
      scheduledFor,
      status: 'scheduled',
      createdAt: new Date(now.getTime() - 2 * DAY),
      updatedAt: new Date(now.getTime() - 2 * DAY),
    });
  }
  return { checkIns: rows, contexts, held };
}

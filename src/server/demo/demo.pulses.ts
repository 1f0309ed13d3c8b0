import { randomUUID } from 'node:crypto';
import { reminderAt } from '../../domain/pulse';
import type { Db } from '../db/open';
import { pulseAnswers, pulseRecipients, pulses } from '../features/pulses/pulses.table';
import { randomToken, sha256 } from '../platform/auth/secrets';
import { newId } from '../platform/ids';
import type { DemoPerson } from './demo.check-ins';
import { type ClientKey, type PersonKey, people, type ServiceKey, type TeamKey, teamList } from './demo.org';
import { mulberry32 } from './prng';

// Pulse rounds of the demo: five closed client rounds per relationship (Harbour Savings Bank's falling from
// 8.5 to 6.0), the teams' own anonymous pulse on the same months, colleagues rating Leadership, and one open
// round with answers still pending. Scores are chosen so each round's average is exactly the story's.

const SEED = 20_260_613;
const DAY = 86_400_000;
/** When the closed rounds closed, in days before today (oldest first). */
const CLOSED = [196, 154, 112, 70, 28];

export type PulseContext = {
  workspaceId: string;
  now: Date;
  userId: (key: PersonKey) => string;
  teamIds: Record<TeamKey, string>;
  serviceIds: Record<ServiceKey, string>;
  relationships: {
    id: string;
    client: ClientKey;
    clientName: string;
    team: TeamKey;
    crew: PersonKey[];
    active: boolean;
    contacts: DemoPerson[];
  }[];
};

/** Each relationship's client pulse, round by round (the story the health and trends tell). */
const clientStory: Partial<Record<ClientKey, number[]>> = {
  harbour: [8.5, 8.5, 7.5, 7.0, 6.0],
  kestrel: [7.0, 7.5, 8.0, 8.5, 9.0],
  meridian: [6.5, 7.0, 7.5, 7.5, 8.0],
  aldwin: [7.0, 7.0, 7.5, 8.0, 8.5],
  ledgerly: [7.5, 8.0, 8.0, 8.5, 8.5],
  greenfield: [7.0, 7.5, 7.5, 8.0, 8.5],
};
const steady = [7.5, 7.5, 7.0, 7.5, 7.5];

/** The teams' own pulse: Strategy & Research sags with its biggest client; Design grows with its partners. */
const teamStory: Record<TeamKey, number[]> = {
  strategy: [8.0, 7.8, 7.2, 6.6, 6.2],
  design: [7.0, 7.3, 7.6, 8.0, 8.3],
  people: [7.2, 7.0, 7.4, 7.3, 7.5],
};

const comments: Record<string, string[]> = {
  harbour: [
    'The research sprint changed how our board talks about members.',
    'Still valuable, but we see less of the team since the pilot ended.',
    'Decisions on the branch redesign were made without us in the room.',
    'We get deliverables on time; we miss the conversations about what comes next.',
    'Honestly, it feels transactional again. Come and spend a day in a branch with us.',
  ],
  default: [
    'Regular check-ins help us think beyond the current project.',
    'More time with our front-line staff would make the work even better.',
    'You bring the questions nobody internally dares to ask.',
    'A shared backlog of ideas has made planning easier.',
    'Keep the working sessions with our team — they are the most useful part.',
  ],
  employee: [
    'Billable pressure leaves little room to try things with clients.',
    'The immersion days are the best part of the job.',
    'I would like more time for the partner conversations.',
  ],
  service: [
    'Leadership is easier to reach since the open office hours.',
    'Clearer priorities each quarter would help.',
    'The team offsite made a real difference.',
  ],
};

/** Whole scores 0–10 whose mean is `target` (to the nearest achievable), spread a little around it. */
export function scoresFor(target: number, n: number): number[] {
  const sum = Math.round(target * n);
  const base = Math.floor(sum / n);
  const scores = Array.from({ length: n }, (_, i) => base + (i < sum % n ? 1 : 0));
  for (let i = 0; i + 1 < n; i += 2)
    if (scores[i]! < 10 && scores[i + 1]! > 0) {
      scores[i]! += 1;
      scores[i + 1]! -= 1;
    }
  return scores;
}

type Rows = {
  pulses: (typeof pulses.$inferInsert)[];
  recipients: (typeof pulseRecipients.$inferInsert)[];
  answers: (typeof pulseAnswers.$inferInsert)[];
};

export async function insertPulses(db: Db, ctx: PulseContext): Promise<void> {
  const { workspaceId, now } = ctx;
  const rng = mulberry32(SEED);
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const dayOf = (d: Date) => d.toISOString().slice(0, 10);
  const month = (d: Date) =>
    d.toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const rows: Rows = { pulses: [], recipients: [], answers: [] };
  const person = (key: PersonKey) => {
    const p = people.find((x) => x.key === key)!;
    return { name: p.name, email: `${p.local}@northwind.example`, userId: ctx.userId(key) };
  };
  const teamName = (t: TeamKey) => teamList.find((x) => x.key === t)!.name;

  function round(
    p: Omit<typeof pulses.$inferInsert, 'workspaceId' | 'id' | 'reminderState' | 'createdAt' | 'updatedAt'>,
    sentDaysAgo: number,
  ) {
    const id = newId(ago(sentDaysAgo).getTime());
    const sent = ago(sentDaysAgo);
    const remind = reminderAt(sent, p.closesOn);
    const open = remind !== null && remind > now;
    rows.pulses.push({
      ...p,
      workspaceId,
      id,
      reminderAt: remind,
      reminderState: open ? 'pending' : remind ? 'sent' : 'none',
      createdBy: ctx.userId('maya'),
      createdAt: sent,
      updatedAt: sent,
    });
    return id;
  }
  function ask(
    pulseId: string,
    who: { name: string; email: string; contactId?: string; userId?: string; relationshipId?: string },
    answered: boolean,
  ) {
    const id = newId();
    rows.recipients.push({
      workspaceId,
      id,
      pulseId,
      name: who.name,
      email: who.email,
      contactId: who.contactId ?? null,
      userId: who.userId ?? null,
      relationshipId: who.relationshipId ?? null,
      tokenHash: sha256(randomToken()),
      answered,
    });
    return id;
  }

  // Client rounds, per relationship.
  for (const rel of ctx.relationships) {
    const story = clientStory[rel.client] ?? steady;
    const notes = comments[rel.client] ?? comments.default!;
    for (const [i, daysAgo] of CLOSED.entries()) {
      const closes = ago(daysAgo);
      const pulseId = round(
        {
          kind: 'client',
          title: `Client pulse — ${month(closes)}`,
          relationshipId: rel.id,
          subject: teamName(rel.team),
          target: `${rel.clientName} · ${teamName(rel.team)}`,
          closesOn: dayOf(closes),
        },
        daysAgo + 14,
      );
      // Harbour's contacts always answer (its numbers are the story); elsewhere one in five skips a round.
      const answering = rel.contacts.filter(
        (_, k) => k === 0 || rel.client === 'harbour' || !rng.chance(0.2),
      );
      const scores = scoresFor(story[i]!, answering.length);
      for (const c of rel.contacts) {
        const k = answering.indexOf(c);
        const recipientId = ask(pulseId, { ...c, contactId: c.id, relationshipId: rel.id }, k >= 0);
        if (k < 0) continue;
        rows.answers.push({
          workspaceId,
          id: newId(ago(daysAgo + 10 - k).getTime()),
          pulseId,
          recipientId,
          relationshipId: rel.id,
          score: scores[k]!,
          comment: k === 0 ? notes[i % notes.length]! : null,
          answeredAt: ago(daysAgo + 10 - k),
        });
      }
    }
  }

  // The teams' own pulse: anonymous answers that name nobody, on the same months.
  for (const team of teamList) {
    const crew = [
      ...new Set(ctx.relationships.filter((r) => r.team === team.key).flatMap((r) => r.crew)),
    ] as PersonKey[];
    const members = crew.length >= 3 ? crew : people.map((p) => p.key);
    for (const [i, daysAgo] of CLOSED.entries()) {
      const closes = ago(daysAgo);
      const pulseId = round(
        {
          kind: 'employee',
          title: `${team.name} pulse — ${month(closes)}`,
          teamId: ctx.teamIds[team.key],
          subject: team.name,
          target: team.name,
          closesOn: dayOf(closes),
        },
        daysAgo + 14,
      );
      const scores = scoresFor(teamStory[team.key][i]!, members.length);
      const room = scoresFor(teamStory[team.key][i]! - 1, members.length);
      for (const [k, key] of members.entries()) {
        ask(pulseId, person(key), true);
        rows.answers.push({
          workspaceId,
          id: randomUUID(),
          pulseId,
          score: scores[k]!,
          secondScore: room[k]!,
          comment: k === 0 && i >= 3 ? comments.employee![i - 3]! : null,
        });
      }
    }
  }

  // Colleagues rate Leadership, an internal service, three times.
  const colleagues = people.map((p) => p.key).filter((k) => k !== 'lena');
  for (const [i, daysAgo] of [112, 70, 28].entries()) {
    const closes = ago(daysAgo);
    const pulseId = round(
      {
        kind: 'service',
        title: `Leadership as a service — ${month(closes)}`,
        serviceId: ctx.serviceIds.leadership,
        subject: 'Leadership',
        target: 'Leadership',
        closesOn: dayOf(closes),
      },
      daysAgo + 10,
    );
    const scores = scoresFor([6.2, 6.8, 7.4][i]!, colleagues.length);
    for (const [k, key] of colleagues.entries()) {
      const recipientId = ask(pulseId, person(key), true);
      rows.answers.push({
        workspaceId,
        id: newId(ago(daysAgo + 5).getTime()),
        pulseId,
        recipientId,
        score: scores[k]!,
        comment: k === 0 ? comments.service![i]! : null,
        answeredAt: ago(daysAgo + 5),
      });
    }
  }

  // One open round: Design's clients, sent three days ago, some answers still pending.
  const open = round(
    {
      kind: 'client',
      title: 'Winter client pulse — Design',
      teamId: ctx.teamIds.design,
      subject: teamName('design'),
      target: `All clients of ${teamName('design')}`,
      closesOn: dayOf(new Date(now.getTime() + 7 * DAY)),
    },
    3,
  );
  for (const rel of ctx.relationships.filter((r) => r.team === 'design' && r.active)) {
    for (const [k, c] of rel.contacts.entries()) {
      // At Kestrel, Omar has answered and Hanna (who uses the portal) has not: her open pulse waits there.
      const answered = rel.client === 'kestrel' ? k === 1 : k === 0;
      const recipientId = ask(open, { ...c, contactId: c.id, relationshipId: rel.id }, answered);
      if (answered)
        rows.answers.push({
          workspaceId,
          id: newId(ago(2).getTime()),
          pulseId: open,
          recipientId,
          relationshipId: rel.id,
          score: 8 + (rel.client === 'kestrel' ? 1 : 0),
          comment:
            rel.client === 'kestrel' ? 'The tasting-room prototype was a highlight of our year.' : null,
          answeredAt: ago(2),
        });
    }
  }

  await db.insert(pulses).values(rows.pulses);
  for (let i = 0; i < rows.recipients.length; i += 500)
    await db.insert(pulseRecipients).values(rows.recipients.slice(i, i + 500));
  for (let i = 0; i < rows.answers.length; i += 500)
    await db.insert(pulseAnswers).values(rows.answers.slice(i, i + 500));
}

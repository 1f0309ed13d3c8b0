import type { notifications } from '../features/notifications/notifications.table';
import type { topicComments, topics, topicVotes } from '../features/topics/topics.table';
import { newId } from '../platform/ids';
import type { DemoCheckIn, DemoPerson, DemoRelationship } from './demo.check-ins';
import type { Rng } from './prng';

// The demo's shared backlogs: each relationship's topics raised by either side (never by the client
// where only the provider speaks), on every column of the board, with votes and comments from both
// sides — and a few notifications for the demo user.

const DAY = 86_400_000;
type TopicStatus = (typeof topics.$inferInsert)['status'];

/** Older topics have moved on the board; the newest is still open. */
const settled: TopicStatus[] = ['done', 'agreed', 'exploring', 'declined'];

const ourComments = [
  'We could try this as a small pilot first — two weeks, one site.',
  'Happy to bring a first sketch to the next check-in.',
  'This overlaps with what we heard on the last immersion; worth doing together.',
];
const theirComments = [
  'Yes, please — this is what the front line keeps asking about.',
  'Could we start after the quarter closes? The team has no room before then.',
  'Our operations lead would like to be involved from the start.',
];

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export type DemoTopicRows = {
  topics: (typeof topics.$inferInsert)[];
  votes: (typeof topicVotes.$inferInsert)[];
  comments: (typeof topicComments.$inferInsert)[];
};

export function planTopics(
  rng: Rng,
  workspaceId: string,
  rel: DemoRelationship,
  crew: DemoPerson[],
  lastHeld: DemoCheckIn | undefined,
  now: Date,
): DemoTopicRows {
  const out: DemoTopicRows = { topics: [], votes: [], comments: [] };
  const clientSpeaks = rel.seed.clientShare > 0 && rel.contacts.length > 0;
  const offset = rng.int(0, settled.length - 1);
  const last = rel.seed.topics.length - 1;
  rel.seed.topics.forEach((text, i) => {
    const ageDays =
      20 + Math.round(((rel.seed.topics.length - i) / rel.seed.topics.length) * 160) + rng.int(0, 9);
    const createdAt = new Date(now.getTime() - ageDays * DAY);
    const byClient = clientSpeaks && (i % 2 === 1 || rng.chance(rel.seed.clientShare / 2));
    const contact = rel.contacts[i % Math.max(1, rel.contacts.length)];
    const author = byClient && contact ? contact : rel.owner;
    const id = newId(createdAt.getTime());
    const status: TopicStatus =
      i === last ? (rng.chance(0.6) ? 'proposed' : 'exploring') : settled[(i + offset) % settled.length]!;
    out.topics.push({
      workspaceId,
      id,
      relationshipId: rel.id,
      title: sentence(text),
      description: byClient
        ? `Raised by ${author.name} in a partner check-in: they would like to look at ${text} together.`
        : `Came out of our own work on ${rel.seed.deliverables[i % rel.seed.deliverables.length] ?? 'the project'}.`,
      raisedBy: byClient ? 'client' : 'provider',
      status,
      checkInId: i === last && lastHeld ? lastHeld.id : null,
      authorKind: byClient ? 'contact' : 'member',
      authorUserId: byClient ? null : author.id,
      authorContactId: byClient ? author.id : null,
      authorName: author.name,
      statusChangedAt: new Date(createdAt.getTime() + Math.min(ageDays - 1, 14) * DAY),
      createdAt,
      updatedAt: createdAt,
    });
    // Votes from the crew and the client's contacts: a few each, never twice by one person.
    for (const p of crew)
      if (rng.chance(0.5))
        out.votes.push({ workspaceId, topicId: id, voterKind: 'member', voterId: p.id, createdAt });
    if (clientSpeaks)
      for (const c of rel.contacts)
        if (rng.chance(0.4))
          out.votes.push({ workspaceId, topicId: id, voterKind: 'contact', voterId: c.id, createdAt });
    const talk = rng.int(0, clientSpeaks ? 3 : 1);
    for (let k = 0; k < talk; k++) {
      const fromClient = clientSpeaks && k % 2 === (byClient ? 1 : 0) && contact;
      const at = new Date(createdAt.getTime() + (k + 1) * 2 * DAY);
      out.comments.push({
        workspaceId,
        id: newId(at.getTime()),
        topicId: id,
        body: rng.pick(fromClient ? theirComments : ourComments),
        side: fromClient ? 'client' : 'provider',
        authorKind: fromClient ? 'contact' : 'member',
        authorUserId: fromClient ? null : rel.owner.id,
        authorContactId: fromClient ? contact.id : null,
        authorName: fromClient ? contact.name : rel.owner.name,
        createdAt: at,
        updatedAt: at,
      });
    }
  });
  return out;
}

/** What the demo user finds in the bell: a topic a client raised, a vote and a comment (one of them read). */
export function planNotifications(
  workspaceId: string,
  userId: string,
  rows: DemoTopicRows,
  relationshipsOfUser: DemoRelationship[],
  now: Date,
): (typeof notifications.$inferInsert)[] {
  const out: (typeof notifications.$inferInsert)[] = [];
  const mine = new Set(relationshipsOfUser.map((r) => r.id));
  const clientName = (relationshipId: string) =>
    relationshipsOfUser.find((r) => r.id === relationshipId)?.clientName ?? 'the client';
  const link = (t: { relationshipId: string; id: string }) =>
    `/w/${workspaceId}/relationships/${t.relationshipId}?topic=${t.id}`;
  const raised = rows.topics.find((t) => mine.has(t.relationshipId) && t.raisedBy === 'client');
  const proposed = rows.topics.find((t) => mine.has(t.relationshipId) && t.status === 'proposed');
  const comment = rows.comments.find(
    (c) => c.side === 'client' && rows.topics.some((t) => t.id === c.topicId && mine.has(t.relationshipId)),
  );
  const base = (hoursAgo: number) => ({
    workspaceId,
    id: newId(now.getTime() - hoursAgo * 3_600_000),
    userId,
    createdAt: new Date(now.getTime() - hoursAgo * 3_600_000),
  });
  if (raised)
    out.push({
      ...base(30),
      kind: 'topic_raised',
      title: `${raised.authorName} raised a topic: ${raised.title}`,
      body: raised.description ?? '',
      link: link(raised),
      relationshipId: raised.relationshipId,
      topicId: raised.id,
      readAt: new Date(now.getTime() - 20 * 3_600_000),
    });
  if (proposed)
    out.push({
      ...base(5),
      kind: 'topic_voted',
      title: `A colleague voted for “${proposed.title}”`,
      body: `On the backlog of ${clientName(proposed.relationshipId)}.`,
      link: link(proposed),
      relationshipId: proposed.relationshipId,
      topicId: proposed.id,
    });
  if (comment) {
    const topic = rows.topics.find((t) => t.id === comment.topicId)!;
    out.push({
      ...base(2),
      kind: 'topic_commented',
      title: `${comment.authorName} commented on “${topic.title}”`,
      body: comment.body,
      link: link(topic),
      relationshipId: topic.relationshipId,
      topicId: topic.id,
    });
  }
  return out;
}

// What a client contact writes in the portal. Each write goes through the owning feature's store, tells the
// partner lead (or, without one, the workspace's owners and admins) and is audited as the contact — all in
// the caller's transaction, so the app shows it the moment the portal acknowledges it.
import type { Db } from '../../db/open';
import { recordAudit } from '../../platform/audit';
import type { ContextInput } from '../check-ins/check-ins.contract';
import { relationshipRef } from '../check-ins/check-ins.relationship';
import { saveContext } from '../check-ins/check-ins.store';
import type { RsvpResponse } from '../community/events.contract';
import { respond } from '../community/rsvps.store';
import { type MailContext, notify, workspaceLeads } from '../notifications/notifications.store';
import { addComment } from '../topics/topic-comments.store';
import { createTopic, topicPath, voteOnTopic } from '../topics/topics.store';
import {
  assertOwnRelationship,
  getPortalCheckIn,
  personOf,
  toPortalComment,
  toPortalTopic,
} from './portal.read';
import type { PortalViewer } from './portal-auth.store';
import { getPortalEvent, portalEventRow } from './portal-community.read';

/** A signed-in contact (never a preview): only they write. */
type Contact = PortalViewer & { contactId: string };

const audit = (db: Db, v: Contact, action: string, entityId: string, details?: Record<string, unknown>) =>
  recordAudit(
    db,
    { workspaceId: v.workspaceId, actorKind: 'contact', actorId: v.contactId },
    action,
    action.split('.')[0]!,
    entityId,
    details,
  );

async function partnerSide(db: Db, workspaceId: string, relationshipId: string) {
  const rel = await relationshipRef(db, workspaceId, relationshipId);
  return { rel, people: rel.owner ? [rel.owner.id] : await workspaceLeads(db, workspaceId) };
}

export async function saveClientContext(
  db: Db,
  v: Contact,
  relationshipId: string,
  checkInId: string,
  input: ContextInput,
  now: Date,
  mail: MailContext,
) {
  await assertOwnRelationship(db, v, relationshipId);
  const checkIn = await saveContext(
    db,
    v.workspaceId,
    relationshipId,
    checkInId,
    'client',
    { contactId: v.contactId, name: v.contactName },
    input,
    now,
  );
  const { rel, people } = await partnerSide(db, v.workspaceId, relationshipId);
  const day = checkIn.scheduledFor.slice(0, 10);
  await notify(
    db,
    v.workspaceId,
    people,
    {
      kind: 'client_context',
      title: `${v.contactName} (${rel.client.name}) shared their side for the check-in on ${day}`,
      body: input.businessUpdate.slice(0, 280) || 'Their context for the check-in is ready to read.',
      link: `/w/${v.workspaceId}/relationships/${relationshipId}/check-ins/${checkInId}`,
      relationshipId,
      checkInId,
    },
    mail,
  );
  await audit(db, v, 'check_in.client_context_saved', checkInId);
  return getPortalCheckIn(db, v, relationshipId, checkInId);
}

export async function proposeTopic(
  db: Db,
  v: Contact,
  relationshipId: string,
  input: { title: string; description?: string | null },
  now: Date,
  mail: MailContext,
) {
  await assertOwnRelationship(db, v, relationshipId);
  const topic = await createTopic(
    db,
    v.workspaceId,
    personOf(v),
    relationshipId,
    { title: input.title, description: input.description ?? null, raisedBy: 'client' },
    now,
    mail,
  );
  // Without a partner lead the topics store tells nobody; the portal makes sure someone hears.
  const { rel, people } = await partnerSide(db, v.workspaceId, relationshipId);
  if (!rel.owner)
    await notify(db, v.workspaceId, people, {
      kind: 'topic_raised',
      title: `${rel.client.name} raised a topic: ${input.title}`,
      body: input.description || `A new topic on the backlog of ${rel.client.name} × ${rel.team.name}.`,
      link: topicPath(v.workspaceId, relationshipId, topic.id),
      relationshipId,
      topicId: topic.id,
      dedupeKey: `topic_raised:${topic.id}`,
    });
  await audit(db, v, 'topic.created', topic.id, { raisedBy: 'client' });
  return toPortalTopic(topic);
}

export async function voteFromPortal(db: Db, v: Contact, relationshipId: string, topicId: string) {
  await assertOwnRelationship(db, v, relationshipId);
  const { topic, added } = await voteOnTopic(db, v.workspaceId, personOf(v), relationshipId, topicId);
  if (added) await audit(db, v, 'topic.voted', topicId);
  return { topic: toPortalTopic(topic), added };
}

export async function commentFromPortal(
  db: Db,
  v: Contact,
  relationshipId: string,
  topicId: string,
  body: string,
  now: Date,
  mail: MailContext,
) {
  await assertOwnRelationship(db, v, relationshipId);
  const comment = await addComment(
    db,
    v.workspaceId,
    personOf(v),
    relationshipId,
    topicId,
    { body },
    now,
    mail,
  );
  await audit(db, v, 'topic.commented', topicId);
  return toPortalComment(comment);
}

export async function rsvpFromPortal(
  db: Db,
  v: Contact,
  relationshipId: string,
  eventId: string,
  response: RsvpResponse,
  now: Date,
) {
  await assertOwnRelationship(db, v, relationshipId);
  const event = await portalEventRow(db, v, eventId);
  const { created } = await respond(
    db,
    v.workspaceId,
    event,
    { contactId: v.contactId },
    response,
    null,
    now,
  );
  const { rel, people } = await partnerSide(db, v.workspaceId, relationshipId);
  const said = { yes: 'is coming to', no: 'is not coming to', maybe: 'might come to' }[response];
  await notify(db, v.workspaceId, [...people, event.createdBy], {
    kind: 'event_rsvp',
    title: `${v.contactName} (${rel.client.name}) ${said} ${event.title}`,
    body: `Answered in the portal for ${event.startsAt.toISOString().slice(0, 10)}.`,
    link: `/w/${v.workspaceId}/events/${eventId}`,
    relationshipId,
    dedupeKey: `event_rsvp:${eventId}:${v.contactId}:${response}:${now.getTime()}`,
  });
  await audit(db, v, 'event.rsvp', eventId, { response });
  return { event: await getPortalEvent(db, v, eventId), created };
}

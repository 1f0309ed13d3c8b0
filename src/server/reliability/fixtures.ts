import { latestPortalLink, openPortalLink, portalContact } from '../features/portal/portal.fixtures';
import type { Session, TestApp } from '../test/harness';

/** A string planted in every text field of the target workspace; no other actor may ever see it. */
export const MARKER = 'ZZ-PLANTED-MARKER-7f3a';

async function created(
  res: { statusCode: number; body: string; json(): unknown },
  what: string,
): Promise<{ id: string }> {
  if (res.statusCode !== 201) throw new Error(`fixture ${what}: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

/**
 * One of every workspace object, made through the API as the owner, with MARKER in its text.
 * Returns a value for every path parameter the API uses; a route whose parameter is missing here
 * fails the matrix, so each new feature adds its fixture.
 */
export async function plantWorkspace(t: TestApp, owner: Session): Promise<Record<string, string>> {
  const ws = (p: string) => owner.ws(p);
  const member = await t.addMember(owner, 'member');
  const team = await created(
    await owner.post(ws('/teams'), { name: `Team ${MARKER}`, description: MARKER }),
    'team',
  );
  const service = await created(
    await owner.post(ws('/services'), {
      name: `Service ${MARKER}`,
      kind: 'internal',
      teamId: team.id,
      description: MARKER,
    }),
    'service',
  );
  const client = await created(
    await owner.post(ws('/clients'), { name: `Client ${MARKER}`, kind: 'external', industry: MARKER }),
    'client',
  );
  const contact = await created(
    await owner.post(ws(`/clients/${client.id}/contacts`), {
      name: `Contact ${MARKER}`,
      email: `${MARKER.toLowerCase()}@client.example`,
      role: MARKER,
    }),
    'contact',
  );
  const relationship = await created(
    await owner.post(ws('/relationships'), {
      clientId: client.id,
      teamId: team.id,
      serviceIds: [service.id],
      cadenceDays: 30,
      ambition: MARKER,
    }),
    'relationship',
  );
  await created(
    await owner.post(ws(`/relationships/${relationship.id}/assessments`), {
      stage: 'advisory',
      pyramidLevel: 'desires',
      note: MARKER,
    }),
    'assessment',
  );
  const touchpoint = await created(
    await owner.post(ws(`/relationships/${relationship.id}/touchpoints`), {
      kind: 'immersion',
      initiatedBy: 'client',
      occurredAt: new Date().toISOString(),
      summary: MARKER,
      discoveries: MARKER,
      visibility: 'internal',
    }),
    'touchpoint',
  );
  // Check-ins and topics: a check-in with our side's context and an action, a topic the owner noted, a
  // colleague's comment on it — which notifies the owner, so the owner has a notification too.
  const checkIn = await created(
    await owner.post(ws(`/relationships/${relationship.id}/check-ins`), {
      scheduledFor: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      sendInvites: false,
    }),
    'check-in',
  );
  await owner.put(ws(`/relationships/${relationship.id}/check-ins/${checkIn.id}/context/provider`), {
    businessUpdate: MARKER,
    unusedCapacity: MARKER,
    furtherTopics: MARKER,
    waysOfWorking: MARKER,
  });
  const action = await created(
    await owner.post(ws(`/relationships/${relationship.id}/check-ins/${checkIn.id}/actions`), {
      title: MARKER,
    }),
    'check-in action',
  );
  const topic = await created(
    await owner.post(ws(`/relationships/${relationship.id}/topics`), {
      title: `Topic ${MARKER}`,
      description: MARKER,
      raisedBy: 'client',
      checkInId: checkIn.id,
    }),
    'topic',
  );
  const comment = await created(
    await member.post(member.ws(`/relationships/${relationship.id}/topics/${topic.id}/comments`), {
      body: MARKER,
    }),
    'topic comment',
  );
  const notifications = (await owner.get(ws('/notifications'))).json() as { items: { id: string }[] };
  const notification = notifications.items[0];
  if (!notification) throw new Error('fixture notification: the comment notified nobody');
  const inward = await plantInward(owner, { teamId: team.id, relationshipId: relationship.id });
  const token = await created(await owner.post(ws('/tokens'), { name: `Token ${MARKER}` }), 'token');
  const purpose = await owner.put(ws('/purpose'), { statement: `Purpose ${MARKER}` });
  if (purpose.statusCode !== 200) throw new Error(`fixture purpose: ${purpose.statusCode} ${purpose.body}`);
  const event = await created(
    await owner.post(ws('/events'), {
      title: `Event ${MARKER}`,
      startsAt: new Date(Date.now() - 2 * 3_600_000).toISOString(),
      endsAt: new Date(Date.now() - 3_600_000).toISOString(),
      location: MARKER,
      description: MARKER,
      audience: 'clients',
    }),
    'event',
  );
  await created(await owner.post(ws(`/events/${event.id}/rsvps`), { response: 'yes' }), 'rsvp');
  await created(
    await owner.post(ws(`/events/${event.id}/invitations`), { contactIds: [contact.id], message: MARKER }),
    'event invitation',
  );
  const knowledge = await created(
    await owner.post(ws('/knowledge'), {
      title: `Knowledge ${MARKER}`,
      body: `# ${MARKER}`,
      tags: ['marker'],
      visibility: 'internal',
    }),
    'knowledge',
  );
  const pulse = await created(
    await owner.post(ws('/pulses'), {
      kind: 'client',
      title: `Pulse ${MARKER}`,
      relationshipId: relationship.id,
      closesOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
    }),
    'pulse',
  );
  await created(
    await owner.post(ws('/invitations'), {
      email: `invitee-${MARKER.toLowerCase()}@example.com`,
      role: 'member',
    }),
    'invitation',
  );
  // A webhook to a public address that is never called in tests (it subscribes to nothing that follows).
  const webhook = await created(
    await owner.post(ws('/webhooks'), {
      url: `https://hooks.example.com/${MARKER}`,
      events: ['relationship.created'],
    }),
    'webhook',
  );
  const upload = await owner.request(
    'POST',
    ws('/imports?entity=contacts'),
    `Email,Name,Company,${MARKER}\nimport-${MARKER.toLowerCase()}@client.example,${MARKER},Client ${MARKER},${MARKER}\n`,
    { 'content-type': 'text/csv' },
  );
  const csvImport = await created(upload, 'import');
  return {
    workspaceId: owner.workspaceId,
    webhookId: webhook.id,
    importId: csvImport.id,
    teamId: team.id,
    serviceId: service.id,
    clientId: client.id,
    contactId: contact.id,
    relationshipId: relationship.id,
    touchpointId: touchpoint.id,
    checkInId: checkIn.id,
    actionId: action.id,
    topicId: topic.id,
    commentId: comment.id,
    notificationId: notification.id,
    tokenId: token.id,
    eventId: event.id,
    knowledgeId: knowledge.id,
    pulseId: pulse.id,
    userId: member.user.id,
    ...inward,
    // Link tokens (invitations, pulse responses) are opaque; a made-up one exercises the lookup.
    token: 'deadbeef.not-a-real-token',
  };
}

/** The inward movement: an experiment, time on it, a reflection and its learning, with MARKER in their text. */
async function plantInward(owner: Session, on: { teamId: string; relationshipId: string }) {
  const ws = (p: string) => owner.ws(p);
  const today = new Date().toISOString().slice(0, 10);
  const experiment = await created(
    await owner.post(ws('/experiments'), {
      ...on,
      title: `Experiment ${MARKER}`,
      hypothesis: MARKER,
      protectedHours: 20,
      safety: MARKER,
      commitment: MARKER,
      startsOn: today,
      endsOn: today,
    }),
    'experiment',
  );
  const timeEntry = await created(
    await owner.post(ws('/time-entries'), {
      ...on,
      date: today,
      hours: 2,
      kind: 'partnership',
      note: MARKER,
    }),
    'time entry',
  );
  const reflection = await created(
    await owner.post(ws('/reflections'), {
      teamId: on.teamId,
      heldOn: today,
      happening: MARKER,
      emerging: MARKER,
      surprisinglyWell: MARKER,
      harderThanExpected: MARKER,
      needs: MARKER,
      relationshipIds: [on.relationshipId],
      experimentIds: [experiment.id],
    }),
    'reflection',
  );
  const learning = await created(
    await owner.post(ws(`/reflections/${reflection.id}/learnings`), { text: MARKER, tags: [MARKER] }),
    'learning',
  );
  return {
    experimentId: experiment.id,
    timeEntryId: timeEntry.id,
    reflectionId: reflection.id,
    learningId: learning.id,
  };
}

/** `/api/v1/workspaces/:workspaceId/teams/:teamId` with the planted ids filled in. */
export function fillPath(url: string, params: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    const v = params[name];
    if (!v) throw new Error(`no fixture for path parameter :${name} in ${url} — add one to plantWorkspace`);
    return v;
  });
}

/**
 * Portal sessions around the planted workspace: its own contact (given portal access), a contact of
 * another client in the same workspace, and one of another workspace — each signed in by the emailed link.
 */
export async function plantPortal(t: TestApp, owner: Session, params: Record<string, string>) {
  const on = await owner.patch(owner.ws(`/clients/${params.clientId}/contacts/${params.contactId}`), {
    portalAccess: true,
  });
  if (on.statusCode !== 200) throw new Error(`fixture portal access: ${on.statusCode} ${on.body}`);
  const email = (on.json() as { email: string }).email;
  const target = await openPortalLink(t, await latestPortalLink(owner, email));
  if (!target) throw new Error('fixture portal: the invitation link did not open the portal');
  return {
    target,
    otherClient: await portalContact(t, owner),
    otherWorkspace: await portalContact(t, await t.signup()),
  };
}

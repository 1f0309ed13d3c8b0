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
  await created(
    await owner.post(ws('/invitations'), {
      email: `invitee-${MARKER.toLowerCase()}@example.com`,
      role: 'member',
    }),
    'invitation',
  );
  return {
    workspaceId: owner.workspaceId,
    teamId: team.id,
    serviceId: service.id,
    clientId: client.id,
    contactId: contact.id,
    relationshipId: relationship.id,
    touchpointId: touchpoint.id,
    tokenId: token.id,
    eventId: event.id,
    knowledgeId: knowledge.id,
    userId: member.user.id,
    // Link tokens (invitations) are opaque; a made-up one exercises the lookup.
    token: 'deadbeef.not-a-real-token',
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

// Test support: a client contact signed in to the portal, the way a real one gets there (through email).
import { Client, type Session, type TestApp, uniq } from '../../test/harness';

export type PortalContact = Client & { contactId: string; clientId: string; email: string };

/** The newest portal link emailed to `email` in the owner's workspace (from the outbox). */
export async function latestPortalLink(owner: Session, email: string): Promise<string> {
  const outbox = await owner.get(owner.ws('/outbox?limit=200'));
  const msg = (outbox.json() as { items: { to: string; text: string }[] }).items.find((m) => m.to === email);
  const token = /\/api\/v1\/portal\/session\?token=(\S+)/.exec(msg?.text ?? '')?.[1];
  if (!token) throw new Error(`no portal link for ${email} in the outbox`);
  return token;
}

/** Opens a link like a script would; the portal cookie becomes the client's credential. */
export async function openPortalLink(t: TestApp, token: string): Promise<Client | null> {
  const res = await t.anonymous.get(`/api/v1/portal/session?token=${encodeURIComponent(token)}`);
  if (res.statusCode !== 200) return null;
  const c = res.cookies.find((x) => x.name === 'tf_portal');
  if (!c) throw new Error('no portal cookie');
  return new Client(t.app, { cookie: `tf_portal=${c.value}` });
}

/** A new contact of `clientId` (or of a new client), given portal access and signed in by the emailed link. */
export async function portalContact(t: TestApp, owner: Session, clientId?: string): Promise<PortalContact> {
  let cid = clientId;
  if (!cid) {
    const client = await owner.post(owner.ws('/clients'), { name: `Client ${uniq('c')}`, kind: 'external' });
    cid = (client.json() as { id: string }).id;
  }
  const email = `${uniq('contact')}@client.example`;
  const made = await owner.post(owner.ws(`/clients/${cid}/contacts`), {
    name: `Contact ${uniq('p')}`,
    email,
  });
  if (made.statusCode !== 201) throw new Error(`contact: ${made.statusCode} ${made.body}`);
  const contactId = (made.json() as { id: string }).id;
  const on = await owner.patch(owner.ws(`/clients/${cid}/contacts/${contactId}`), { portalAccess: true });
  if (on.statusCode !== 200) throw new Error(`portal access: ${on.statusCode} ${on.body}`);
  const client = await openPortalLink(t, await latestPortalLink(owner, email));
  if (!client) throw new Error('the invitation link did not open the portal');
  return Object.assign(client, { contactId, clientId: cid, email });
}

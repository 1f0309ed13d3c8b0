// Test factories for pulses: contacts to ask, and reading the links out of the outbox like a recipient would.
import type { Session } from '../../test/harness';
import { uniq } from '../../test/harness';

export async function makeContact(s: Session, clientId: string, name = uniq('Contact')) {
  const res = await s.post(s.ws(`/clients/${clientId}/contacts`), {
    name,
    email: `${uniq('c')}@client.example`,
  });
  if (res.statusCode !== 201) throw new Error(`contact: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string; email: string };
}

export type OutboxMail = { to: string; subject: string; text: string };

export async function outbox(s: Session): Promise<OutboxMail[]> {
  const res = await s.get(s.ws('/outbox?limit=200'));
  if (res.statusCode !== 200) throw new Error(`outbox: ${res.statusCode} ${res.body}`);
  return (res.json() as { items: OutboxMail[] }).items;
}

/** The token of the newest pulse link mailed to `email` (as the recipient would click it). */
export async function mailedToken(s: Session, email: string): Promise<string> {
  const mail = (await outbox(s)).find((m) => m.to === email && m.text.includes('/respond/'));
  const token = mail && /\/respond\/([^\s]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`no pulse link mailed to ${email}`);
  return token;
}

export const tokenOf = (url: string) => url.split('/respond/')[1]!;
export const respond = (url: string) => `/api/v1/pulse-responses/${tokenOf(url)}`;

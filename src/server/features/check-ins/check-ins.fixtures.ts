import type { Session } from '../../test/harness';
import { uniq } from '../../test/harness';

/** A team, a client with two contacts, and a relationship led by `s`, made through the API. */
export async function plantRelationship(s: Session, options: { cadenceDays?: number; marker?: string } = {}) {
  const marker = options.marker ?? uniq('m');
  const ok = <T>(res: { statusCode: number; body: string; json(): unknown }, what: string): T => {
    if (res.statusCode !== 201) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
    return res.json() as T;
  };
  const team = ok<{ id: string; name: string }>(
    await s.post(s.ws('/teams'), { name: `Team ${marker}` }),
    'team',
  );
  const client = ok<{ id: string; name: string }>(
    await s.post(s.ws('/clients'), { name: `Client ${marker}`, kind: 'external' }),
    'client',
  );
  const contacts = [];
  for (const who of ['hanna', 'omar']) {
    contacts.push(
      ok<{ id: string; email: string; name: string }>(
        await s.post(s.ws(`/clients/${client.id}/contacts`), {
          name: `${who} ${marker}`,
          email: `${uniq(who)}@client.example`,
        }),
        'contact',
      ),
    );
  }
  const relationship = ok<{ id: string; nextCheckInDue: string }>(
    await s.post(s.ws('/relationships'), {
      clientId: client.id,
      teamId: team.id,
      ownerId: s.user.id,
      cadenceDays: options.cadenceDays ?? 30,
    }),
    'relationship',
  );
  return { team, client, contacts, relationship };
}
